"""Read the QR codes the link sheets draw: back to a module matrix, and through a real decoder."""

from __future__ import annotations

import re

from PIL import Image

_SQUARE = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\3z")
_SVG = re.compile(r'<svg class="link-sheet__qr"[^>]*viewBox="0 0 (\d+) \1"[^>]*aria-label="QR code for ([^"]+)"'
                  r'[^>]*>.*?<path fill="#000" d="([^"]*)"/></svg>', re.S)


def svg_codes(html: str) -> list[tuple[str, int, str]]:
    """Every link-sheet QR code in `html`, as (its accessible name's URL, modules across, path data)."""
    return [(url, int(size), path) for size, url, path in _SVG.findall(html)]


def path_matrix(size: int, path: str) -> list[list[bool]]:
    """The modules a QR code's SVG path paints dark; the path must be nothing but one-module-high bars."""
    assert re.fullmatch(f"(?:{_SQUARE.pattern})*", path), "the path draws something other than bars"
    matrix = [[False] * size for _ in range(size)]
    for x, y, width in _SQUARE.findall(path):
        for column in range(int(x), int(x) + int(width)):
            assert not matrix[int(y)][column], "two bars overlap"
            matrix[int(y)][column] = True
    return matrix


def decode(matrix: list[list[bool]], scale: int = 6) -> list[str]:
    """Draw `matrix` as a black-on-white image and return what zxing-cpp reads in it."""
    import zxingcpp

    size = len(matrix)
    image = Image.new("L", (size, size), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    return [code.text for code in zxingcpp.read_barcodes(image.resize((size * scale, size * scale), Image.NEAREST))]
