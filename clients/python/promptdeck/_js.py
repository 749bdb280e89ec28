"""JavaScript's view of JSON values, so local rendering matches the server (Node.js) exactly.

The server renders with mustache.js, so numbers are printed as JavaScript prints them
(``1.0`` -> ``1``, ``1e21`` -> ``1e+21``), lists and objects are inserted as ``JSON.stringify``
writes them (integer-like keys first), and strings are measured in UTF-16 code units.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator), which differs from Python's \s.
JS_WS = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
WS_CLASS = "[" + JS_WS + "]"

_INDEX_RE = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_MAX_ARRAY_INDEX = 2**32 - 2


class Undefined:
    """JavaScript's undefined (a name that resolves to nothing)."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED = Undefined()


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def to_double(v: Any) -> float:
    """A JSON number as JavaScript holds it (a double; huge integers round, overflow is Infinity)."""
    try:
        return float(v)
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def number_to_string(v: Any) -> str:
    """ECMAScript Number::toString(x) for radix 10."""
    x = to_double(v)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    if x < 0:
        return "-" + number_to_string(-x)
    # repr gives the shortest digit string that round-trips, as JavaScript uses.
    sign, digits_t, exp = Decimal(repr(x)).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_t)
    k = len(digits)
    n = exp + k  # x = 0.d1d2...dk * 10^n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    exp_s = ("+" if e >= 0 else "-") + str(abs(e))
    return digits + "e" + exp_s if k == 1 else digits[0] + "." + digits[1:] + "e" + exp_s


def truthy(v: Any) -> bool:
    """JavaScript truthiness (lists and objects, even empty, are truthy)."""
    if v is None or v is UNDEFINED:
        return False
    if isinstance(v, bool):
        return v
    if is_number(v):
        x = to_double(v)
        return not (x == 0 or math.isnan(x))
    if isinstance(v, str):
        return len(v) > 0
    return True


def utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def utf16_unit(s: str, i: int) -> str:
    """The i-th UTF-16 code unit of s (half of a surrogate pair for astral characters)."""
    units = s.encode("utf-16-le", "surrogatepass")
    code = int.from_bytes(units[2 * i : 2 * i + 2], "little")
    return chr(code)


def is_array_index(key: str) -> bool:
    return bool(_INDEX_RE.match(key)) and int(key) <= _MAX_ARRAY_INDEX


def own_property(v: Any, key: str):
    """(hit, value) for JavaScript's Object.hasOwn(v, key) on JSON values (objects, arrays, strings)."""
    if isinstance(v, dict):
        return (True, v[key]) if key in v else (False, UNDEFINED)
    if isinstance(v, list):
        if key == "length":
            return True, len(v)
        if is_array_index(key) and int(key) < len(v):
            return True, v[int(key)]
        return False, UNDEFINED
    if isinstance(v, str):
        n = utf16_len(v)
        if key == "length":
            return True, n
        if is_array_index(key) and int(key) < n:
            return True, utf16_unit(v, int(key))
        return False, UNDEFINED
    return False, UNDEFINED


def _ordered_items(d: dict):
    """Property order of a JavaScript object: array-index keys ascending, then the rest in insertion order."""
    index = sorted((k for k in d if is_array_index(k)), key=int)
    rest = [k for k in d if not is_array_index(k)]
    return [(k, d[k]) for k in index + rest]


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quote(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def stringify(v: Any) -> str:
    """JSON.stringify(v) for JSON values."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if is_number(v):
        x = to_double(v)
        return "null" if math.isnan(x) or math.isinf(x) else number_to_string(x)
    if isinstance(v, str):
        return _quote(v)
    if isinstance(v, list):
        return "[" + ",".join("null" if x is UNDEFINED else stringify(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(_quote(k) + ":" + stringify(x) for k, x in _ordered_items(v) if x is not UNDEFINED) + "}"
    raise TypeError("not a JSON value: %r" % (v,))


def to_text(v: Any) -> str:
    """What the server inserts for a value: lists and objects as JSON, the rest as String(v)."""
    if isinstance(v, (dict, list)):
        return stringify(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if is_number(v):
        return number_to_string(v)
    if v is None:
        return "null"
    return str(v)
