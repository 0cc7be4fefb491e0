"""The item-writing rules: their ids, what each looks at, and the thresholds a site may change."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Setting = float | tuple[str, ...]

ABSOLUTE_WORDS = (
    "always", "never", "only", "completely", "entirely", "totally", "absolutely", "every", "everyone",
    "everything", "nobody", "nothing", "none", "forever", "guaranteed", "must",
)
"""Specific determiners: options that use them are rarely right, and test-wise readers know it."""


@dataclass(frozen=True)
class Rule:
    """One item-writing check: `question` rules look at one question, `quiz` rules at a quiz and at the site."""

    id: str
    scope: Literal["question", "quiz"]
    defaults: Mapping[str, Setting]


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("length-cue", "question", {"ratio": 1.25, "min_chars": 10}),
    Rule("absolute-words", "question", {"words": ABSOLUTE_WORDS}),
    Rule("all-of-the-above", "question", {}),
    Rule("negative-stem", "question", {"words": ("not", "except", "least", "never")}),
    Rule("missing-feedback", "question", {}),
    Rule("near-duplicate", "question", {"prompt_similarity": 0.4, "option_similarity": 0.8, "option_words": 3}),
    Rule("position-cue", "quiz", {"min_items": 4, "max_share": 0.5, "every_position_from": 2}),
    Rule("true-false-balance", "quiz", {"min_items": 3, "min_share": 0.25, "max_share": 0.75}),
    Rule("answer-pattern", "quiz", {"min_items": 2, "max_share": 0.5}),
)}
QUESTION_RULES = tuple(rule.id for rule in RULES.values() if rule.scope == "question")
QUIZ_RULES = tuple(rule.id for rule in RULES.values() if rule.scope == "quiz")
_SHARES = {"max_share", "min_share", "prompt_similarity", "option_similarity"}


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run and with which thresholds: the defaults above, changed by `extra.quizzes.checks`."""

    off: frozenset[str] = frozenset()
    changed: Mapping[tuple[str, str], Setting] | None = field(default=None, hash=False)
    """Thresholds changed from the defaults; left out of the hash (a mapping has none), compared for equality."""

    def on(self, rule: str) -> bool:
        """Whether `rule` runs."""
        return rule not in self.off

    def number(self, rule: str, name: str) -> float:
        """Return a numeric threshold of `rule`."""
        value = self._value(rule, name)
        assert isinstance(value, int | float)
        return value

    def words(self, rule: str, name: str = "words") -> tuple[str, ...]:
        """Return a word list of `rule`."""
        value = self._value(rule, name)
        assert isinstance(value, tuple)
        return value

    def _value(self, rule: str, name: str) -> Setting:
        return (self.changed or {}).get((rule, name), RULES[rule].defaults[name])


def rule_settings(data: object) -> RuleSettings:
    """Read the `checks` option (`{rule-id: false}` or `{rule-id: {threshold: value}}`); raise ValueError."""
    if not isinstance(data, Mapping):
        raise ValueError(["expected a mapping of check ids, like `length-cue: {ratio: 1.5}`."])
    errors: list[str] = []
    off: set[str] = set()
    changed: dict[tuple[str, str], Setting] = {}
    for rule_id, value in data.items():
        rule = RULES.get(str(rule_id))
        if rule is None:
            errors.append(f"{rule_id}: unknown check; {_known(str(rule_id), list(RULES))}")
        elif isinstance(value, bool):
            off.update(() if value else (rule.id,))
        elif not isinstance(value, Mapping):
            errors.append(f"{rule_id}: write `false` to turn the check off, or a mapping of its thresholds.")
        else:
            for name, setting in value.items():
                problem = _setting_problem(rule, str(name), setting)
                if problem:
                    errors.append(f"{rule_id}.{name}: {problem}")
                else:
                    changed[rule.id, str(name)] = tuple(setting) if isinstance(setting, list) else setting
    if errors:
        raise ValueError(errors)
    return RuleSettings(frozenset(off), changed)


def _setting_problem(rule: Rule, name: str, value: object) -> str:
    if name not in rule.defaults:
        return f"unknown threshold; {_known(name, list(rule.defaults))}" if rule.defaults else "has no thresholds."
    if isinstance(rule.defaults[name], tuple):
        ok = isinstance(value, list) and all(isinstance(w, str) and re.fullmatch(r"[\w' -]+", w) for w in value)
        return "" if ok else "expected a list of words, like `[always, never]`."
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return f"expected a number, like {rule.defaults[name]}."
    if name in _SHARES and value > 1:
        return f"is a share between 0 and 1, like {rule.defaults[name]}."
    if name.endswith("similarity") and value == 0:
        return ("must be above 0 (every text shares 0 words with another); to turn the check off, write "
                f"`{rule.id}: false`.")
    return ""


def _known(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1)
    return f"did you mean `{match[0]}`?" if match else "known: " + ", ".join(f"`{o}`" for o in options) + "."
