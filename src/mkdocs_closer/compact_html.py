"""Pages sent without the theme's indentation: most of them then fit in the first round trip of a connection.

Only runs of whitespace that hold a line break are shortened, to that one line break, and only in text: a
browser renders such a run as one space wherever whitespace collapses, so nothing on the page moves. Tags (and the
attribute values in them), comments, and the elements whose whitespace shows (`pre`, `textarea`, and `code` and
`kbd`, which Material sets in `pre-wrap`) or is code (`script`, `style`) are copied as they are.
"""

from __future__ import annotations

import re

_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""  # up to the tag's `>`, whatever its quoted values hold
_KEPT = re.compile(
    rf"(<!--.*?-->|<(pre|textarea|script|style|code|kbd)\b{_ATTRIBUTES}>.*?</\2\s*>|<{_ATTRIBUTES}>)"
    r"|[ \t\r\f]*\n[ \t\n\r\f]*",
    re.S | re.I,
)


def compacted(html: str) -> str:
    """Return `html` with each run of whitespace that holds a line break, outside tags and kept elements, as one."""
    return _KEPT.sub(lambda m: m.group(1) or "\n", html)
