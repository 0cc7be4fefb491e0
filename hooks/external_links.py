"""Mark the links of a page's main text that leave the site, so the print stylesheet can show their addresses."""

from __future__ import annotations

import re
from typing import Any

_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_WEB_LINK = re.compile(r'<a\b(?![^>]*\sdata-external)(?=[^>]*\shref="(https?://[^"]*)")')


def marked(html: str, site_url: str) -> str:
    """Give each link in the `<article>` of `html` to an address outside `site_url` a `data-external` attribute."""

    def mark_link(link: re.Match[str]) -> str:
        inside = site_url and link.group(1).startswith(site_url)
        return link.group(0) if inside else f"{link.group(0)} data-external"

    return _ARTICLE.sub(lambda article: _WEB_LINK.sub(mark_link, article.group(0)), html, count=1)


def on_post_page(output: str, /, *, page: Any, config: Any) -> str:
    """Mark a page's external links once its content is final (quiz pages get theirs in `on_post_page`)."""
    return marked(output, config.site_url or "")
