"""A Content-Security-Policy for every page: its own site only, plus the theme's inline code by its hashes.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` element. Only inline code that the
theme's templates are known to write is hashed, wherever it stands; nothing a page's text adds may run.

A policy in a `<meta>` element also stops Chromium's preload scanner for the rest of the page, so the scripts at the end
of the body were requested one after another, each when the parser reached it: on a phone's network and CPU, a
knowledge check's scripts had run at 4.4 s, plain Material's lesson's at 2.0 s. The page therefore names them all just
before the first, to be fetched side by side (2.5 s). Not earlier: a script already fetched when the parser reaches it
can run before the article above it is painted.

`mkdocs serve` adds an inline script of its own to every page it sends, for live reload, different each time: while
serving, a policy lets inline scripts run (a list of hashes would stop it), and keeps every other rule.

An offline build's search runs its worker in a frame that the iframe-worker shim writes, with an inline script
that the frame inherits this policy for: a page that loads the shim (a file of the site) gets that script's hash too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_CHARSET = re.compile(r"<meta charset=[^>]*>")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
# Markdown tables align their cells with style attributes; the sanitiser lets author text keep nothing else. Only these
# values get hashes, wherever they stand, so the search need not know where a tag starts.
_ALIGNMENT = re.compile(r'style="(text-align:\s*(?:left|right|center|justify);?)"')
_TEMPLATE_CODE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)
_JINJA = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)
# What a template's expression may put into inline code: an address or a font's name, never code.
_VALUE = r"[\w ./:#%+-]*"
_SHIM_TAG = re.compile(r'<script src="[^"]*iframe-worker[^"]*"')
_SEARCH_WORKER = re.compile(r'<script id="__config" type="application/json">[^<]*?"search":\s*"([\w./-]+\.js)"')
_FRAME_SCRIPT = re.compile(r"<script>(.*?)<\\/script>")
_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
# Classic scripts of the site's own: a module needs another kind of hint, and the policy refuses any other site's.
_OWN_SCRIPT = re.compile(r'<script(?![^>]*\btype="module")[^>]*\ssrc="(?![a-zA-Z][\w+.-]*:|//)([^"]+)"')


@dataclass(frozen=True)
class KnownCode:
    """The inline scripts and styles the theme's templates write, as patterns that a page's copy must match."""

    scripts: tuple[re.Pattern[str], ...]
    styles: tuple[re.Pattern[str], ...]

    @classmethod
    def from_templates(cls, sources: Iterable[str]) -> KnownCode:
        """Read the inline `<script>` and `<style>` elements of template `sources`; their expressions become values."""
        found: dict[str, list[re.Pattern[str]]] = {"script": [], "style": []}
        for source in sources:
            for tag, code in _TEMPLATE_CODE.findall(source):
                parts = _JINJA.split(code.strip())
                pattern = "".join(_VALUE if i % 2 else re.escape(part) for i, part in enumerate(parts))
                found[tag].append(re.compile(pattern, re.S))
        return cls(tuple(found["script"]), tuple(found["style"]))

    @classmethod
    def from_env(cls, env: Any) -> KnownCode:
        """Read every HTML template the theme's Jinja environment can load (the theme's own and the overrides)."""
        names = env.list_templates(extensions=["html"])
        return cls.from_templates(env.loader.get_source(env, name)[0] for name in names)

    def allows(self, code: str, kind: str = "script") -> bool:
        """Whether `code` is what one of the templates writes."""
        return any(p.fullmatch(code.strip()) for p in (self.scripts if kind == "script" else self.styles))


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


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


def policy(html: str, known: KnownCode, shim: str | None = None, *, live_reload: bool = False) -> str:
    """Return the Content-Security-Policy for a page: same-origin resources and the theme's own inline code.

    `shim` is the source of the site's iframe-worker shim, if it has one; with `live_reload`, any inline script runs.
    """
    # Hashes come only from code the templates are known to write: never from whatever else a page contains.
    inline = {code for code in _INLINE_SCRIPT.findall(html) if known.allows(code)}
    if shim is not None and _SHIM_TAG.search(html) and (workers := _SEARCH_WORKER.findall(html)):
        inline.add(shim_frame_script(shim, workers[-1]))
    scripts = ["'unsafe-inline'"] if live_reload else sorted({_hash(s) for s in inline})
    styles = sorted({_hash(s) for s in _STYLE_ELEMENT.findall(html) if known.allows(s, "style")})
    attributes = sorted({_hash(s) for s in _ALIGNMENT.findall(html)})
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


def _preload_hints(html: str) -> tuple[int, str] | None:
    """Return where the body's first script of the site's own starts, and links that name them all, or None."""
    body = html.find("</head>")
    scripts = list(_OWN_SCRIPT.finditer(html, body)) if body >= 0 else []
    if not scripts:
        return None
    links = "".join(f'<link rel="preload" href="{src}" as="script" fetchpriority="low">'
                    for src in dict.fromkeys(script.group(1) for script in scripts))
    return scripts[0].start(), links


def is_shim(path: str) -> bool:
    """Whether the site's file at `path` is an iframe-worker shim, which an offline build's search loads."""
    return path.endswith(".js") and "iframe-worker" in path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class PagePolicy:
    """What a site's pages may run: the inline code of its theme's templates, and its iframe-worker shim's frame."""

    known: KnownCode
    shim: str | None = None
    live_reload: bool = False
    """Pages are for `mkdocs serve`, which adds its live reload's inline script to each."""

    def secured(self, html: str) -> str:
        """Return `html` with its policy and the hints that make up for what a policy in a page stops.

        The policy goes right after the character set, before anything it governs; the body's scripts are named just
        before the first of them, so that the browser fetches them side by side. The page is copied once: on a site
        of a thousand pages, each copy of one takes as long as all the searches in it.
        """
        insertions = []
        if charset := _CHARSET.search(html):
            rules = policy(html, self.known, self.shim, live_reload=self.live_reload)
            meta = f'<meta http-equiv="Content-Security-Policy" content="{rules}">'
            insertions.append((charset.end(), f"\n    {meta}"))
        if hints := _preload_hints(html):
            insertions.append(hints)
        pieces, last = [], 0
        for at, text in insertions:  # in the page's order: the head's character set, then the body
            pieces += [html[last:at], text]
            last = at
        return "".join([*pieces, html[last:]]) if pieces else html
