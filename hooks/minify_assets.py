"""Ship the scripts and styles of the course and of the closer plugin minified: readers download less."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

from mkdocs_closer.data import THEME

MINIFIERS = {".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True), ".css": rcssmin.cssmin}


def minify_copies(sources: Path, site: Path) -> list[Path]:
    """Minify, in `site`, the copy of every script and stylesheet found under `sources`; return what changed."""
    done = []
    for source in sorted(sources.rglob("*")):
        target = site / source.relative_to(sources.parent)
        if source.suffix in MINIFIERS and ".min." not in source.name and target.is_file():
            target.write_text(MINIFIERS[source.suffix](target.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(target)
    return done


def on_post_build(*, config: Any) -> None:
    """Minify the assets of the theme's overrides and of the closer plugin once the site is written."""
    for theme_dir in (config.theme.custom_dir, THEME if "closer" in config.plugins else None):
        if theme_dir:
            minify_copies(Path(theme_dir) / "assets", Path(config.site_dir))
