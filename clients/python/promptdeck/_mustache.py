"""A faithful port of the parts of mustache.js 4.2.0 that Promptdeck's templates use.

The server (lib/catalog/template.ts) renders with mustache.js: this module parses exactly as its
``parseTemplate`` does (tags, set delimiters, comments, standalone-line whitespace, section
checks, the same error messages) and renders as its ``Writer`` does, with the server's two
changes: names resolve to the values' OWN properties only, and ``{{{x}}}``/``{{&x}}`` insert
like ``{{x}}``. Partials are parsed (so they can be refused) but never rendered. Positions in
error messages are UTF-16 offsets, as in JavaScript.
"""
from __future__ import annotations

import re
from typing import Any, Callable, List, Optional

from . import _js

_WS = _js.WS_CLASS
_white_re = re.compile(_WS + "*")
_space_re = re.compile(_WS + "+")
_equals_re = re.compile(_WS + "*=")
_curly_re = re.compile(_WS + r"*\}")
_tag_re = re.compile(r"#|\^|/|>|\{|&|=|!")
_non_space_re = re.compile("[^" + _js.JS_WS + "]")


class MustacheError(Exception):
    """A template that mustache.js would refuse to parse (same message)."""


def _is_whitespace(ch: str) -> bool:
    return not _non_space_re.search(ch)


class _Scanner:
    def __init__(self, s: str) -> None:
        self.tail = s
        self.pos = 0

    def eos(self) -> bool:
        return self.tail == ""

    def scan(self, rx) -> str:
        m = rx.match(self.tail)
        if not m:
            return ""
        s = m.group(0)
        self.tail = self.tail[len(s) :]
        self.pos += len(s)
        return s

    def scan_until(self, rx) -> str:
        m = rx.search(self.tail)
        if m is None:
            match, self.tail = self.tail, ""
        elif m.start() == 0:
            match = ""
        else:
            match, self.tail = self.tail[: m.start()], self.tail[m.start() :]
        self.pos += len(match)
        return match


def parse(template: str, tags=("{{", "}}")) -> List[list]:
    """mustache.js parseTemplate: nested tokens [type, value, start, end, children?, closeStart?]."""
    if not template:
        return []

    def at(pos: int) -> int:  # JavaScript positions count UTF-16 code units
        return _js.utf16_len(template[:pos])

    state = {"has_tag": False, "non_space": False}
    sections: List[list] = []
    tokens: List[Optional[list]] = []
    spaces: List[int] = []
    line_has_non_space = False
    indentation = ""
    tag_index = 0
    rx = {}

    def strip_space() -> None:
        nonlocal spaces
        if state["has_tag"] and not state["non_space"]:
            while spaces:
                tokens[spaces.pop()] = None
        else:
            spaces = []
        state["has_tag"] = False
        state["non_space"] = False

    def compile_tags(t) -> None:
        if isinstance(t, str):
            t = _space_re.split(t)[:2]
        if not isinstance(t, (list, tuple)) or len(t) != 2:
            raise MustacheError("Invalid tags: " + ",".join(t))
        rx["open"] = re.compile(re.escape(t[0]) + _WS + "*")
        rx["close"] = re.compile(_WS + "*" + re.escape(t[1]))
        rx["close_curly"] = re.compile(_WS + "*" + re.escape("}" + t[1]))

    compile_tags(list(tags))
    scanner = _Scanner(template)
    while not scanner.eos():
        start = scanner.pos
        value = scanner.scan_until(rx["open"])
        if value:
            for ch in value:
                if _is_whitespace(ch):
                    spaces.append(len(tokens))
                    indentation += ch
                else:
                    state["non_space"] = True
                    line_has_non_space = True
                    indentation += " "
                tokens.append(["text", ch, start, start + 1])
                start += 1
                if ch == "\n":
                    strip_space()
                    indentation = ""
                    tag_index = 0
                    line_has_non_space = False
        if not scanner.scan(rx["open"]):
            break
        state["has_tag"] = True
        kind = scanner.scan(_tag_re) or "name"
        scanner.scan(_white_re)
        if kind == "=":
            value = scanner.scan_until(_equals_re)
            scanner.scan(_equals_re)
            scanner.scan_until(rx["close"])
        elif kind == "{":
            value = scanner.scan_until(rx["close_curly"])
            scanner.scan(_curly_re)
            scanner.scan_until(rx["close"])
            kind = "&"
        else:
            value = scanner.scan_until(rx["close"])
        if not scanner.scan(rx["close"]):
            raise MustacheError("Unclosed tag at %d" % at(scanner.pos))
        if kind == ">":
            token = [kind, value, start, scanner.pos, indentation, tag_index, line_has_non_space]
        else:
            token = [kind, value, start, scanner.pos]
        tag_index += 1
        tokens.append(token)
        if kind in ("#", "^"):
            sections.append(token)
        elif kind == "/":
            open_section = sections.pop() if sections else None
            if not open_section:
                raise MustacheError('Unopened section "%s" at %d' % (value, at(start)))
            if open_section[1] != value:
                raise MustacheError('Unclosed section "%s" at %d' % (open_section[1], at(start)))
        elif kind in ("name", "{", "&"):
            state["non_space"] = True
        elif kind == "=":
            compile_tags(value)
    strip_space()
    open_section = sections.pop() if sections else None
    if open_section:
        raise MustacheError('Unclosed section "%s" at %d' % (open_section[1], at(scanner.pos)))
    return _nest(_squash(tokens))


