"""Independent judges of every built page: the W3C Nu HTML checker, a link crawl, descriptions and a CSP."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_links import external_links, internal_problems

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def nu_errors(vnu: list[str], site: Path) -> list[str]:
    """Every error the Nu checker finds in the site's HTML files, as `file: message`."""
    result = subprocess.run([*vnu, "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr[-2000:]
    where = [Path(urlsplit(m["url"]).path).relative_to(site.resolve()).as_posix() for m in messages]
    return [f"{file}:{m.get('lastLine')}: {m['message']}" for file, m in zip(where, messages, strict=True)]


def test_every_page_is_valid_html(vnu: list[str], repo_site: Path) -> None:
    assert not nu_errors(vnu, repo_site)


def test_the_html_gate_rejects_an_invalid_attribute(vnu: list[str], broken_site: Path) -> None:
    errors = nu_errors(vnu, broken_site)
    assert any(e.startswith("broken/index.html:") and "“hreff” not allowed" in e for e in errors), errors
    assert all(e.startswith("broken/index.html:") for e in errors), errors


def test_every_internal_link_and_anchor_resolves(repo_site: Path, site_prefix: str) -> None:
    assert not internal_problems(repo_site, site_prefix)


def test_the_link_gate_rejects_a_dead_anchor(broken_site: Path) -> None:
    assert internal_problems(broken_site) == ["broken/index.html: ../lessons/one/#nowhere (no such anchor)"]


def test_every_page_describes_itself(repo_site: Path) -> None:
    descriptions = {}
    for path in repo_site.rglob("*.html"):
        match = re.search(r'<meta name="description" content="([^"]+)"', path.read_text(encoding="utf-8"))
        assert match and 50 <= len(match.group(1)) <= 200, f"{path.relative_to(repo_site)} needs a description"
        descriptions[path.relative_to(repo_site).as_posix()] = match.group(1)
    pages = [p for p in descriptions if p != "404.html"]
    assert len({descriptions[p] for p in pages}) == len(pages), "each page has its own description"


@pytest.mark.parametrize("page", ["index.html", "404.html", "quizzes/feeling-safe/index.html"])
def test_every_page_carries_a_strict_content_security_policy(repo_site: Path, page: str) -> None:
    html = (repo_site / page).read_text(encoding="utf-8")
    policy = CSP.search(html)
    assert policy and html.index(policy.group(0)) < html.index("<script"), "the policy comes before any script"
    directives = dict(d.split(" ", 1) for d in policy.group(1).split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"].startswith("'self' 'sha256-") and "unsafe-inline" not in directives["script-src"]
    assert directives["img-src"] == "'self' data:" and directives["style-src"].startswith("'self'")
    assert all("http" not in value for value in directives.values()), "nothing from another site"


def test_external_links_are_listed_for_a_person_not_fetched(repo_site: Path) -> None:
    links = external_links(repo_site)
    assert "https://thehotline.org" in links and "get-help/index.html" in links["https://thehotline.org"]
    assert all(url.startswith(("http://", "https://")) and "closer-course.github.io" not in url for url in links)
