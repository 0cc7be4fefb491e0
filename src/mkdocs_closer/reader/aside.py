"""Blocks of a generated page's own HTML that skip the site's Markdown, which would only pass them on, slowly."""

from __future__ import annotations

import re
import secrets


class HtmlAside:
    """Marked blocks of a generated page's own HTML, set aside before the site's Markdown and put back after it.

    A template marks such a block with `<!-- closer:html -->` and `<!-- /closer:html -->` on lines of their own. It
    must hold no author text that is still Markdown: the block is put back into the rendered page as it was written.
    """

    _BLOCK = re.compile(r"^<!-- closer:html -->\n(.*?)\n<!-- /closer:html -->$", re.S | re.M)

    def __init__(self) -> None:
        self.key = secrets.token_hex(12)
        self.blocks: list[str] = []

    def set_aside(self, markdown: str) -> str:
        """Return `markdown` with each marked block replaced by a placeholder the Markdown passes on."""

        def keep(match: re.Match[str]) -> str:
            self.blocks.append(match.group(1))
            return f"<!-- {self.key}:{len(self.blocks) - 1} -->"

        return self._BLOCK.sub(keep, markdown)

    def put_back(self, html: str) -> str:
        """Return the rendered `html` with the blocks set aside back in place of their placeholders."""
        for index, block in enumerate(self.blocks):
            html = html.replace(f"<!-- {self.key}:{index} -->", block, 1)
        self.blocks = []
        return html
