"""The theme's templates compiled by a forked copy of a first build while the build reads its pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jinja2
import jinja2.meta

from mkdocs_closer.quizcore.cache import TemplateCache
from mkdocs_closer.quizcore.forked import Forked
from mkdocs_closer.templates import calls_fit, shipped, template_calls

Compiled = dict[str, tuple[bytes, dict[str, str | None]]]
"""Cache entries by key: a template's compiled code as Jinja stores it, and how it calls its filters and tests."""


class TemplatesAhead:
    """The templates a build will render, compiled on another core while it reads its pages.

    Without it, a first build compiles the theme's templates when it renders its first page, after every page is read:
    a third of a small site's build. A build whose cache has compiled templates, or that cannot fork, starts nothing.
    """

    def __init__(self, theme_env: Callable[[], jinja2.Environment], cache: TemplateCache, roots: Iterable[str]) -> None:
        # The theme's environment is made by the child: a build that starts none does not pay for it.
        names = tuple(roots)
        work = None if cache.stored else Forked(lambda: compile_reachable(theme_env(), cache, names))
        # Without a child, the build compiles each template when a page first needs it, as it would anyway.
        self.work: Forked[Compiled] | None = work if work is not None and work.forked else None

    def add_to(self, env: jinja2.Environment, cache: TemplateCache) -> None:
        """Give `cache` the templates compiled ahead whose filters and tests `env` calls as they were compiled for."""
        # Plugins may give the environment filters and tests after the copy compiled: code that calls one otherwise
        # is compiled again. Other settings (extensions, delimiters) are in the entries' keys.
        work, self.work = self.work, None
        if work is not None:
            for key, (code, calls) in work.result().items():
                if calls_fit(env, calls):
                    cache.stored.setdefault(key, code)

    def cancel(self) -> None:
        """Stop compiling: the build failed."""
        if self.work is not None:
            self.work.cancel()
            self.work = None


def compile_reachable(env: jinja2.Environment, cache: TemplateCache, roots: tuple[str, ...]) -> Compiled:
    """Compile `roots` and the templates they extend, include or import, but none shipped or cached; return them."""
    # A name made as a page renders (an icon's, say) is compiled by the build when it comes to it.
    found: Compiled = {}
    todo, seen = list(roots), set(roots)
    while todo and env.loader is not None:
        name = todo.pop()
        try:
            source, filename, _ = env.loader.get_source(env, name)
            template = env.parse(source, name, filename)
        except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
            continue  # the build reports it where a page needs it
        for other in jinja2.meta.find_referenced_templates(template):
            if other is not None and other not in seen:
                seen.add(other)
                todo.append(other)
        bucket = cache.get_bucket(env, name, filename, source)
        if bucket.code is not None or shipped(env, name, source):
            continue
        calls = template_calls(env, template)
        try:
            bucket.code = env.compile(template, name, filename)
        except jinja2.TemplateError:
            continue  # a filter or test that only a plugin's `on_env` adds, say: the build compiles it itself
        found[bucket.key] = (bucket.bytecode_to_string(), calls)
    return found
