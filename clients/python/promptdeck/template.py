"""Local rendering with exactly the server's rules (lib/catalog/template.ts).

Logic-less mustache: ``{{var}}``, sections ``{{#var}}...{{/var}}``, inverted sections
``{{^var}}...{{/var}}``, comments and set delimiters; no partials; no HTML escaping (lists and
objects are inserted as JSON); names resolve to the variables' own properties only
(``{{constructor}}`` is a missing variable); sections nest at most 16 deep; the work per text
is bounded. The server, this module and the TypeScript client all pass the shared vectors in
clients/template-cases.json.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional

from . import _js
from ._mustache import Context, MustacheError, Writer, parse
from .errors import TemplateError

MAX_SECTION_DEPTH = 16
MAX_RENDER_TOKENS = 1_000_000
MAX_RENDERED_CHARS = 1_000_000


def _describe(where: str) -> str:
    if where.startswith("messages.") and where[9:].isdigit():
        return "Message %d" % (int(where[9:]) + 1)
    return "System prompt" if where == "system" else where


def _error(where: str, message: str) -> TemplateError:
    return TemplateError("template_error", "%s: %s" % (_describe(where), message), where=where)


def _parse(text: str, where: str) -> List[list]:
    try:
        tokens = parse(text)
    except MustacheError as e:
        raise _error(where, str(e)) from None
    stack = [(tokens, 0)]
    while stack:
        lst, depth = stack.pop()
        for t in lst:
            if t[0] not in ("#", "^"):
                continue
            if depth + 1 > MAX_SECTION_DEPTH:
                raise _error(where, "sections are nested more than %d deep." % MAX_SECTION_DEPTH)
            stack.append((t[4], depth + 1))
    return tokens


def _texts(template: Mapping[str, Any]):
    out = []
    if template.get("system"):
        out.append(("system", template["system"]))
    for i, m in enumerate(template["messages"]):
        out.append(("messages.%d" % i, m["content"]))
    return out


def _collect(tokens: List[list], required: Dict[str, None], ordered: Dict[str, None], depth: int, where: str) -> None:
    for t in tokens:
        kind, value = t[0], t[1]
        root = value.split(".")[0]
        if kind in ("name", "&"):
            if depth == 0 and value != ".":
                required.setdefault(root)
                ordered.setdefault(root)
        elif kind in ("#", "^"):
            if depth == 0 and value != ".":
                ordered.setdefault(root)
            _collect(t[4], required, ordered, depth + 1, where)
        elif kind == ">":
            raise _error(where, "partials ({{> %s}}) are not supported." % value)


def _analyse(template: Mapping[str, Any]):
    required: Dict[str, None] = {}
    ordered: Dict[str, None] = {}
    for where, text in _texts(template):
        _collect(_parse(text, where), required, ordered, 0, where)
    return required, ordered


def extract_variables(template: Mapping[str, Any]) -> List[str]:
    """The template's variable names in order of first appearance (the server's ``variables``)."""
    return list(_analyse(template)[1])


def _check_depth(v: Any, depth: int = 0) -> None:
    if isinstance(v, (dict, list)):
        if depth > 64:
            raise TemplateError("template_error", "Variables are nested more than 64 levels deep.", where="variables")
        for x in v.values() if isinstance(v, dict) else v:
            _check_depth(x, depth + 1)


def _render(where: str, text: str, view: Any) -> str:
    budget = {"tokens": MAX_RENDER_TOKENS, "chars": MAX_RENDERED_CHARS}

    def on_tokens(n: int) -> None:
        budget["tokens"] -= n
        if budget["tokens"] < 0:
            raise _error(where, "rendering repeats sections too often (more than 1,000,000 steps); use shorter lists or fewer nested sections.")

    def on_output(out: str) -> None:
        budget["chars"] -= _js.utf16_len(out)
        if budget["chars"] < 0:
            raise _error(where, "the rendered text would be longer than 1,000,000 characters.")

    return Writer(on_tokens, on_output).render_tokens(parse(text), Context(view))


def render_template(template: Mapping[str, Any], variables: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Renders ``{system?, messages}`` as the server's render and invoke do.

    Returns ``{"system": str | None, "messages": [{"role", "content"}]}``. Raises TemplateError
    (``template_error`` or ``missing_variables``). Variables are taken as the JSON the server
    would receive (tuples become lists; values JSON cannot hold raise TypeError).
    """
    required, _ = _analyse(template)
    view = json.loads(json.dumps(dict(variables or {})))
    _check_depth(view)
    missing = [n for n in required if view.get(n) is None]
    if missing:
        raise TemplateError("missing_variables", "Missing variables: %s." % ", ".join(missing), missing=missing)
    system = template.get("system")
    return {
        "system": _render("system", system, view) if system else None,
        "messages": [{"role": m["role"], "content": _render("messages.%d" % i, m["content"], view)} for i, m in enumerate(template["messages"])],
    }
