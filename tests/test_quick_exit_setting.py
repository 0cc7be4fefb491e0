"""The quick exit's setting: its destination on every page, none when a site turns it off, a clear error when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import yaml_load
from sitebuilder import ROOT, build_project, make_project

NAV = "  - My progress: progress.md\n  - My journal: journal/index.md\n"  # goes on with the project's nav


def site_with(tmp: Path, setting: str | None) -> Path:
    """Build the small test site with the quick exit set to `setting` (left out when None)."""
    options = "{}" if setting is None else f"{{reader: {{quick_exit: '{setting}'}}}}"
    return build_project(make_project(tmp, config_extra=NAV, closer=options))


@pytest.mark.parametrize("href", ["https://weather.com/", "https://www.bbc.co.uk/weather"])
def test_every_page_leaves_for_the_chosen_site(tmp_path: Path, href: str) -> None:
    site = site_with(tmp_path, href)
    for page in ("index.html", "lessons/one/index.html", "quizzes/check-one/index.html", "progress/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert f'<a href="{href}" class="closer-exit" data-closer-exit rel="noreferrer"' in html, page
        assert '<meta name="referrer" content="no-referrer">' in html


@pytest.mark.parametrize("setting", [None, ""])
def test_a_site_has_no_quick_exit_unless_it_chooses_one(tmp_path: Path, setting: str | None) -> None:
    site = site_with(tmp_path, setting)
    assert "closer-exit" not in (site / "lessons/one/index.html").read_text(encoding="utf-8")


def test_the_course_leaves_for_a_weather_page() -> None:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    closer = next(p["closer"] for p in config["plugins"] if isinstance(p, dict) and "closer" in p)
    assert closer["reader"]["quick_exit"] == "https://weather.com/"


@pytest.mark.parametrize("setting", ["weather.com", "/elsewhere/", "javascript:alert(1)", "https://", "https://a b.c/"])
def test_a_destination_that_is_not_another_site_stops_the_build(
    tmp_path: Path, setting: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        site_with(tmp_path, setting)
    assert (f"Plugin 'closer' option 'reader': Sub-option 'quick_exit': `{setting}` is not the web address of another "
            "site; give one like `https://weather.com/`, or leave it empty for no quick exit.") in caplog.text
