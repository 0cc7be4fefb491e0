"""Where the package's data is: templates, scripts and styles, the quiz schema, the interface text."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_path(*parts: str) -> Path:
    """Return the path of a file or folder the package ships, for tools that read it from disk (Jinja, MkDocs)."""
    # pip installs a wheel as plain folders, so the package's resources are files on disk.
    return Path(str(files("mkdocs_closer").joinpath(*parts)))


THEME = package_path("theme")
"""Templates, scripts and styles; a site's own `custom_dir` comes before them, so it can override any of them."""