def _squash(tokens: List[Optional[list]]) -> List[list]:
    out: List[list] = []
    last = None
    for t in tokens:
        if t is None:
            continue
        if t[0] == "text" and last is not None and last[0] == "text":
            last[1] += t[1]
            last[3] = t[3]
        else:
            out.append(t)
            last = t
    return out


def _nest(tokens: List[list]) -> List[list]:
    nested: List[list] = []
    collector = nested
    sections: List[list] = []
    for t in tokens:
        if t[0] in ("#", "^"):
            collector.append(t)
            sections.append(t)
            t.append([])
            collector = t[4]
        elif t[0] == "/":
            section = sections.pop()
            section.append(t[2])
            collector = sections[-1][4] if sections else nested
        else:
            collector.append(t)
    return nested


class Context:
    """A view and its parents; names resolve to own properties only (as the server)."""

    def __init__(self, view: Any, parent: "Optional[Context]" = None) -> None:
        self.view = view
        self.parent = parent

    def push(self, view: Any) -> "Context":
        return Context(view, self)

    def lookup(self, name: str) -> Any:
        if name == ".":
            return self.view
        ctx: Optional[Context] = self
        while ctx is not None:
            view = ctx.view
            if name.find(".") > 0:
                parts = name.split(".")
                v = view
                hit = False
                i = 0
                while i < len(parts) and v is not None and v is not _js.UNDEFINED:
                    h, v = _js.own_property(v, parts[i])
                    if i == len(parts) - 1:
                        hit = h
                    i += 1
                if hit:
                    return v
            elif isinstance(view, (dict, list)):
                h, v = _js.own_property(view, name)
                if h:
                    return v
            ctx = ctx.parent
        return _js.UNDEFINED


class Writer:
    """Renders tokens; `on_tokens(n)` and `on_output(text)` let the caller bound the work."""

    def __init__(self, on_tokens: Callable[[int], None], on_output: Callable[[str], None]) -> None:
        self.on_tokens = on_tokens
        self.on_output = on_output

    def render_tokens(self, tokens: List[list], context: Context) -> str:
        self.on_tokens(len(tokens))
        buf = []
        for t in tokens:
            kind = t[0]
            if kind == "#":
                buf.append(self._section(t, context))
            elif kind == "^":
                buf.append(self._inverted(t, context))
            elif kind in ("&", "name"):
                value = context.lookup(t[1])
                if value is not None and value is not _js.UNDEFINED:
                    buf.append(_js.to_text(value))
            elif kind == "text":
                buf.append(t[1])
        out = "".join(buf)
        self.on_output(out)
        return out

    def _section(self, t: list, context: Context) -> str:
        value = context.lookup(t[1])
        if not _js.truthy(value):
            return ""
        if isinstance(value, list):
            return "".join(self.render_tokens(t[4], context.push(item)) for item in value)
        if isinstance(value, (dict, str)) or _js.is_number(value):
            return self.render_tokens(t[4], context.push(value))
        return self.render_tokens(t[4], context)

    def _inverted(self, t: list, context: Context) -> str:
        value = context.lookup(t[1])
        if not _js.truthy(value) or (isinstance(value, list) and len(value) == 0):
            return self.render_tokens(t[4], context)
        return ""
