"""QR codes as SVG path data, made with segno, for templates to draw."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mkdocs_closer.quizcore.cache import read_json, write_json
from mkdocs_closer.quizcore.forked import Forked

QUIET_ZONE = 4
"""Light modules around the code: the width scanners need to find it."""


@dataclass(frozen=True)
class QrCode:
    """A QR code: `size` modules across (quiet zone included) and the SVG path of its dark modules."""

    text: str
    size: int
    path: str


@cache  # ~6 ms a code, and a course draws most addresses twice or more: on its link sheets and in the pack
def qr_code(text: str) -> QrCode:
    """Return the QR code of `text`: full size (not all phones read Micro QR), error correction M or better."""
    import segno  # here: only sites with facilitators' pages draw codes

    code = segno.make_qr(text, error="m")
    rows = list(code.matrix_iter(border=QUIET_ZONE))
    squares = []
    for y, row in enumerate(rows):
        x = 0
        for dark, run in itertools.groupby(row):
            width = len(list(run))
            if dark:
                squares.append(f"M{x} {y}h{width}v1h-{width}z")
            x += width
    return QrCode(text, len(rows), "".join(squares))


class QrCodes:
    """QR codes by their text, kept between builds in one JSON file: a course's hundred codes take half a second.

    A build without them all kept can have a forked copy draw the others while it reads its pages (`draw_ahead`).
    """

    def __init__(self, path: Path | None, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.stored: dict[str, list[object]] = {}
        self.used: dict[str, list[object]] = {}
        self.ahead: Forked[list[QrCode]] | None = None
        """The codes a forked copy is drawing, until a page asks for one of them."""
        self.drawn: dict[str, QrCode] = {}
        loaded = read_json(path)
        # Another segno may draw another code for the same text: its codes are drawn afresh.
        if isinstance(loaded, dict) and loaded.get("salt") == salt and isinstance(loaded.get("codes"), dict):
            self.stored = loaded["codes"]

    def draw_ahead(self, texts: Iterable[str]) -> None:
        """Have a forked copy draw the codes of `texts` that no earlier build kept, where a copy can work beside."""
        missing = [text for text in dict.fromkeys(texts) if self._kept(text) is None]
        if missing:
            work = Forked(lambda: [qr_code(text) for text in missing])
            # Without a copy, each code is drawn when a page needs it, as it would be anyway.
            self.ahead = work if work.forked else None

    def get(self, text: str) -> QrCode:
        """Return the QR code of `text`, drawn in an earlier build or ahead if it was."""
        code = self._kept(text)
        if code is None:
            if self.ahead is not None:
                ahead, self.ahead = self.ahead, None
                self.drawn.update((drawn.text, drawn) for drawn in ahead.result())
            code = self.drawn.get(text) or qr_code(text)
        self.used[text] = [code.size, code.path]
        return code

    def cancel(self) -> None:
        """Stop drawing ahead: the build failed, or ended without asking for a code."""
        if self.ahead is not None:
            self.ahead.cancel()
            self.ahead = None

    def _kept(self, text: str) -> QrCode | None:
        """Return the code of `text` that an earlier build kept, or None."""
        entry = self.stored.get(text)
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], int) and isinstance(entry[1], str):
            return QrCode(text, entry[0], entry[1])
        return None

    def save(self) -> None:
        """Write the codes used in this build (and only those), if they changed; stop a copy no page waited for."""
        self.cancel()
        if self.path is not None and self.used != self.stored:
            write_json(self.path, {"salt": self.salt, "codes": self.used})
