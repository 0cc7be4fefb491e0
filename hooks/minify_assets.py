"""Ship the course's own scripts and styles minified, as the closer plugin ships its own: readers download less."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs_closer.minify import minify_copies


def on_post_build(*, config: Any) -> None:
    """Minify the assets of the theme's overrides once the site is written."""
    if config.theme.custom_dir:
        minify_copies(Path(config.theme.custom_dir) / "assets", Path(config.site_dir))
