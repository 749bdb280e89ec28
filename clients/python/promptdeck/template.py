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
import re
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


def _py_index(text: str, units: int) -> int:
    """The Python index of a JavaScript (UTF-16) position in text."""
    seen = 0
    for i, ch in enumerate(text):
        if seen >= units:
            return i
        seen += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _line_and_column(text: str, at: int) -> str:
    before = text[: max(0, min(at, len(text)))]
    line = before.count("\n") + 1
    column = _js.utf16_len(before[before.rfind("\n") + 1 :]) + 1
    return "line %d, column %d" % (line, column)


def _section_start(text: str, name: str, at: int) -> int:
    """The last opening of section `name` before `at` ({{#name}} or {{^name}}), or `at`."""
    found = -1
    for m in re.finditer(r"\{\{\s*[#^]\s*" + re.escape(name) + r"\s*\}\}", text[:at]):
        found = m.start()
    return found if found >= 0 else at


def _describe_parse_error(message: str, text: str) -> str:
    """mustache's parse errors in the words the server uses (where it starts, as line and column)."""
    m = re.match(r"^Unclosed tag at (\d+)$", message)
    if m:
        at = _py_index(text, int(m.group(1)))
        opened = text.rfind("{{", 0, at + 2)
        return "a tag opened with {{ is not closed with }} (at %s)" % _line_and_column(text, opened if opened >= 0 else at)
    m = re.match(r'^Unclosed section "(.*)" at (\d+)$', message, re.S)
    if m:
        name = m.group(1)
        at = _section_start(text, name, _py_index(text, int(m.group(2))))
        return "the section {{#%s}} is not closed: add {{/%s}} (at %s)" % (name, name, _line_and_column(text, at))
    m = re.match(r'^Unopened section "(.*)" at (\d+)$', message, re.S)
    if m:
        return "{{/%s}} closes a section that was not opened (at %s)" % (m.group(1), _line_and_column(text, _py_index(text, int(m.group(2)))))
    return message


def _parse(text: str, where: str) -> List[list]:
    try:
        tokens = parse(text)
    except MustacheError as e:
        raise _error(where, _describe_parse_error(str(e), text) + ".") from None
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
