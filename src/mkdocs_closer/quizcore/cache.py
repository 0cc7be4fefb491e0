"""What builds remember: quiz files that passed the schema, finished quiz pages, and compiled templates."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import marshal
import os
import sys
from collections.abc import Collection
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2

_CORE = Path(__file__).resolve().parent
SHAPING_PACKAGES = {
    "mkdocs-closer": "mkdocs_closer", "PyYAML": "yaml", "nh3": "nh3", "Markdown": "markdown",
    "pymdown-extensions": "pymdownx", "Jinja2": "jinja2", "mkdocs-material": "material",
}
"""The packages whose release may change how a quiz file is read or how its page comes out, and their modules.

Not jsonschema: it only explains what is wrong with a file, and files with something wrong are never kept.
"""


def package_versions() -> dict[str, str]:
    """Return the version of each package in SHAPING_PACKAGES, or "absent"."""
    versions = {}
    for name, module in SHAPING_PACKAGES.items():
        # A loaded module says its version at once; the installed metadata takes a search of every path.
        version = getattr(sys.modules.get(module), "__version__", None)
        if not isinstance(version, str):
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "absent"
        versions[name] = version
    return versions


@functools.cache
def versions_digest() -> str:
    """Return a hash of the versions that shape the output: every cache keys by it, so an upgrade starts afresh."""
    # Once per process: its modules are loaded once, so an upgrade takes effect only in a new process anyway.
    return hashlib.sha256(json.dumps(package_versions(), sort_keys=True).encode()).hexdigest()


@functools.cache
def schema_salt() -> bytes:
    """Return what a file's validity depends on besides its bytes: schema, loader, checks and the packages' versions."""
    # A new schema, loader, parser or check may judge the same bytes differently: any of them starts a fresh cache.
    # Read once per process, as the versions are: what judges a file is the code this process loaded, even if the
    # files change under a running `mkdocs serve` (and reading them took half a millisecond of every rebuild).
    files = (_CORE / "schema.json", _CORE / "schema_check.py", _CORE / "loader.py", _CORE / "schema.py",
             _CORE / "checks.py", _CORE / "links.py")
    return hashlib.sha256(b"".join(p.read_bytes() for p in files) + versions_digest().encode()).digest()


def read_json(path: Path | None) -> object:
    """Return the data a cache file holds, or None when there is none or it is damaged (which only costs time)."""
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_file(path: Path, content: bytes) -> None:
    """Write a cache file whole or not at all; a read-only checkout still builds, it just does not remember."""
    # A temporary file of this process's own: two builds of one project (`mkdocs serve` beside `mkdocs build`) would
    # otherwise write into the same one, and the file put in place could hold parts of both.
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(content)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):  # none was made where the folder could not be
            temporary.unlink()


def write_json(path: Path, data: object) -> None:
    """Write `data` to a cache file as JSON, whole or not at all."""
    write_file(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def read_checked(path: Path | None, tag: bytes = b"") -> bytes | None:
    """Return what `write_checked` wrote to `path` with the same `tag`, or None if that is not what is there."""
    if path is None:
        return None
    try:
        content = path.read_bytes()
    except OSError:
        return None  # none yet: a first build
    digest, payload = content[:32], content[32:]
    if len(digest) < 32 or hashlib.sha256(tag + payload).digest() != digest:
        return None
    return payload


def write_checked(path: Path, payload: bytes, tag: bytes = b"") -> None:
    """Write `payload` to a cache file after a hash of it and `tag`, so a damaged or foreign file is never read."""
    write_file(path, hashlib.sha256(tag + payload).digest() + payload)


# marshal's format may change with the interpreter; it is not made to read damaged bytes safely either.
_MARSHAL_TAG = f"{sys.implementation.cache_tag} marshal {marshal.version}".encode()


def read_marshalled(path: Path | None) -> object:
    """Return what `write_marshalled` wrote to `path` with this interpreter, or None if that is not what is there."""
    payload = read_checked(path, _MARSHAL_TAG)
    return None if payload is None else marshal.loads(payload)


def write_marshalled(path: Path, data: dict[str, Any]) -> None:
    """Write `data` to a cache file with marshal (far faster than JSON both ways), whole or not at all."""
    write_checked(path, marshal.dumps(data), _MARSHAL_TAG)


class SchemaCache:
    """Quiz data by the hash of its file's bytes, kept in one file between builds.

    An entry also says whether the file passed the checks that read the site's other pages (do its links and its
    lesson exist?), and against which set of pages. Each entry's data stays marshalled as the file holds it: a build
    unpacks only what it reads, and writes the file, or takes a forked child's entries, without packing them again.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.salt = schema_salt()
        self._digests: dict[int, tuple[Collection[str], str]] = {}
        self.stored: dict[str, tuple[str, bytes]] = {}
        self.used: dict[str, tuple[str, bytes]] = {}
        loaded = read_marshalled(path)
        if isinstance(loaded, dict):
            self.stored = {key: entry for key, entry in loaded.items() if _is_entry(key, entry)}

    def _key(self, raw: bytes) -> str:
        return hashlib.sha256(self.salt + raw).hexdigest()

    def get(self, raw: bytes) -> dict[str, Any] | None:
        """Return the data of a file with these bytes that passed the schema before, if any."""
        key = self._key(raw)
        entry = self.used.get(key) or self.stored.get(key)
        if entry is None:
            return None
        try:
            data = marshal.loads(entry[1])
        except (ValueError, EOFError, TypeError):
            return None
        if not isinstance(data, dict):
            return None
        self.used[key] = entry
        return data

    def checked(self, raw: bytes, pages: Collection[str]) -> bool:
        """Say whether a file with these bytes also passed the checks against exactly these pages."""
        entry = self.used.get(self._key(raw))
        return entry is not None and entry[0] == self._digest(pages)

    def put(self, raw: bytes, data: dict[str, Any], *, checked: Collection[str] | None = None) -> None:
        """Remember that a file with these bytes passed the schema, and the pages it passed the other checks with."""
        key = self._key(raw)
        known = self.used.get(key)  # only entries `get` could read, or put in this build
        # The same bytes always give the same data: an entry known already is not packed again.
        packed = known[1] if known else marshal.dumps(data)
        self.used[key] = ("" if checked is None else self._digest(checked), packed)

    def keep(self, raw: bytes) -> None:
        """Count a file with these bytes as used, without reading its data, if it passed the schema before."""
        key = self._key(raw)
        if key not in self.used and key in self.stored:
            self.used[key] = self.stored[key]

    def _digest(self, pages: Collection[str]) -> str:
        """Return the hash of a set of pages, computed once per set a build passes (the same set for every file)."""
        known = self._digests.get(id(pages))
        if known is None or known[0] is not pages:
            known = (pages, hashlib.sha256("\n".join(sorted(pages)).encode()).hexdigest())
            self._digests[id(pages)] = known
        return known[1]

    def save(self) -> None:
        """Write the entries used in this build (and only those), if they changed."""
        if self.path is not None and self.used != self.stored:
            write_marshalled(self.path, self.used)


