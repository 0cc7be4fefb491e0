"""Scripts and styles shipped minified, so readers download less; the readable sources stay where they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),  # licence headers stay
    ".css": rcssmin.cssmin,
}


def minify_copies(sources: Path, site: Path) -> list[Path]:
    """Minify, in `site`, the copy of every script and stylesheet found under `sources`; return what changed."""
    done = []
    for source in sorted(sources.rglob("*")):
        target = site / source.relative_to(sources.parent)
        if source.suffix in MINIFIERS and ".min." not in source.name and target.is_file():
            target.write_text(MINIFIERS[source.suffix](target.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(target)
    return done
