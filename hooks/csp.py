"""Give every page a Content-Security-Policy: its own site only, plus the theme's inline scripts by their hashes.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` element. Inline scripts inside the
page content are not hashed: nothing an author writes in Markdown may run as a script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

_CHARSET = re.compile(r"<meta charset=[^>]*>")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle=\"([^\"]*)\"")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy(html: str) -> str:
    """Return the Content-Security-Policy for a page: same-origin resources and the page's own inline code."""
    theme = _ARTICLE.sub("", html)
    scripts = sorted({_hash(s) for s in _INLINE_SCRIPT.findall(theme)})
    styles = sorted({_hash(s) for s in _STYLE_ELEMENT.findall(html)})
    # Style attributes (table cell alignment, for one) are inert, but CSP allows them only by hash.
    attributes = sorted({_hash(s) for s in _STYLE_ATTRIBUTE.findall(html)})
    style_src = ["'self'", *styles, *(["'unsafe-hashes'", *attributes] if attributes else [])]
    return "; ".join([
        "default-src 'none'",
        " ".join(["script-src 'self'", *scripts]),
        "style-src " + " ".join(style_src),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str) -> str:
    """Insert the page's policy right after its character set, before anything it governs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return _CHARSET.sub(lambda m: f"{m.group(0)}\n    {meta}", html, count=1)


def on_post_page(output: str, /, *, page: Any, config: Any) -> str:
    """Add the policy to every page as it is written."""
    return with_policy(output)


def on_post_template(output: str, /, *, template_name: str, config: Any) -> str:
    """Do the same for the theme's stand-alone pages, such as 404.html."""
    return with_policy(output) if template_name.endswith(".html") else output
