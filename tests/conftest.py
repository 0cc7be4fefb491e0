"""Shared fixtures: the repository root, the built course site, the external checkers, a quiet MkDocs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from build_site import build_site
from checkers import LIGHTHOUSE, VNU_JAR
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
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("repo-site"))[0]


@pytest.fixture(scope="session")
def site_prefix() -> str:
    """The URL path the course is published under (from `site_url`), ending in `/`."""
    return urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url or "/").path or "/"


BROKEN_PAGE = """\
---
description: A page with one fault for each quality gate.
---

# Broken

<img src="../assets/images/favicon.png">

<p hreff="../lessons/one/">An attribute HTML does not have.</p>

<p><a href="../lessons/one/#nowhere">A link to an anchor that does not exist</a>.</p>

<script>document.title = "inline script ran";</script>
"""


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site with the course's hooks and one page that each gate must reject: see BROKEN_PAGE."""
    from sitebuilder import build_project, make_project

    tmp = tmp_path_factory.mktemp("broken-site")
    config = make_project(tmp)
    (tmp / "docs" / "broken.md").write_text(BROKEN_PAGE, encoding="utf-8")
    (tmp / "docs" / "get-help.md").write_text("# Get help\n\nWhere lessons send readers.\n", encoding="utf-8")
    return build_project(config, strict=False)


def require(path: Path | str | None, install: str) -> Path:
    """Return a checker's path; fail on CI when it is missing (a skipped gate is no gate), else skip."""
    if path and Path(path).exists():
        return Path(path)
    message = f"{path or 'a tool'} is missing ({install})"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the W3C Nu HTML checker."""
    java = require(shutil.which("java"), "apt-get install default-jre-headless")
    return [str(java), "-jar", str(require(VNU_JAR, "npm ci"))]


@pytest.fixture(scope="session")
def pdftotext() -> Path:
    """Poppler's `pdftotext`, which reads the text of a PDF's pages."""
    return require(shutil.which("pdftotext"), "apt-get install poppler-utils")


@pytest.fixture(scope="session")
def npm_iframe_worker_shim() -> Path:
    """The iframe-worker shim as npm installs it, which the repository vendors for offline search."""
    return require(ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js", "npm ci")


@pytest.fixture(scope="session")
def lighthouse_installed() -> None:
    """Lighthouse from the repository's npm packages."""
    require(LIGHTHOUSE, "npm ci")


@pytest.fixture(scope="session")
def https_tools() -> None:
    """Node and OpenSSL, which serve a site over HTTPS and HTTP/2 for the benchmarks."""
    require(shutil.which("node"), "apt-get install nodejs")
    require(shutil.which("openssl"), "apt-get install openssl")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add `--regen-golden` to rewrite the expected HTML of the golden tests."""
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/*.html from the current output")
