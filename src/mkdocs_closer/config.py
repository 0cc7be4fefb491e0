"""The `closer` plugin's options in mkdocs.yml, each checked when MkDocs reads the configuration."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_closer.quizcore import QUIZ_DIR
from mkdocs_closer.quizcore.itemrules import RuleSettings, rule_settings
from mkdocs_closer.quizcore.strings import DEFAULT_STRINGS

_OTHER_SITE = re.compile(r"https?://[^/\s]+\.[^/\s]+(/\S*)?$")
_STORAGE = re.compile(r"[a-z][a-z0-9-]{0,29}$")


class _Folder(c.Type[str]):
    """A folder of the docs, written as `name/`, relative to `docs_dir`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        folder = super().run_validation(value)
        if not folder or folder.startswith("/") or not folder.endswith("/"):
            raise base.ValidationError(f"`{folder}` is not a folder of the docs: write it like `lessons/`.")
        return folder


class _Strings(c.Type[dict]):  # type: ignore[type-arg]
    """Replacements for the interface text, by key."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        strings: dict[str, Any] = super().run_validation(value)
        unknown = sorted(set(strings) - set(DEFAULT_STRINGS))
        if unknown:
            raise base.ValidationError(f"unknown keys {', '.join(unknown)}")
        if wrong := sorted(key for key, text in strings.items() if not isinstance(text, str)):
            raise base.ValidationError(f"the text of {', '.join(wrong)} must be a string")
        return strings


class _Checks(base.BaseConfigOption[RuleSettings]):
    """Item-writing checks to turn off or whose thresholds change, read into `RuleSettings`."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, object] = {}

    def run_validation(self, value: object) -> RuleSettings:
        try:
            return rule_settings(value)
        except ValueError as exc:
            raise base.ValidationError("; ".join(exc.args[0])) from None


class _QuickExit(c.Type[str]):
    """The web address of another site, or "" for none."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        address = super().run_validation(value)
        if address and not _OTHER_SITE.match(address):
            raise base.ValidationError(
                f"`{address}` is not the web address of another site; give one like `https://weather.com/`, "
                "or leave it empty for no quick exit.")
        return address


class QuizzesConfig(base.Config):
    """Options under `quizzes`."""

    dir = c.Type(str, default=QUIZ_DIR)
    """Folder of the quiz files, relative to mkdocs.yml."""
    strings = _Strings()
    """Replacements for the interface text, by key (see the locale tables); `{site}` is the site's name."""
    cache = c.Type(bool, default=True)
    """Keep valid quiz files and compiled templates in `.cache/quizzes/`, so unchanged ones are not redone."""
    checks = _Checks()
    """Item-writing checks to turn off (`length-cue: false`) or thresholds to change (`length-cue: {ratio: 1.5}`)."""


class ReaderConfig(base.Config):
    """Options under `reader`."""

    lessons = _Folder("lessons/")
    """Pages under this folder of the docs are the course's lessons, in the order of the navigation."""
    progress = c.Type(str, default="progress.md")
    """Where the generated "My progress" page goes."""
    journal = c.Type(str, default="journal/index.md")
    """Where the generated journal goes: one folder deep, like the quiz pages, so reflection prompts' links work."""
    quick_exit = _QuickExit()
    """Where "Leave this site" goes: a neutral page on another site; empty (the default) for no quick exit."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """Check the options, then that the journal sits at the quiz pages' depth."""
        errors, warnings = super().validate()
        journal = self.get("journal")
        if isinstance(journal, str) and journal.count("/") != 1:
            errors.append(("journal", base.ValidationError(
                f"`{journal}` must sit one folder deep, like the quiz pages (`quizzes/<id>.md`), so that links in "
                "reflection prompts work there too: use `journal/index.md`.")))
        return errors, warnings


class FacilitatorsConfig(base.Config):
    """Options under `facilitators`."""

    enabled = c.Type(bool, default=True)
    """Generate the link sheets, the answer key and the participant pack."""
    folder = _Folder("facilitators/")
    """Folder of the facilitators' pages; the generated ones join them, in its navigation section."""
    section = c.Type(str, default="For facilitators")
    """Title of the navigation section made for the generated pages when no section lists the folder's pages."""
    plans = c.ListOfItems(c.Type(str), default=["session-*"])
    """Names of session plans in the folder (shell patterns, without `.md`): each gets a link sheet."""
    pack = c.Type(str, default="session-*")
    """The plans (a pattern among `plans`) that get a page of the participant pack."""
    summary = c.Type(str, default="In short")
    """Title of the box that sums up a lesson (`!!! abstract "In short"`): the pack prints it."""
    exercises = c.Type(str, default="Practice")
    """Start of the title of a lesson's exercise sections (`## Practice: …`): the pack prints their steps."""


class CloserConfig(base.Config):
    """The `closer` plugin's options."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin's pages off, e.g. `enabled: !ENV [CLOSER, true]`; its templates stay, for a site's own."""
    quizzes = c.SubConfig(QuizzesConfig)
    """Quiz files, interface text, cache and item-writing checks."""
    reader = c.SubConfig(ReaderConfig)
    """The reader's pages (progress, journal), which pages are lessons, and the quick exit."""
    facilitators = c.SubConfig(FacilitatorsConfig)
    """The facilitators' generated pages."""
    storage = c.Type(str, default="closer")
    """First part of the keys under which readers' browsers keep their answers (then the site's path)."""
    stacked_tables = c.Type(bool, default=True)
    """On a phone, a Markdown table's rows stack, each cell under its column's heading, so no column is cut off."""
    compact_html = c.Type(bool, default=False)
    """Send every page without the theme's indentation, so that most pages fit in a connection's first round trip."""
    csp = c.Type(bool, default=False)
    """Give every page a Content-Security-Policy that lets it load only the site's own files and run only the inline
    code of the theme's templates: nothing an author writes, and nothing another plugin adds, runs."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """Check the options, then the storage prefix."""
        errors, warnings = super().validate()
        storage = self.get("storage")
        if isinstance(storage, str) and not _STORAGE.match(storage):
            errors.append(("storage", base.ValidationError(
                f"`{storage}` cannot start a storage key: use lowercase letters, digits and hyphens, such as "
                "`my-course`.")))
        return errors, warnings
