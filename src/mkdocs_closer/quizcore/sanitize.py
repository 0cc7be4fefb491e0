"""The one path author text takes into a page: plain text is escaped, rendered Markdown is sanitised.

Titles and descriptions are plain text: `html_text` escapes them where they reach HTML (the theme's navigation,
`<title>`, meta tags), `plain_markdown` where they reach Markdown. Every other text field is Markdown, rendered
by the site and then passed through `sanitize`, which keeps inert markup only.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from html import escape, unescape
from typing import Any

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "aside", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "hidden", "role", "tabindex"},
    "a": {"href", "hreflang", "data-page-title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "label": {"for"},
    "details": {"open"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}
# Ids the theme and the course's own scripts look up (`__config`, `closer-config`, `quiz-form`, …): an element
# of the author's with one of them would stand in for the real one, which comes later in the page.
_RESERVED_ID = re.compile(r"^(__|closer-|quiz-|md-)|__")


def html_text(text: str) -> str:
    """Escape plain text for HTML: element content and attribute values alike."""
    return escape(text, quote=True)


def plain_markdown(text: str) -> str:
    """Escape characters that would turn plain text (a title) into HTML or Markdown markup."""
    return re.sub(r"([\\`*_{}\[\]#|!])", r"\\\1", escape(text, quote=False))


def plain_text(title: str) -> str:
    """Return the plain text of a title as MkDocs holds it: HTML, whose tags and entities the theme renders."""
    return unescape(re.sub(r"<[^>]*>", "", title))


def text_filters() -> dict[str, Callable[..., Any]]:
    """Return the Jinja filters templates use for author text, by the context it lands in."""
    return {"html_text": html_text, "plain_markdown": plain_markdown, "plain_text": plain_text}


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and _RESERVED_ID.search(value):
        return None
    return value


# Built once: a quiz page's every piece of text is sanitised on its own.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    generic_attribute_prefixes={"aria-"},
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
    filter_style_properties={"text-align"},
)


# Text without these characters holds no markup, alone or in plain paragraphs, and the sanitiser gives it back
# unchanged (a test tries every Unicode character): most pieces of a quiz skip it.
_TEXT = r"[^<>&\x00\r\xa0\ufeff]*"
_INERT = re.compile(rf"(?:{_TEXT}|<p>{_TEXT}</p>(?:\n<p>{_TEXT}</p>)*)\Z")


def sanitize(html: str) -> str:
    """Return rendered author text without scripts, event handlers, styles, forms, reserved ids or unsafe URLs."""
    if _INERT.match(html):
        return html
    return _CLEANER.clean(html)


class MarkedText:
    """Author Markdown placed in a generated page between markers only this build knows, to sanitise once rendered.

    Generated pages mix the engine's own markup (buttons, answer boxes) with author text; the markers let
    `clean` sanitise exactly the author's part. Author text cannot forge a marker: it does not know the key.
    """

    def __init__(self) -> None:
        self.key = secrets.token_hex(12)
        self.marked = 0
        self._pieces = re.compile(rf"<!-- {self.key} -->(.*?)<!-- /{self.key} -->", re.S)

    def mark(self, markdown: str, *, block: bool = False) -> str:
        """Return `markdown` between markers: on lines of their own for a `block`, else inline."""
        self.marked += 1
        gap = "\n\n" if block else ""
        return f"<!-- {self.key} -->{gap}{markdown.strip()}{gap}<!-- /{self.key} -->"

    def clean(self, html: str) -> str:
        """Sanitise every piece marked since the last call, in rendered `html`, and drop the markers.

        Raise ValueError when the markers no longer pair up: the site's Markdown took author text apart.
        """
        cleaned, found = self._pieces.subn(lambda m: sanitize(m.group(1)), html)
        marked, self.marked = self.marked, 0
        if found != marked or self.key in cleaned:
            raise ValueError(f"{marked - found} of {marked} pieces of quiz text lost their place on the page")
        return cleaned
