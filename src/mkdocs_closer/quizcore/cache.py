"""What builds remember: quiz files that passed the schema, and finished quiz pages."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

_CORE = Path(__file__).resolve().parent
SHAPING_PACKAGES = (
    "mkdocs-closer", "PyYAML", "jsonschema", "nh3", "Markdown", "pymdown-extensions", "Jinja2", "mkdocs-material",
)
"""The packages whose release may change how a quiz file is read or how its page comes out."""


def package_versions() -> dict[str, str]:
    """Return the installed version of each package in SHAPING_PACKAGES, or "absent"."""
    versions = {}
    for name in SHAPING_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def versions_digest() -> str:
    """Return a hash of the versions that shape the output: every cache keys by it, so an upgrade starts afresh."""
    return hashlib.sha256(json.dumps(package_versions(), sort_keys=True).encode()).hexdigest()


def schema_salt() -> bytes:
    """Return what a file's validity depends on besides its bytes: schema, loader and the packages' versions."""
    # A new schema, loader or parser may read the same bytes differently: any of them starts a fresh cache.
    files = (_CORE / "schema.json", _CORE / "loader.py", _CORE / "schema.py")
    return hashlib.sha256(b"".join(p.read_bytes() for p in files) + versions_digest().encode()).digest()


class SchemaCache:
    """Quiz data by the hash of its file's bytes, kept in one JSON file between builds."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.salt = schema_salt()
        self.stored: dict[str, object] = {}
        self.used: dict[str, object] = {}
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = None  # A damaged cache only costs one slower build.
            if isinstance(loaded, dict):
                self.stored = loaded

    def _key(self, raw: bytes) -> str:
        return hashlib.sha256(self.salt + raw).hexdigest()

    def get(self, raw: bytes) -> dict[str, Any] | None:
        """Return the data of a file with these bytes that passed the schema before, if any."""
        key = self._key(raw)
        data = self.stored.get(key)
        if isinstance(data, dict):
            self.used[key] = data
            return data
        return None

    def put(self, raw: bytes, data: dict[str, Any]) -> None:
        """Remember that a file with these bytes passed the schema."""
        self.used[self._key(raw)] = data

    def save(self) -> None:
        """Write the entries used in this build (and only those), if they changed."""
        if self.path is None or self.used == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(self.used, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass  # A read-only checkout still builds; it just does not remember.


class PageCache:
    """Finished quiz pages by the hash of everything they are made from, one file each, kept between builds."""

    def __init__(self, directory: Path | None, salt: bytes) -> None:
        self.directory = directory
        self.salt = salt
        self.used: set[str] = set()

    def key(self, *parts: str) -> str:
        """Return the key of a page made from `parts` (with the salt: templates, text table, code)."""
        digest = hashlib.sha256(self.salt)
        for part in parts:
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> tuple[str, bytes] | None:
        """Return (searchable part, compressed page) stored under `key`, if any."""
        if self.directory is None:
            return None
        try:
            searchable, _, page = (self.directory / key).read_bytes().partition(b"\0")
        except OSError:
            return None
        self.used.add(key)
        return searchable.decode(), page

    def put(self, key: str, searchable: str, page: bytes) -> None:
        """Store a finished page under `key`."""
        self.used.add(key)
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.directory / f"{key}.tmp"
            temporary.write_bytes(searchable.encode() + b"\0" + page)
            temporary.replace(self.directory / key)
        except OSError:
            pass  # A read-only checkout still builds; it just does not remember.

    def prune(self) -> None:
        """Delete the pages this build did not use."""
        if self.directory is None or not self.directory.is_dir():
            return
        for path in self.directory.iterdir():
            if path.name not in self.used:
                path.unlink(missing_ok=True)
