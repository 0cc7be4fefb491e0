"""Tables that stay readable on a phone: each cell carries its column's heading, and the page loads the styles."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import markdown
import pytest
from sitebuilder import build_project, make_project

from mkdocs_closer.stacked_tables import StackedTables


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("When", "When"),
        ("**Time** of *day*", "Time of day"),
        ('Q&A "quoted" `<b>`', 'Q&A "quoted" <b>'),
        (r"Not \*starred\*", "Not *starred*"),
        ("Raw <b>bold</b> text", "Raw bold text"),
    ],
)
def test_every_table_cell_carries_its_columns_heading_as_text(heading: str, label: str) -> None:
    table = f"| {heading} | Other |\n|---|---|\n| one | two |\n| three | |\n"
    html = markdown.markdown(table, extensions=["tables", StackedTables()])
    cells = re.findall(r'<td data-label="([^"]*)">([^<]*)</td>', html)
    labelled = [(unescape(found), text) for found, text in cells]
    assert labelled == [(label, "one"), ("Other", "two"), (label, "three"), ("Other", "")]


def test_a_heading_with_no_text_gives_its_cells_no_label() -> None:
    html = markdown.markdown("|  | Other |\n|---|---|\n| one | two |\n", extensions=["tables", StackedTables()])
    assert "<td>one</td>" in html and '<td data-label="Other">two</td>' in html


TABLE = "| Where | Number |\n|---|---|\n| United States | 988 |\n"


@pytest.mark.parametrize("stacked", [True, False])
def test_a_page_with_a_table_loads_the_styles_that_stack_it_unless_the_site_says_no(tmp_path: Path,
                                                                                    stacked: bool) -> None:
    config = make_project(tmp_path, closer=json.dumps({"stacked_tables": stacked, "facilitators": {"enabled": False}}))
    (tmp_path / "docs" / "lessons" / "one.md").write_text(f"# Lesson one\n\n{TABLE}", encoding="utf-8")
    site = build_project(config)
    with_table = (site / "lessons" / "one" / "index.html").read_text(encoding="utf-8")
    without = (site / "lessons" / "two" / "index.html").read_text(encoding="utf-8")
    assert ('<td data-label="Where">United States</td>' in with_table) is stacked
    # Once in the head for the first paint, once in the content that instant navigation swaps in.
    assert with_table.count("assets/stylesheets/tables.css") == (2 if stacked else 0)
    assert "tables.css" not in without
    assert (site / "assets" / "stylesheets" / "tables.css").is_file()