def _is_entry(key: object, entry: object) -> bool:
    """Tell whether a loaded schema cache entry has the shape `SchemaCache.put` gives it."""
    return (isinstance(key, str) and isinstance(entry, tuple) and len(entry) == 2
            and isinstance(entry[0], str) and isinstance(entry[1], bytes))


def write_page(path: Path, searchable: str, page: bytes) -> None:
    """Write a finished page's file: its searchable part, then a NUL byte, then the compressed page."""
    write_checked(path, searchable.encode() + b"\0" + page)


def read_page(path: Path) -> tuple[str, bytes] | None:
    """Return the searchable part and the compressed page of a file `write_page` wrote, or None if it cannot be read."""
    # A damaged page is made again: one cut short would otherwise stop the build, or lose text without a word.
    content = read_checked(path)
    if content is None:
        return None
    searchable, _, page = content.partition(b"\0")
    return searchable.decode(), page


class PageCache:
    """Finished quiz pages by the hash of everything they are made from, one file each, kept between builds."""

    def __init__(self, directory: Path | None, salt: bytes) -> None:
        self.directory = directory
        self.salt = salt
        self.used: set[str] = set()
        try:
            # One listing instead of a failed read per page: a first build has none, a later one most.
            self.stored: set[str] = set(os.listdir(directory)) if directory else set()
        except OSError:
            self.stored = set()

    def key(self, *parts: str) -> str:
        """Return the key of a page made from `parts` (with the salt: templates, text table, code)."""
        digest = hashlib.sha256(self.salt)
        for part in parts:
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> tuple[str, bytes] | None:
        """Return (searchable part, compressed page) stored under `key`, if any."""
        if self.directory is None or key not in self.stored:
            return None
        found = read_page(self.directory / key)
        if found is not None:
            self.used.add(key)
        return found

    def prune(self) -> None:
        """Delete the pages this build did not use, as far as the folder lets it."""
        if self.directory is None or not self.directory.is_dir():
            return
        for path in self.directory.iterdir():
            if path.name not in self.used:
                # A read-only checkout keeps them: they cost only room, and no build reads them by mistake.
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)


def compile_settings(env: jinja2.Environment) -> tuple[object, ...]:
    """Return the settings of `env` that shape a template's compiled code."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else "callable"
    return (
        type(env).__name__, env.code_generator_class.__name__, env.undefined.__name__, autoescape,
        env.finalize is None, env.is_async, env.optimized, env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
        env.newline_sequence, env.keep_trailing_newline, tuple(sorted(env.extensions)),
    )


def settings_key(env: jinja2.Environment) -> str:
    """Return a short hash of the settings of `env` that shape a template's compiled code."""
    return hashlib.sha256(repr(compile_settings(env)).encode()).hexdigest()[:16]


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in one file between builds, apart for each set of settings that shapes the code.

    One file, read once and written once, costs a first build less than a file per template.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        loaded = read_marshalled(path)  # none yet: a first build compiles every template
        if isinstance(loaded, dict):
            self.stored = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, bytes)}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        """Return the cache entry of template `name` as compiled under the settings of `environment`."""
        # Jinja keys compiled code by the template's name and file alone, but a site's other plugins may give the
        # theme's environment an extension or other delimiters, under which the same source compiles differently.
        return super().get_bucket(environment, f"{name}|{settings_key(environment)}", filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Load a template's compiled code, if it is in the cache and compiled from the same source."""
        data = self.used.get(bucket.key) or self.stored.get(bucket.key)
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # Jinja reads the checksum with pickle, which fails many ways on damaged bytes: recompile
            bucket.reset()
        if bucket.code is not None:
            self.used[bucket.key] = data

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a template's compiled code, to be written with the others at the end of the build."""
        self.used[bucket.key] = bucket.bytecode_to_string()

    def save(self) -> None:
        """Write the templates this build used (and only those), if they changed."""
        if self.used != self.stored:
            write_marshalled(self.path, self.used)
