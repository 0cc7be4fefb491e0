"""Give every page a Content-Security-Policy: its own site only, plus the theme's inline scripts by their hashes.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` element. Inline scripts inside the
page content are not hashed: nothing an author writes in Markdown may run as a script.

An offline build's search runs its worker in a frame that the iframe-worker shim writes, with an inline script
that the frame inherits this policy for: a page that loads the shim gets that script's hash too.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path
from typing import Any

_CHARSET = re.compile(r"<meta charset=[^>]*>")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle=\"([^\"]*)\"")
_SHIM = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "javascripts" / "iframe-worker-shim.js"
_SHIM_TAG = re.compile(r'<script src="[^"]*iframe-worker[^"]*"')
_SEARCH_WORKER = re.compile(r'<script id="__config" type="application/json">[^<]*?"search":\s*"([^"]+)"')
_FRAME_SCRIPT = re.compile(r"<script>(.*?)<\\/script>")
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@functools.cache
def _shim() -> str:
    return _SHIM.read_text(encoding="utf-8")


def _function_source(script: str, name: str) -> str | None:
    """Return the source of `function name(…){…}` in a minified script, or None if it has none."""
    start = script.find(f"function {name}(")
    depth = 0
    for end in range(script.index("{", start), len(script)) if start >= 0 else ():
        depth += {"{": 1, "}": -1}.get(script[end], 0)
        if depth == 0:
            return script[start : end + 1]
    return None


def shim_frame_script(shim: str, worker_url: str) -> str:
    """Return the inline script that the iframe-worker `shim` writes into its frame to run the worker at `worker_url`.

    The shim fills its frame's script from a template: each `${name}` is the source of its function `name`,
    except one, the worker's address as the page gave it.
    """
    frame = _FRAME_SCRIPT.search(shim)
    if frame is None:
        raise ValueError("the iframe-worker shim no longer writes its frame's script as this module expects")
    return _PLACEHOLDER.sub(lambda m: _function_source(shim, m.group(1)) or worker_url, frame.group(1))


def policy(html: str) -> str:
    """Return the Content-Security-Policy for a page: same-origin resources and the page's own inline code."""
    theme = _ARTICLE.sub("", html)
    inline = set(_INLINE_SCRIPT.findall(theme))
    if _SHIM_TAG.search(theme) and (worker := _SEARCH_WORKER.search(theme)):
        inline.add(shim_frame_script(_shim(), worker.group(1)))
    scripts = sorted({_hash(s) for s in inline})
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
