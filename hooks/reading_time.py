"""MkDocs hook: the `reading_minutes` template filter, a page's reading time from its word count."""

from __future__ import annotations

import math
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

WORDS_PER_MINUTE = 200
# Markup that is not read aloud: HTML tags, comments, link targets and attribute lists.
_NOT_WORDS = re.compile(r"<!--.*?-->|<[^>]+>|\]\([^)]*\)|\{[:.#][^}]*\}", re.S)


def reading_minutes(markdown: str | None) -> int:
    """Minutes a reader needs for `markdown`, at 200 words a minute, rounded up; at least one."""
    words = len(_NOT_WORDS.sub(" ", markdown or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files) -> None:
    """Give the templates the filter."""
    env.filters["reading_minutes"] = reading_minutes
