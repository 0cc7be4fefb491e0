"""MkDocs hook: a navigation section that opens with the page it is named after links to that page from its title.

The quiz hook nests each lesson's quizzes in a section that opens with the lesson; with Material's
`navigation.indexes`, the section's title then links to the lesson, so the lesson stays one tap away.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_closer.quizcore.nav import section_pages


class SectionPage(Page):
    """A page that Material shows as its section's title, as it does an `index.md`."""

    @property
    def is_index(self) -> bool:
        """Always: the page stands for its section."""
        return True


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Make each section's own page a `SectionPage`; MkDocs builds the navigation from pages made here."""
    for title, path in section_pages(config.nav or []):
        file = files.get_file_from_path(path)
        if file is not None and file.page is None:
            SectionPage(title, file, config)
    return files
