"""Links in quiz text to pages of the site, checked against the quiz file rather than the pages that show the text.

Quiz text reaches several pages (the quiz page, the journal, the answer key); a broken link in it is the quiz
file's fault, and is reported once, with the file's line and field.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

QUIZ_PAGES = "quizzes"
"""The folder of the generated quiz pages, which links in quiz text are relative to."""

_TARGETS = re.compile(
    r"\]\(\s*<?([^)\s>]+)"  # [text](target) and ![alt](target)
    r"|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"  # [label]: target
    r"""|\b(?:href|src)\s*=\s*["']([^"']+)""",  # raw HTML
    re.M,
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def page_targets(text: str) -> Iterator[tuple[str, str]]:
    """Yield (link as written, docs page such as `lessons/x.md`) for every relative link to a page in quiz `text`."""
    if ".md" not in text:
        return  # most texts link to no page at all
    for match in _TARGETS.finditer(text):
        target = next(group for group in match.groups() if group)
        path = re.split(r"[#?]", target, maxsplit=1)[0]
        if path.endswith(".md") and not _SCHEME.match(path) and not path.startswith("/"):
            yield target, posixpath.normpath(posixpath.join(QUIZ_PAGES, path))


def broken_links(text: str, known_pages: set[str]) -> list[str]:
    """Return a message for every link in quiz `text` to a page the site does not have."""
    return [
        f"the link `{written}` leads to `{page}`, which does not exist in docs/; links in quiz text are relative "
        f"to the quiz page in `{QUIZ_PAGES}/`, so a lesson is `../lessons/<name>.md`."
        for written, page in page_targets(text)
        if page not in known_pages
    ]

