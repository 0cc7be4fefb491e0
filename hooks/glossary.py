"""Links to a glossary entry explain the term where they appear: each gets the entry's first sentence as its title."""

from __future__ import annotations

import re
from typing import Any

from markdown.extensions.toc import slugify
from markupsafe import escape

GLOSSARY = "glossary.md"
_ENTRY = re.compile(r"^## (.+?)\n\n(.+?)(?:\n\n|\Z)", re.M | re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_GLOSSARY_LINK = re.compile(r'<a\b(?![^>]*\btitle=)([^>]*\bhref="[^"#]*\bglossary/#([\w-]+)")')

_definitions: dict[str, str] = {}


def definitions(markdown: str) -> dict[str, str]:
    """Map each `## Term` anchor of a glossary page to the first sentence of its entry, as plain text."""
    found = {}
    for term, paragraph in _ENTRY.findall(markdown):
        text = re.sub(r"[*_`]", "", _MARKDOWN_LINK.sub(r"\1", " ".join(paragraph.split())))
        found[slugify(term, "-")] = _SENTENCE_END.split(text, maxsplit=1)[0]
    return found


def titled_links(html: str, explained: dict[str, str]) -> str:
    """Give every link to a known glossary anchor in `html` a title with its definition (existing titles win)."""

    def add_title(match: re.Match[str]) -> str:
        definition = explained.get(match.group(2))
        return f'<a title="{escape(definition)}"{match.group(1)}' if definition else match.group(0)

    return _GLOSSARY_LINK.sub(add_title, html)


def on_files(files: Any, config: Any) -> Any:
    """Read the definitions once per build, before any page is rendered."""
    glossary = files.get_file_from_path(GLOSSARY)
    _definitions.clear()
    if glossary is not None:
        _definitions.update(definitions(glossary.content_string))
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Explain glossary terms on the page."""
    return titled_links(html, _definitions) if _definitions else html
