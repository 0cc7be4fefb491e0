"""`mkdocs serve` under the course's policy: live reload still runs, and every other rule still holds."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitebuilder import make_project
from test_every_page import WATCH_CSP

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A project with `csp: true`, as `mkdocs serve --livereload` shows it."""
    tmp = tmp_path_factory.mktemp("served")
    config = make_project(tmp)
    url = f"http://127.0.0.1:{free_port()}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(config), "-a", url[7:-1]],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.communicate(timeout=5)[0]) from None
                time.sleep(0.2)
        yield tmp, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_live_reload_runs_under_the_policy_and_reloads_an_edited_page(page, served: tuple[Path, str]) -> None:
    tmp, url = served
    page.add_init_script(WATCH_CSP)
    page.goto(url, wait_until="load")
    rules = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "default-src 'none'" in rules and "script-src 'self' 'unsafe-inline'" in rules
    assert page.evaluate("typeof window.livereload") == "function"
    assert page.evaluate("window.__cspViolations") == []
    (tmp / "docs" / "index.md").write_text("# Home\n\nEdited while serving.\n", encoding="utf-8")
    expect(page.locator("article")).to_contain_text("Edited while serving.", timeout=30_000)
