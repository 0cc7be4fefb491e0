"""Write the package's templates as compiled code, `src/mkdocs_closer/compiled/`, from `src/mkdocs_closer/theme/`.

Run it after changing a template or upgrading Jinja; a test fails while they disagree. pip turns these modules into
bytecode when it installs the package, so a first build loads the plugin's templates instead of compiling them.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.theme import Theme

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mkdocs_closer"
sys.path.insert(0, str(PACKAGE.parent))

from mkdocs_closer.quizcore.cache import compile_settings  # noqa: E402
from mkdocs_closer.quizcore.sanitize import text_filters  # noqa: E402
from mkdocs_closer.templates import template_calls  # noqa: E402

THEME = PACKAGE / "theme"
TARGET = PACKAGE / "compiled"
INDEX = '''"""The package's templates as compiled code, written by scripts/compile_templates.py."""
# fmt: off

JINJA = {jinja!r}
OPTIONS: tuple[object, ...] = {options!r}
TEMPLATES: dict[str, tuple[str, str, dict[str, str | None]]] = {{
{entries}}}
"""Template name: (module, SHA-256 of its source, {{filter or test: how it is called}})."""
'''


def _set_per_page(*_: Any) -> str:
    raise LookupError("set on each page")  # never folded into the compiled code as a constant


def environment() -> jinja2.Environment:
    """Return an environment like the one a build renders the templates in: Material's, with the plugin's filters."""
    env = Theme(name="material").get_env()
    env.loader = jinja2.FileSystemLoader(str(THEME))
    env.filters.update(text_filters(), page_link=_set_per_page, author_markdown=_set_per_page,
                       inline_markdown=_set_per_page)
    return env


def module_name(template: str) -> str:
    """Return the module that holds `template`'s code: `quiz/page.html` is `quiz_page`."""
    return re.sub(r"\W", "_", template.removesuffix(".html"))


def compiled() -> dict[str, str]:
    """Return every file of the compiled package, by name, for the templates as they are now."""
    env = environment()
    files: dict[str, str] = {}
    entries = []
    for path in sorted(THEME.rglob("*.html")):
        name = path.relative_to(THEME).as_posix()
        source = path.read_text(encoding="utf-8")
        module = module_name(name)
        files[f"{module}.py"] = env.compile(source, name, raw=True)
        checksum = hashlib.sha256(source.encode("utf-8")).hexdigest()
        entries.append(f"    {name!r}: ({module!r}, {checksum!r}, {template_calls(env, env.parse(source))!r}),\n")
    files["__init__.py"] = INDEX.format(jinja=jinja2.__version__, options=compile_settings(env),
                                        entries="".join(entries))
    return files


def main() -> int:
    """Write the package; remove modules of templates that are gone; say what changed."""
    files = compiled()
    TARGET.mkdir(exist_ok=True)
    changed = [name for name, text in files.items()
               if not (TARGET / name).is_file() or (TARGET / name).read_text(encoding="utf-8") != text]
    for name in changed:
        (TARGET / name).write_text(files[name], encoding="utf-8")
    stale = [path for path in TARGET.glob("*.py") if path.name not in files]
    for path in stale:
        path.unlink()
    print(f"{TARGET.relative_to(ROOT)}: {len(changed)} written, {len(stale)} removed, "
          f"{len(files) - len(changed)} unchanged.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
