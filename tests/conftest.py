"""Shared fixtures: the repository root and a quiet MkDocs environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course site, built into a temporary folder."""
    site = tmp_path_factory.mktemp("repo-site")
    cfg = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return site


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--regen-golden` to rewrite the expected HTML of the golden tests."""
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/*.html from the current output")
