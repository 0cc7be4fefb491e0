"""What a link sheet lists: the course's pages, or the course pages a session plan links to, and their web addresses."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

# Code shows Markdown, it does not link: fenced blocks and code spans are blanked out before links are read.
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1|`+[^`\n]+`+", re.M | re.S)
_TARGET = r"(?:<(?P<{0}>[^>\n]*)>|(?P<{0}_bare>[^)\s]+))"
INLINE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\(\s*" + _TARGET.format("url") + r"(?:\s+[^)]*)?\)")
_REFERENCE = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\[(?P<ref>[^\]\n]*)\]")
LINK_DEFINITION = re.compile(r"^ {0,3}\[(?P<ref>[^\]\n]+)\]:\s*" + _TARGET.format("def"), re.M)


@dataclass(frozen=True)
class Link:
    """A link to a course page (a docs path such as `lessons/x.md`), maybe to a place on it."""

    page: str
    anchor: str = ""
    text: str = ""


def is_course_page(src_uri: str, folders: tuple[str, ...]) -> bool:
    """Return whether a docs page is in one of the course's `folders` (lessons, quizzes): what link sheets list."""
    return src_uri.startswith(folders) and src_uri.endswith(".md")


def _label(ref: str) -> str:
    return " ".join(ref.split()).casefold()


def plan_links(markdown: str, plan: str, folders: tuple[str, ...]) -> list[Link]:
    """Return the course pages (under `folders`) that the Markdown of docs page `plan` links to, in order, each once.

    Inline links and reference links count; images and links shown as code do not. A link's anchor is kept,
    so a link to a section or a question is its own entry.
    """
    text = _CODE.sub(lambda m: " " * len(m.group(0)), markdown)
    definitions: dict[str, str] = {}
    for match in LINK_DEFINITION.finditer(text):
        definitions.setdefault(_label(match["ref"]), match["def"] or match["def_bare"])
    found: dict[tuple[str, str], Link] = {}
    uses = [(m.start(), m["text"], m["url"] or m["url_bare"]) for m in INLINE_LINK.finditer(text)]
    uses += [
        (m.start(), m["text"], definitions.get(_label(m["ref"] or m["text"]), "")) for m in _REFERENCE.finditer(text)
    ]
    for _, label, url in sorted(uses):
        path, _, anchor = url.partition("#")
        if not path or "://" in path or path.startswith(("/", "mailto:")):
            continue
        page = posixpath.normpath(posixpath.join(posixpath.dirname(plan), unquote(path)))
        if is_course_page(page, folders):
            found.setdefault((page, anchor), Link(page, anchor, " ".join(label.split())))
    return list(found.values())


def published_path(src_uri: str, directory_urls: bool) -> str:
    """Return the URL path, relative to the site's root, under which MkDocs publishes docs page `src_uri`."""
    stem = src_uri.removesuffix(".md")
    folder, name = posixpath.split(stem)
    if directory_urls and name in {"index", "README"}:
        return f"{folder}/" if folder else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def published_url(site_url: str, link: Link, directory_urls: bool) -> str:
    """Return the absolute web address of `link` on the site published at `site_url`."""
    url = site_url.rstrip("/") + "/" + published_path(link.page, directory_urls)
    return f"{url}#{link.anchor}" if link.anchor else url
