"""Load the plugin's templates from code compiled ahead of time, when it was compiled for this Jinja and environment."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, MutableMapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import nodes

from mkdocs_closer import compiled
from mkdocs_closer.quizcore.cache import compile_settings

_COMPILED = Path(compiled.__file__).parent


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
        if name not in compiled.TEMPLATES:
            return self.loader.load(environment, name, globals)
        source, filename, uptodate = self.loader.get_source(environment, name)
        code = _code(compiled.TEMPLATES[name][0], filename or name) if shipped(environment, name, source) else None
        if code is None:
            return self.loader.load(environment, name, globals)
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


def shipped(environment: jinja2.Environment, name: str, source: str) -> bool:
    """Tell whether the plugin ships template `name`, with this source, compiled for code that runs in `environment`."""
    entry = compiled.TEMPLATES.get(name)
    return (entry is not None and _fits(environment, entry[2])
            and hashlib.sha256(source.encode("utf-8")).hexdigest() == entry[1])


# Every build, and every rebuild of `mkdocs serve`, gives its environments new loaders: read each template's code
# once per process. There are as many as the plugin ships, times the theme folders they are found in.
@functools.cache
def _code(module: str, filename: str) -> CodeType | None:
    """Return the compiled code of the template in `module`, as if compiled from `filename`."""
    fullname = f"{compiled.__name__}.{module}"
    code = SourceFileLoader(fullname, str(_COMPILED / f"{module}.py")).get_code(fullname)
    return None if code is None else _renamed(code, filename)


def _fits(env: jinja2.Environment, calls: dict[str, str | None]) -> bool:
    """Tell whether code compiled with `compiled.OPTIONS` and filters and tests called as `calls` runs in `env`."""
    return jinja2.__version__ == compiled.JINJA and compile_settings(env) == compiled.OPTIONS and calls_fit(env, calls)


def template_calls(env: jinja2.Environment, template: nodes.Template) -> dict[str, str | None]:
    """Return how `env` calls each filter and test of a parsed template (`context`, `environment`, … or None)."""
    # Jinja compiles the call of each as the function it finds then asks to be called: the code depends on them.
    found: dict[str, str | None] = {}
    for node in template.find_all((nodes.Filter, nodes.Test)):
        table = env.filters if isinstance(node, nodes.Filter) else env.tests
        kind = getattr(table.get(node.name), "jinja_pass_arg", None)
        found[f"{'filter' if isinstance(node, nodes.Filter) else 'test'}:{node.name}"] = kind and kind.name
    return dict(sorted(found.items()))


def calls_fit(env: jinja2.Environment, calls: dict[str, str | None]) -> bool:
    """Tell whether `env` has every filter and test of `calls`, each called as `calls` says (see `template_calls`)."""
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
