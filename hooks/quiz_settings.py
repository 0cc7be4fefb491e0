"""The quiz hook's settings under `extra.quizzes` in mkdocs.yml, read and checked once per build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from quizcore import QUIZ_DIR
from quizcore.itemrules import RuleSettings, rule_settings
from quizcore.strings import merge_strings

log = get_plugin_logger("quizzes")


class QuizOptions(base.Config):
    """Settings under `extra.quizzes` in mkdocs.yml."""

    dir = c.Type(str, default=QUIZ_DIR)
    """Folder of the quiz files, relative to mkdocs.yml."""
    strings = c.Type(dict, default={})
    """Replacements for the interface text (keys of `quizcore.strings.DEFAULT_STRINGS`)."""
    cache = c.Type(bool, default=True)
    """Keep valid quiz files and compiled templates in `.cache/quizzes/`, so unchanged ones are not redone."""
    checks = c.Type(dict, default={})
    """Item-writing checks to turn off (`length-cue: false`) or thresholds to change (`length-cue: {ratio: 1.5}`)."""


@dataclass(frozen=True)
class QuizSettings:
    """What the hook needs from `extra.quizzes`, checked."""

    root: Path
    quiz_dir: Path
    cache_dir: Path | None
    strings: dict[str, str]
    rules: RuleSettings


def read_settings(config: MkDocsConfig) -> QuizSettings:
    """Read `extra.quizzes`; stop the build with every setting that is wrong."""
    options = QuizOptions()
    options.load_dict(dict(config.extra.get("quizzes") or {}))
    errors, warnings = options.validate()
    for name, warning in warnings:
        log.warning("extra.quizzes.%s: %s", name, warning)
    if errors:
        raise PluginError("\n".join(f"extra.quizzes.{name}: {error}" for name, error in errors))
    messages = []
    try:
        strings = merge_strings(options.strings, config.theme.get("language") or "en")
    except KeyError as exc:
        messages.append(f"extra.quizzes.strings: unknown keys {exc.args[0]}")
    try:
        rules = rule_settings(options.checks)
    except ValueError as exc:
        messages += [f"extra.quizzes.checks.{message}" for message in exc.args[0]]
    if messages:
        raise PluginError("\n".join(messages))
    root = Path(config.config_file_path).parent
    cache_dir = root / ".cache" / "quizzes" if options.cache else None
    return QuizSettings(root, root / options.dir, cache_dir, strings, rules)
