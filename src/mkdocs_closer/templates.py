"""Load templates compiled: the plugin's from code compiled ahead of time, the theme's from a cache of builds."""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, MutableMapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from mkdocs_closer import compiled
from mkdocs_closer.quizcore.cache import write_file

_COMPILED = Path(compiled.__file__).parent


def options(env: jinja2.Environment) -> tuple[object, ...]:
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
    return hashlib.sha256(repr(options(env)).encode()).hexdigest()[:16]


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in one file between builds, apart for each set of settings that shapes the code.

    One file, read once and written once, costs a first build less than a file per template.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        try:
            content = path.read_bytes()
        except OSError:
            return  # none yet: a first build compiles every template
        digest, payload = content[:32], content[32:]
        # marshal is not made to read damaged bytes safely: only what this class wrote whole is read.
        if hashlib.sha256(payload).digest() != digest:
            return
        loaded = marshal.loads(payload)
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
            payload = marshal.dumps(self.used)
            write_file(self.path, hashlib.sha256(payload).digest() + payload)


def _renamed(code: CodeType, filename: str) -> CodeType:
    """Return `code` and the code inside it as if compiled from `filename`, so errors name the template file."""
    constants = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=constants)


class PrecompiledLoader(jinja2.BaseLoader):
    """A theme's loader that takes the plugin's unchanged templates from their compiled code.

    A template a site overrides, or any template when Jinja or the environment's settings differ from those the code
    was compiled with, is compiled as usual (and kept in the environment's bytecode cache, if it has one).
    """

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    @property
    def searchpath(self) -> list[str]:
        """Return the folders the templates come from, as a `FileSystemLoader` does."""
        return list(getattr(self.loader, "searchpath", []))

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None,
                                                                                   Callable[[], bool] | None]:
        """Return the template's source from the theme, as the theme's loader does."""
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        """Return the theme's templates."""
        return self.loader.list_templates()

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:  # noqa: A002 - Jinja's own name
        """Return the template `name`, from its compiled code when that was compiled from the same source."""
        entry = compiled.TEMPLATES.get(name)
        if entry is None or not _fits(environment, entry[2]):
            return self.loader.load(environment, name, globals)
        source, filename, uptodate = self.loader.get_source(environment, name)
        module, checksum, _ = entry
        if hashlib.sha256(source.encode("utf-8")).hexdigest() != checksum:
            return self.loader.load(environment, name, globals)
        fullname = f"{compiled.__name__}.{module}"
        code = SourceFileLoader(fullname, str(_COMPILED / f"{module}.py")).get_code(fullname)
        if code is None:
            return self.loader.load(environment, name, globals)
        return environment.template_class.from_code(environment, _renamed(code, filename or name), globals or {},
                                                    uptodate)


def _fits(env: jinja2.Environment, calls: dict[str, str | None]) -> bool:
    """Tell whether code compiled with `compiled.OPTIONS` and filters and tests called as `calls` runs in `env`."""
    if jinja2.__version__ != compiled.JINJA or options(env) != compiled.OPTIONS:
        return False
    for key, kind in calls.items():
        table, _, name = key.partition(":")
        function = (env.filters if table == "filter" else env.tests).get(name)
        pass_arg = getattr(function, "jinja_pass_arg", None)
        if function is None or (pass_arg and pass_arg.name) != kind:
            return False
    return True


def precompiled(env: jinja2.Environment) -> jinja2.Environment:
    """Have `env` take the plugin's unchanged templates from their compiled code; return it."""
    if env.loader is not None and not isinstance(env.loader, PrecompiledLoader):
        env.loader = PrecompiledLoader(env.loader)
    return env
