"""The participant pack: what each session hands out, read from its plan's links and its lessons' own Markdown."""

from __future__ import annotations

import posixpath
import re
import textwrap
from dataclasses import dataclass, field

from mkdocs_closer.facilitation.links import INLINE_LINK, LINK_DEFINITION, Link, plan_links

_HEADING = re.compile(r"^(#{2,6}) (.+?)\s*(?:\{[^}]*\})?\s*$", re.M)
# An ordered list: items "1. …" and the lines that continue them (indented, or blank between items).
_STEPS = re.compile(r"^1\. .*\n(?:(?: {3,}.*|\d+\. .*|)\n)*", re.M)


@dataclass(frozen=True)
class Exercise:
    """A lesson's practice, as the pack shows it: its heading and its numbered steps (Markdown)."""

    title: str
    steps: str


@dataclass
class Session:
    """One page of the pack: a session plan's lessons, their summaries and exercises, and the pages to open."""

    id: str
    title: str
    summaries: list[tuple[str, str]] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    pages: list[Link] = field(default_factory=list)


def covered(markdown: str, plan: str, folders: tuple[str, ...]) -> list[str]:
    """Return the pages that a session plan's first paragraph links to: the lessons the session covers.

    `markdown` is the page's text as MkDocs keeps it, without its front matter.
    """
    blocks = (block.strip() for block in re.split(r"\n\s*\n", markdown))
    first = next((block for block in blocks if block and not block.startswith("#")), "")
    # Reference links in that paragraph may be defined anywhere in the plan.
    definitions = "\n".join(match[0] for match in LINK_DEFINITION.finditer(markdown))
    return list(dict.fromkeys(link.page for link in plan_links(f"{first}\n\n{definitions}", plan, folders)))


def summary(markdown: str, title: str) -> str:
    """Return the text of a lesson's summary box (an admonition titled `title`), or "" when it has none."""
    box = re.compile(rf'^!!! \w+ "{re.escape(title)}"\n((?:    .*\n|\n(?=    ))+)', re.M)
    match = box.search(markdown)
    return " ".join(textwrap.dedent(match[1]).split()) if match else ""


def exercise(markdown: str, heading: str) -> Exercise | None:
    """Return the section of `markdown` under the level-2 `heading`, reduced to its numbered steps, or None."""
    headings = list(_HEADING.finditer(markdown))
    for i, match in enumerate(headings):
        if len(match[1]) == 2 and match[2] == heading:
            end = next((h.start() for h in headings[i + 1:] if len(h[1]) <= 2), len(markdown))
            steps = _STEPS.search(markdown, match.end(), end)
            return Exercise(heading, steps[0].strip()) if steps else None
    return None


def rebase_links(markdown: str, page: str, to: str) -> str:
    """Rewrite the relative links of Markdown from docs page `page` so that they work on docs page `to`."""

    def rebase(match: re.Match[str]) -> str:
        url = match["url"] or match["url_bare"]
        path, hash_, anchor = url.partition("#")
        if not path or "://" in path or path.startswith(("/", "mailto:")):
            return match[0]
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        moved = posixpath.relpath(target, posixpath.dirname(to) or ".") + hash_ + anchor
        return match[0].replace(url, moved, 1)

    return INLINE_LINK.sub(rebase, markdown)
