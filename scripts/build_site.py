"""Build a MkDocs project in-process, as `mkdocs build` does, and say where the site went."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def build_site(
    config_file: Path, site_dir: Path | None = None, *, strict: bool = True, **settings: Any
) -> tuple[Path, str]:
    """Build the project of `config_file`, `settings` over its own; return its site folder and `site_url` (or "")."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    options = settings | ({"site_dir": str(site_dir)} if site_dir else {})
    config = load_config(str(config_file), strict=strict, **options)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir), config.site_url or ""
