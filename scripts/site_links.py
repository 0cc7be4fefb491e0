"""Check every internal link and anchor of a built site, and list its external links for a person to review.

Usage: `python scripts/site_links.py site/` prints internal problems (exit 1 if any);
`python scripts/site_links.py site/ --external` lists every external link and the pages that use it.

External links are never fetched: this runs offline and in CI.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("form", "action")}
SITE = "http://site.invalid"


class _Page(HTMLParser):
    """The URLs a page refers to and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.visible: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)
            elif (tag, name) in LINKING and value is not None:
                self.urls.append(value)
                if tag != "link":  # a reader never follows the page's own canonical URL
                    self.visible.append(value)


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, path: str) -> Path | None:
    """Return the file a site path names, as a static server finds it (folders serve their index.html)."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def internal_problems(site: Path, prefix: str = "/") -> list[str]:
    """Return one line per internal link whose file or anchor does not exist; `prefix` is the site's URL path."""
    problems = []
    for path in _pages(site):
        page_url = f"{SITE}{prefix}{path.relative_to(site).as_posix()}"
        for url in _parse(path).urls:
            target = urlsplit(urljoin(page_url, url))
            if f"{target.scheme}://{target.netloc}" != SITE or not url:
                continue
            where = f"{path.relative_to(site).as_posix()}: {url}"
            if not target.path.startswith(prefix):
                problems.append(f"{where} (outside the site's path {prefix})")
            elif (file := _target(site, target.path[len(prefix) :])) is None:
                problems.append(f"{where} (no such file)")
            elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in _parse(file).ids:
                problems.append(f"{where} (no such anchor)")
    return problems


def external_links(site: Path) -> dict[str, list[str]]:
    """Map every external URL of the site to the pages that link to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in _pages(site):
        for url in _parse(path).visible:
            if urlsplit(url).scheme in {"http", "https"}:
                found[url].append(path.relative_to(site).as_posix())
    return dict(sorted(found.items()))


def main() -> int:
    """Print internal problems, or the external links, of a built site."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--prefix", default="/", help="the site's URL path, as in site_url (default: /)")
    parser.add_argument("--external", action="store_true", help="list external links instead")
    args = parser.parse_args()
    if args.external:
        for url, pages in external_links(args.site).items():
            print(f"{url}\n    {', '.join(sorted(set(pages)))}")
        return 0
    problems = internal_problems(args.site, args.prefix)
    print("\n".join(problems) or "Every internal link and anchor resolves.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
