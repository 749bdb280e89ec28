"""Server-sent events from a streaming answer (the text/event-stream format)."""
from __future__ import annotations

from typing import Any, Iterator, Tuple


def read_events(raw: Any) -> Iterator[Tuple[str, str]]:
    """(event, data) pairs: `event:` and `data:` lines, a blank line ends an event, several data
    lines are joined with newlines, `:` lines are comments; an event cut off by the end is dropped."""
    event = ""
    data = []
    while True:
        line_b = raw.readline()
        if not line_b:
            return
        line = line_b.decode("utf-8").rstrip("\r\n")
        if line == "":
            if data:
                yield (event or "message", "\n".join(data))
            event, data = "", []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)
