"""Tables that stay readable on a phone: each cell carries its column's heading, shown above it when rows stack."""

from __future__ import annotations

from typing import Any, cast
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor
from markdown.util import HTML_PLACEHOLDER_RE


class CellLabels(Treeprocessor):
    """Give every body cell of a Markdown table its column's heading as `data-label`."""

    def run(self, root: Element) -> None:
        """Label the cells of every table with a row of headings."""
        for table in root.iter("table"):
            headings = [self.text(th) for th in table.iterfind("thead/tr/th")]
            for row in table.iterfind("tbody/tr"):
                for cell, heading in zip(row.iterfind("td"), headings, strict=False):
                    if heading:
                        cell.set("data-label", heading)

    def text(self, heading: Element) -> str:
        """Return a heading's text as it reads, without the HTML an author wrote in it."""
        unescape = cast(UnescapeTreeprocessor, self.md.treeprocessors["unescape"]).unescape
        return " ".join(HTML_PLACEHOLDER_RE.sub("", unescape("".join(heading.itertext()))).split())


class StackedTables(Extension):
    """Register `CellLabels` after the inline patterns, so headings are read as the text they render to."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Add the tree processor."""
        md.treeprocessors.register(CellLabels(md), "cell_labels", 5)


def makeExtension(**kwargs: Any) -> StackedTables:  # noqa: N802 - the name by which Python-Markdown loads it
    """Return the extension, for a site's Markdown to load it by this module's name."""
    return StackedTables(**kwargs)


def has_labelled_cells(html: str) -> bool:
    """Whether a page's content has tables whose cells `CellLabels` labelled: it needs the styles that stack them."""
    return ' data-label="' in html
