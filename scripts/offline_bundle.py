"""Build the course for a workshop without internet and zip it: `python scripts/offline_bundle.py`.

Writes `mkdocs.offline.yml` (the site's settings plus Material's offline plugin), builds it and zips the site
to `dist/closer-offline.zip`. Participants unzip it and open `index.html`: pages, search and quizzes work from
the file system, and link sheets still show the published addresses.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from pathlib import Path

import yaml
from build_site import build_site

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.offline.yml"
SHIM = "assets/javascripts/iframe-worker-shim.js"
"""Search's web worker from file://; a polyfill whose path names iframe-worker keeps the plugin from adding unpkg's."""


def offline_settings(main: dict) -> dict:
    """Return what an offline build changes in the site's settings `main` (the parsed mkdocs.yml)."""
    features = main.get("theme", {}).get("features", [])
    plugins = main.get("plugins", ["search"])
    return {
        "INHERIT": "mkdocs.yml",
        # Instant navigation fetches pages, which browsers refuse from file://.
        "theme": {"features": [f for f in features if not f.startswith("navigation.instant")]},
        "plugins": [*plugins, "offline"],
        "extra": {"polyfills": [SHIM]},
    }


def write_config(root: Path = ROOT) -> Path:
    """Write `mkdocs.offline.yml` next to the site's mkdocs.yml and return its path."""
    from mkdocs.utils.yaml import yaml_load

    with (root / "mkdocs.yml").open(encoding="utf-8") as f:
        settings = offline_settings(yaml_load(f))
    path = root / CONFIG.name
    header = "# Written by scripts/offline_bundle.py from mkdocs.yml; edit that instead.\n"
    path.write_text(header + yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def zip_site(site: Path, archive: Path) -> Path:
    """Zip the built `site` into `archive`, under a folder named after the archive."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{archive.stem}/{path.relative_to(site).as_posix()}")
    return archive


def offline_bundle(archive: Path, root: Path = ROOT) -> Path:
    """Build the offline site of the project at `root` and zip it to `archive`."""
    with tempfile.TemporaryDirectory() as tmp:
        site, _ = build_site(write_config(root), Path(tmp) / "site")
        return zip_site(site, archive)


def main() -> None:
    """Build the bundle and say where it went, how big it is and how long it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / "closer-offline.zip")
    args = parser.parse_args()
    start = time.perf_counter()
    archive = offline_bundle(args.output.resolve())
    size = archive.stat().st_size / 1e6
    print(f"Wrote {archive} ({size:.1f} MB) in {time.perf_counter() - start:.1f} s.")


if __name__ == "__main__":
    main()
