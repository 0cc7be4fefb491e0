"""Build the course and write screenshots of its main page types, to look at every change to the reader's side.

python scripts/screenshots.py [FOLDER] [--config mkdocs.yml] [--page NAME=PATH ...]

Each page is taken on a desktop (1280 by 900) and a phone (360 by 800), in the dark palette, as printed, and on a
phone without JavaScript: FOLDER/<page>-<view>.png (default folder: screenshots/). Needs Debian's Chromium.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from build_site import build_site
from checkers import CHROMIUM, CHROMIUM_ARGS, ROOT
from serve import serve

PAGES = {
    "home": "",
    "lesson": "lessons/opening-up/",
    "knowledge-check": "quizzes/opening-up/",
    "self-assessment": "quizzes/how-i-open-up/",
    "progress": "progress/",
    "journal": "journal/",
    "link-sheet": "facilitators/links/",
}


@dataclass(frozen=True)
class View:
    """One way of looking at a page."""

    name: str
    width: int
    height: int
    scheme: str = "light"
    media: str = "screen"
    javascript: bool = True


VIEWS = (
    View("desktop", 1280, 900),
    View("phone", 360, 800),
    View("dark", 1280, 900, scheme="dark"),
    View("print", 1280, 900, media="print"),
    View("no-js", 360, 800, javascript=False),
)


def take(url: str, pages: dict[str, str], folder: Path) -> list[Path]:
    """Write one full-page PNG per page and view into `folder`; return their paths."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for view in VIEWS:
            context = browser.new_context(viewport={"width": view.width, "height": view.height},
                                          color_scheme=view.scheme, java_script_enabled=view.javascript)
            page = context.new_page()
            page.emulate_media(media=view.media)
            for name, path in pages.items():
                page.goto(url + path, wait_until="load")
                # A full-page capture reaches beyond the screen, where the browser leaves a self-assessment's answers
                # unpainted until the reader scrolls near them: paint them, as the reader will see them.
                page.eval_on_selector_all(".quiz-item__answers",
                                          "es => es.forEach(e => e.style.contentVisibility = 'visible')")
                target = folder / f"{name}-{view.name}.png"
                page.screenshot(path=str(target), full_page=True, animations="disabled")
                written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Build the site, serve it under its published path and take every screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("screenshots"))
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--page", action="append", metavar="NAME=PATH",
                        help="a page to take instead of the main page types (PATH relative to the site)")
    args = parser.parse_args(argv)
    pages = dict(entry.split("=", 1) for entry in args.page) if args.page else PAGES
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)  # the build's warnings show
    with tempfile.TemporaryDirectory() as tmp:
        # Not strict: a course being written, with placeholders left, is worth looking at too.
        site, site_url = build_site(args.config, Path(tmp) / "site", strict=False)
        with serve(site, urlsplit(site_url).path or "/") as url:
            written = take(url, pages, args.folder)
    print(f"{len(written)} screenshots in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
