"""Give the pages the plugin adds the attribute layout of the site's own pages, which the theme reads fastest."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.structure.files import File, Files


def match_layout(files: Files, generated: Iterable[File]) -> None:
    """Order the attributes of the `generated` files as a Markdown page of the site's own has them."""
    # CPython remembers where in an object's dict an attribute was found at each place that reads it, such as
    # `self.file.url` for every link of the navigation on every page. A generated file has its attributes in another
    # order (MkDocs sets three more when it makes it), so that every such read misses; with a thousand quizzes that
    # costs about 6 % of each page's render.
    own = next((file for file in files.documentation_pages() if not file.generated_by), None)
    if own is None:
        return
    order = list(vars(own))
    for file in generated:
        attributes = vars(file)
        file.__dict__ = {**{name: attributes[name] for name in order if name in attributes}, **attributes}
