"""Promptdeck client for Python (standard library only, Python 3.9+)."""
from .cache import PromptCache
from .client import Promptdeck, ServedPrompt, __version__
from .converse import converse_input, converse_kwargs, converse_models, model_family, record_usage, tool_config
from .errors import PromptdeckError, TemplateError
from .template import extract_variables, render_template

__all__ = [
    "Promptdeck",
    "PromptCache",
    "PromptdeckError",
    "ServedPrompt",
    "TemplateError",
    "converse_input",
    "converse_kwargs",
    "converse_models",
    "extract_variables",
    "model_family",
    "record_usage",
    "render_template",
    "tool_config",
    "__version__",
]
