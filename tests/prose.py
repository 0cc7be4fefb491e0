"""Extract the reading prose of a lesson and measure it; run as a script to check lessons while writing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import textstat

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
CITATION = re.compile(r"\(\s*\[?[A-Z][^()]*?\d{4}[a-z]?\]?(?:\([^()]*\))?\s*\)")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
MARKUP = re.compile(r"[*_`>|]|<[^>]+>")
SKIPPED_LINE = re.compile(r"^\s*(?:#|\||!!!|\?\?\?|<!--|\*Reading time)")
LIST_MARKER = re.compile(r"^\s*(?:[-+*]|\d+\.)\s+")
SOURCES = re.compile(r"^\?\?\?\+? info \"Sources\".*", re.S | re.M)


def lesson_prose(markdown: str) -> str:
    """Return the lesson text a reader reads, without markup, headings, citations or the sources list."""
    text = SOURCES.sub("", FRONT_MATTER.sub("", markdown))
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if SKIPPED_LINE.match(line) or not line.strip():
            blocks.append([])
        elif LIST_MARKER.match(line):
            blocks.append([LIST_MARKER.sub("", line)])
        else:
            blocks[-1].append(line.strip())
    paragraphs = []
    for block in filter(None, blocks):
        paragraph = CITATION.sub("", " ".join(block))
        paragraph = MARKUP.sub("", ATTRIBUTES.sub("", LINK.sub(r"\1", paragraph))).strip()
        # A list item without a full stop still ends a thought for the reader.
        paragraphs.append(paragraph if paragraph.endswith((".", "?", "!", ":")) else paragraph + ".")
    return " ".join(paragraphs)


def grade(markdown: str) -> float:
    """Flesch-Kincaid grade level of a lesson's prose."""
    return textstat.flesch_kincaid_grade(lesson_prose(markdown))


def sentences(markdown: str) -> list[str]:
    """The sentences of a lesson's prose."""
    return re.split(r"(?<=[.?!])\s+", lesson_prose(markdown))


def word_count(markdown: str) -> int:
    """Words a reader reads in a lesson, citations and sources excluded."""
    return len(lesson_prose(markdown).split())


if __name__ == "__main__":
    for name in sys.argv[1:] or sorted(str(p) for p in Path("docs/lessons").glob("*.md")):
        source = Path(name).read_text(encoding="utf-8")
        print(f"{name}: grade {grade(source):.1f}, {word_count(source)} words")
