"""QR codes as SVG path data, made with segno, for templates to draw."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import segno

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
