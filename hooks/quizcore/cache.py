"""Remember quiz files that passed the schema, so an unchanged file skips YAML parsing and schema checks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

_CORE = Path(__file__).resolve().parent
# A new schema or a new loader may read the same bytes differently: either one starts a fresh cache.
_SALT = hashlib.sha256(b"".join(
    p.read_bytes() for p in (_CORE.parents[1] / "quizzes" / "schema.json", _CORE / "loader.py", _CORE / "schema.py")
)).digest()


class SchemaCache:
    """Quiz data by the hash of its file's bytes, kept in one JSON file between builds."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stored: dict[str, object] = {}
        self.used: dict[str, object] = {}
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = None  # A damaged cache only costs one slower build.
            if isinstance(loaded, dict):
                self.stored = loaded

    @staticmethod
    def _key(raw: bytes) -> str:
        return hashlib.sha256(_SALT + raw).hexdigest()

    def get(self, raw: bytes) -> dict | None:
        """Return the data of a file with these bytes that passed the schema before, if any."""
        key = self._key(raw)
        data = self.stored.get(key)
        if isinstance(data, dict):
            self.used[key] = data
            return data
        return None

    def put(self, raw: bytes, data: dict) -> None:
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
