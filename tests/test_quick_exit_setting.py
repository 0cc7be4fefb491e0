"""The quick exit's setting: its destination on every page, none when a site turns it off, a clear error when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from sitebuilder import ROOT, build_project, make_project

HOOKS = [f"{ROOT.as_posix()}/hooks/{name}.py" for name in ("quizzes", "reader_pages", "theme_fixes", "csp")]
NAV = "  - My progress: progress.md\n  - My journal: journal/index.md\n"  # goes on with the project's nav


def site_with(tmp: Path, setting: str | None) -> Path:
    """Build the small test site with `extra.reader.quick_exit` set to `setting` (left out when None)."""
    extra = "" if setting is None else f"extra:\n  reader:\n    quick_exit: '{setting}'\n"
    return build_project(make_project(tmp, config_extra=f"{NAV}hooks: {HOOKS}\n{extra}"))


@pytest.mark.parametrize(("setting", "href"), [(None, "https://weather.com/"),
                                               ("https://www.bbc.co.uk/weather", "https://www.bbc.co.uk/weather")])
def test_every_page_leaves_for_the_chosen_site(tmp_path: Path, setting: str | None, href: str) -> None:
    site = site_with(tmp_path, setting)
    for page in ("index.html", "lessons/one/index.html", "quizzes/check-one/index.html", "progress/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert f'<a href="{href}" class="closer-exit" data-closer-exit rel="noreferrer"' in html, page
        assert '<meta name="referrer" content="no-referrer">' in html


def test_a_site_can_go_without_a_quick_exit(tmp_path: Path) -> None:
    site = site_with(tmp_path, "")
    assert "closer-exit" not in (site / "lessons/one/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", ["weather.com", "/elsewhere/", "javascript:alert(1)", "https://", "https://a b.c/"])
def test_a_destination_that_is_not_another_site_stops_the_build(tmp_path: Path, setting: str) -> None:
    with pytest.raises((PluginError, Abort)) as info:
        site_with(tmp_path, setting)
    error = info.value if isinstance(info.value, PluginError) else info.value.__context__  # MkDocs wraps it
    assert str(error) == (f"extra.reader.quick_exit: `{setting}` is not the web address of another site; give one "
                          "like `https://weather.com/`, or leave it empty for no quick exit.")
