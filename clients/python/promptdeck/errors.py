"""Errors of the Promptdeck client."""
from __future__ import annotations

from typing import Any, List, Optional


class PromptdeckError(Exception):
    """A call to Promptdeck failed.

    ``status`` is the HTTP status, or None when no answer came. ``code`` is the server's error
    code (``not_found``, ``validation_error``, ``throttled``...) or one of ``network_error``,
    ``timeout``, ``bad_response``, ``incomplete_stream``.
    """

    def __init__(self, status: Optional[int], code: str, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    @property
    def unavailable(self) -> bool:
        """The server could not answer right now (no answer, 5xx, 429): stale copies and retries apply.

        Never true for 4xx answers such as 404 (the prompt or label is gone)."""
        if self.status is None:
            return True
        return self.status >= 500 or self.status == 429

    def __repr__(self) -> str:
        return "PromptdeckError(status=%r, code=%r, message=%r)" % (self.status, self.code, self.message)


class TemplateError(Exception):
    """Local rendering failed: ``template_error`` (with ``where``) or ``missing_variables`` (with ``missing``)."""

    def __init__(self, code: str, message: str, where: Optional[str] = None, missing: Optional[List[str]] = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.where = where
        self.missing = missing
