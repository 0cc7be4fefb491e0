"""MkDocs hook: a page's reading time from its word count, for the home page's cards and the lesson itself."""

from __future__ import annotations

import math
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_closer.quizcore.strings import merge_strings

WORDS_PER_MINUTE = 200
MARKER = "<!-- reading-time -->"
"""Where a page shows its reading time, in words from the interface text (`reading_time`)."""
# Markup that is not read aloud: HTML tags, comments, link targets and attribute lists.
_NOT_WORDS = re.compile(r"<!--.*?-->|<[^>]+>|\]\([^)]*\)|\{[:.#][^}]*\}", re.S)


def reading_minutes(markdown: str | None) -> int:
    """Minutes a reader needs for `markdown`, at 200 words a minute, rounded up; at least one."""
    words = len(_NOT_WORDS.sub(" ", markdown or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class _State:
    def __init__(self) -> None:
        self.text = "{minutes}"


state = _State()


def on_config(config: MkDocsConfig) -> None:
    """Read the words a reading time is said in, from the closer plugin's interface text."""
    closer = config.plugins.get("closer")
    strings = getattr(closer, "strings", None) or merge_strings(None, config.theme.get("language") or "en")
    state.text = strings["reading_time"]


@event_priority(50)  # before the closer plugin adds a lesson's box of quizzes
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Count the page's own words (before other hooks and plugins add to a page) and show them at the marker."""
    minutes = page.meta["reading_minutes"] = reading_minutes(markdown)
    return markdown.replace(MARKER, state.text.format(minutes=minutes)) if MARKER in markdown else None
