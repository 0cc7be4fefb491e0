"""QR codes as SVG path data, made with segno, for templates to draw."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mkdocs_closer.quizcore.cache import read_json, write_json

QUIET_ZONE = 4
"""Light modules around the code: the width scanners need to find it."""


@dataclass(frozen=True)
class QrCode:
    """A QR code: `size` modules across (quiet zone included) and the SVG path of its dark modules."""

    text: str
    size: int
    path: str


@cache  # ~4 ms a code, and a course draws most addresses twice or more: on its link sheets and in the pack
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
    """QR codes by their text, kept between builds in one JSON file: a course's hundred codes take half a second."""

    def __init__(self, path: Path | None, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.stored: dict[str, list[object]] = {}
        self.used: dict[str, list[object]] = {}
        loaded = read_json(path)
        # Another segno may draw another code for the same text: its codes are drawn afresh.
        if isinstance(loaded, dict) and loaded.get("salt") == salt and isinstance(loaded.get("codes"), dict):
            self.stored = loaded["codes"]

    def get(self, text: str) -> QrCode:
        """Return the QR code of `text`, drawn in an earlier build if it was."""
        entry = self.stored.get(text)
        if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], int) and isinstance(entry[1], str):
            code = QrCode(text, entry[0], entry[1])
        else:
            code = qr_code(text)
        self.used[text] = [code.size, code.path]
        return code

    def save(self) -> None:
        """Write the codes used in this build (and only those), if they changed."""
        if self.path is not None and self.used != self.stored:
            write_json(self.path, {"salt": self.salt, "codes": self.used})
