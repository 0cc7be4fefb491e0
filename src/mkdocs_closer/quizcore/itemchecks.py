"""Item-writing checks: cues that let a reader pass a knowledge check without knowing the answers.

The rules follow Haladyna, Downing & Rodriguez (2002); the authoring guide gives each one's reason.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from mkdocs_closer.placeholders import has_placeholder
from mkdocs_closer.quizcore.errors import Path
from mkdocs_closer.quizcore.itemrules import RULES, RuleSettings
from mkdocs_closer.quizcore.model import Question, Quiz

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ABOVE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them|those)\b", re.I)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]+>|[*_`]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words that carry no topic: grammar, and the wording of instructions ("Choose all that apply", "best fits").
_STOP_WORDS = frozenset(
    "a an the to of and or is are be was were it its that this these those for with in on at by as from you your i "
    "my me we our they them their he she his her him what which who when how can could do does did if so not than "
    "then there too very just about into over more most some any choose select pick tick apply all one following "
    "best".split()
)


@dataclass(frozen=True)
class Finding:
    """One broken rule: in a quiz at `path`, or across every knowledge check when `quiz` is None."""

    quiz: Quiz | None
    path: Path
    rule: str
    message: str


def plain(text: str) -> str:
    """Return Markdown as the words a reader sees: link text kept, markup and tags dropped."""
    return " ".join(_MARKUP.sub("", _LINK.sub(r"\1", text)).split())


def content_words(text: str) -> frozenset[str]:
    """Return the words of `text` that carry meaning, lowercased: what near-duplicate checks compare."""
    return frozenset(_WORD.findall(plain(text).lower().replace("\u2019", "'"))) - _STOP_WORDS


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Return the Jaccard similarity of two word sets: shared words over all words."""
    return len(a & b) / len(a | b) if a and b else 0.0


Words = tuple[frozenset[str], tuple[frozenset[str], ...]]
"""The content words of a question's prompt and of each of its options (see `content_words`)."""
_NO_WORDS: Words = (frozenset(), ())


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the checks learn from one knowledge check alone."""

    written: tuple[int, ...]
    """Its questions with no `[TODO: …]` placeholder left: one that has is listed as unwritten, not checked."""
    findings: tuple[tuple[Path, str, str], ...]
    """Its findings: where in the quiz, the rule and the message."""
    words: tuple[Words, ...]
    """The words of each written question, for the checks across quizzes (none for a reflection)."""


@dataclass(frozen=True)
class _Item:
    """A written question of a knowledge check, with its words."""

    quiz: Quiz
    index: int
    question: Question
    words: Words


def item_findings(quizzes: Sequence[Quiz], settings: RuleSettings) -> list[Finding]:
    """Return every item-writing finding in the knowledge checks of a site, waived ones left out."""
    checks = [quiz for quiz in quizzes if quiz.type == "knowledge-check"]
    findings: list[Finding] = []
    items: list[_Item] = []
    for quiz in checks:
        reading = _read_quiz(quiz, settings)
        findings += (Finding(quiz, path, rule, message) for path, rule, message in reading.findings)
        items += (_Item(quiz, i, quiz.questions[i], words)
                  for i, words in zip(reading.written, reading.words, strict=True))
    findings += _near_duplicates(items, settings)
    if len(checks) > 1:
        findings += (Finding(None, (), rule, message)
                     for rule, message in _pattern_findings([(None, item.question) for item in items], settings))
    return _apply_waivers(checks, findings, settings)


# `mkdocs serve` checks every quiz again after each edit, and most are the ones it read before.
@lru_cache(maxsize=4096)
def _read_quiz(quiz: Quiz, settings: RuleSettings) -> _Reading:
    """Return what the checks learn from knowledge check `quiz` alone under `settings`."""
    written = [(i, q) for i, q in enumerate(quiz.questions) if _written(q)]
    findings = [(("questions", i, *path), rule, message)
                for i, question in written for path, rule, message in _question_findings(question, settings)]
    findings += ((("questions",), rule, message) for rule, message in _pattern_findings(written, settings))
    words = tuple((content_words(q.prompt), tuple(content_words(c.text) for c in q.choices)) if q.scored else _NO_WORDS
                  for _, q in written)
    return _Reading(tuple(i for i, _ in written), tuple(findings), words)


def _apply_waivers(checks: list[Quiz], findings: list[Finding], settings: RuleSettings) -> list[Finding]:
    """Drop waived findings; report waivers that silence nothing, so that none outlives its reason."""
    fired = {(f.quiz.source, _owner(f), f.rule) for f in findings if f.quiz}
    kept = [f for f in findings if not (f.quiz and f.rule in _waivers_of(f.quiz, _owner(f)))]
    stale = "this waiver silences nothing: the rule finds no problem here. Remove it."
    for quiz in checks:
        owners: list[Path] = [(), *(("questions", i) for i in range(len(quiz.questions)))]
        kept += [Finding(quiz, (*owner, "waive", rule), rule, stale)
                 for owner in owners for rule in sorted(_waivers_of(quiz, owner))
                 if settings.on(rule) and (quiz.source, owner, rule) not in fired]
    return kept


def _owner(finding: Finding) -> Path:
    """Return the path of what can waive a finding: its question, or its quiz for a pattern across questions."""
    return finding.path[:2] if RULES[finding.rule].scope == "question" else ()


def _waivers_of(quiz: Quiz, owner: Path) -> frozenset[str]:
    return quiz.questions[owner[1]].waived if owner else quiz.waived  # type: ignore[index]


def _written(question: Question) -> bool:
    """Say whether a question is written: one with a `[TODO: …]` placeholder is listed as one, not checked."""
    return not has_placeholder(" ".join([question.prompt, *(f"{c.text} {c.feedback}" for c in question.choices)]))


def _question_findings(question: Question, settings: RuleSettings) -> Iterator[tuple[Path, str, str]]:
    if question.type not in {"single", "multiple"}:
        return
    keys = [i for i, c in enumerate(question.choices) if c.correct]
    wrong = [i for i, c in enumerate(question.choices) if not c.correct]
    texts = [plain(c.text) for c in question.choices]
    checks = (
        ("length-cue", _length_cue(question, keys, wrong, texts, settings)),
        ("absolute-words", _absolute_words(keys, wrong, texts, settings)),
        ("all-of-the-above", _all_of_the_above(texts)),
        ("negative-stem", _negative_stem(question.prompt, settings)),
        ("missing-feedback", _missing_feedback(question, wrong)),
    )
    for rule, found in checks:
        if settings.on(rule):
            yield from ((path, rule, message) for path, message in found)


Found = Iterable[tuple[Path, str]]


def _length_cue(question: Question, keys: list[int], wrong: list[int], texts: list[str],
                settings: RuleSettings) -> Found:
    if not keys or not wrong:
        return
    key = min(keys, key=lambda i: len(texts[i]))
    shortest_key, longest_wrong = len(texts[key]), max(len(texts[i]) for i in wrong)
    ratio, margin = settings.number("length-cue", "ratio"), settings.number("length-cue", "min_chars")
    if shortest_key < ratio * longest_wrong or shortest_key - longest_wrong < margin:
        return
    which = "the right answer is" if len(keys) == 1 else "every right answer is"
    yield (("choices", key) if len(keys) == 1 else ("choices",),
           f"{which} clearly the longest option ({shortest_key} characters against at most {longest_wrong} for the "
           "others), so a reader can pick it by length alone. Make the options about as long as each other.")


def _absolute_words(keys: list[int], wrong: list[int], texts: list[str], settings: RuleSettings) -> Found:
    pattern = _word_pattern(settings.words("absolute-words"))
    texts = [_ABOVE.sub("", text) for text in texts]  # "none of the above" has its own rule
    if not pattern or any(pattern.search(texts[i]) for i in keys):
        return
    hits = [(i, sorted({m.lower() for m in pattern.findall(texts[i])})) for i in wrong if pattern.search(texts[i])]
    if hits:
        words = ", ".join(f"“{w}”" for w in sorted({w for _, found in hits for w in found}))
        yield (("choices", hits[0][0], "text"),
               f"only wrong options use {words}: readers learn that absolute options are wrong. Say the wrong "
               "options without them, or let a right answer use such a word too.")


def _all_of_the_above(texts: list[str]) -> Found:
    for i, text in enumerate(texts):
        match = _ABOVE.search(text)
        if match:
            yield (("choices", i, "text"),
                   f"“{match[0]}” can be chosen by spotting two right options (or ruled out by spotting one wrong "
                   "one) without knowing the rest. Replace it with a plausible option of its own, or ask a "
                   "`type: multiple` question.")


def _negative_stem(prompt: str, settings: RuleSettings) -> Found:
    pattern = _word_pattern(settings.words("negative-stem"), contractions=True)
    if not pattern:
        return
    sentences = re.split(r"(?<=[.?!])\s+", prompt.strip())
    # The question itself: what ends in a question mark, or else the last sentence ("Choose the one that …").
    asking = [s for s in sentences if s.endswith("?")] or sentences[-1:]
    for sentence in asking:
        for match in pattern.finditer(sentence):
            word = match[0]
            emphasised = word.isupper() or re.search(rf"(\*\*|\*|_|<(?:strong|em|b)>)\s*\w*{re.escape(word)}", sentence)
            if not emphasised:
                yield (("prompt",),
                       f"the question turns on “{word}”, which a reader skimming it can miss. Ask it the positive way "
                       f"round, or make the word stand out: **{word.upper()}**.")
                return


def _missing_feedback(question: Question, wrong: list[int]) -> Found:
    if not any(question.choices[i].feedback.strip() for i in wrong):
        return
    for i in wrong:
        if not question.choices[i].feedback.strip():
            yield (("choices", i),
                   "has no feedback, while the other wrong options have some: say why a reader might choose it and "
                   "why it is not right.")


@cache
def _word_pattern(words: tuple[str, ...], *, contractions: bool = False) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    tail = r"|\w+n['\u2019]t\b" if contractions else ""
    return re.compile(rf"\b(?:{alternatives})\b{tail}", re.I)


def _pattern_findings(questions: Sequence[tuple[int | None, Question]],
                      settings: RuleSettings) -> Iterator[tuple[str, str]]:
    """Patterns across the questions of one quiz, or of every knowledge check (indexes None): rules and messages."""
    checks = (
        ("position-cue", _position_cue(questions, settings)),
        ("true-false-balance", _true_false_balance(questions, settings)),
        ("answer-pattern", _answer_pattern(questions, settings)),
    )
    for rule, messages in checks:
        if settings.on(rule):
            yield from ((rule, message) for message in messages)


def _numbers(questions: Sequence[tuple[int | None, Question]]) -> str:
    """Say which questions of a quiz, by number; nothing across several quizzes (index None)."""
    numbers = [str(i + 1) for i, _ in questions if i is not None]
    if len(numbers) < len(questions):
        return ""
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    return f" (question{'s' * (len(numbers) > 1)} {listed})"


def _position_cue(questions: Sequence[tuple[int | None, Question]], settings: RuleSettings) -> Iterator[str]:
    number = settings.number
    by_size: dict[int, list[tuple[int | None, Question]]] = {}
    for i, q in questions:
        if q.type == "single" and len(q.choices) <= len(_ORDINALS):
            by_size.setdefault(len(q.choices), []).append((i, q))
    for size, group in sorted(by_size.items()):
        if len(group) < number("position-cue", "min_items"):
            continue
        positions = Counter(next(j for j, c in enumerate(q.choices) if c.correct) for _, q in group)
        top, count = positions.most_common(1)[0]
        if count > number("position-cue", "max_share") * len(group):
            keyed = [(i, q) for i, q in group if q.choices[top].correct]
            yield (f"the right answer is the {_ORDINALS[top]} option in {count} of {len(group)} single-choice "
                   f"questions with {size} options{_numbers(keyed)}, so a reader who notices can guess it. Move "
                   "right answers so that every position gets its share.")
        unused = [_ORDINALS[p] for p in range(size) if p not in positions]
        if unused and len(group) >= number("position-cue", "every_position_from") * size:
            yield (f"no right answer is in the {' or '.join(unused)} position of {len(group)} single-choice questions "
                   f"with {size} options, so a reader can rule {'those' if len(unused) > 1 else 'it'} out. Move some "
                   "right answers there.")


def _true_false_balance(questions: Sequence[tuple[int | None, Question]], settings: RuleSettings) -> Iterator[str]:
    statements = [q for _, q in questions if q.type == "true-false"]
    if not statements or len(statements) < settings.number("true-false-balance", "min_items"):
        return
    true = sum(q.choices[0].correct for q in statements)
    share = true / len(statements)
    low, high = settings.number("true-false-balance", "min_share"), settings.number("true-false-balance", "max_share")
    if not low <= share <= high:
        guess, scores = ("True", true) if share > high else ("False", len(statements) - true)
        yield (f"{true} of {len(statements)} true/false statements are true, so a reader who always answers "
               f"{guess} gets {scores} right. Make about as many true as false.")


def _answer_pattern(questions: Sequence[tuple[int | None, Question]], settings: RuleSettings) -> Iterator[str]:
    multiple = [(i, q) for i, q in questions if q.type == "multiple"]
    if not multiple or len(multiple) < settings.number("answer-pattern", "min_items"):
        return
    first_k = [(i, q) for i, q in multiple if _keys_lead(q)]
    if len(first_k) > settings.number("answer-pattern", "max_share") * len(multiple):
        yield (f"in {len(first_k)} of {len(multiple)} multiple-choice questions{_numbers(first_k)} the right answers "
               "are the first options of the list, so a reader learns to tick from the top. Mix them with the others.")


def _keys_lead(question: Question) -> bool:
    flags = [c.correct for c in question.choices]
    count = sum(flags)
    return 0 < count < len(flags) and all(flags[:count])


def _near_duplicates(items: list[_Item], settings: RuleSettings) -> Iterator[Finding]:
    """Questions that ask nearly what an earlier one asks, and options repeated from an earlier question."""
    if not settings.on("near-duplicate"):
        return
    number = settings.number
    questions = [item for item in items if item.question.scored]
    prompts = tuple(item.words[0] for item in questions)
    for b, (a, shared) in _similar_earlier(prompts, number("near-duplicate", "prompt_similarity")).items():
        later, first = questions[b], questions[a]
        yield Finding(later.quiz, ("questions", later.index, "prompt"), "near-duplicate",
                      f"asks nearly what {_name(first)} asks ({shared:.0%} of their words are shared). "
                      "Ask it once, in the check of the lesson that teaches it.")
    least = number("near-duplicate", "option_words")
    options = [(n, j, words) for n, item in enumerate(questions) for j, words in enumerate(item.words[1])
               if len(words) >= least]
    similar = _similar_earlier(tuple(words for _, _, words in options), number("near-duplicate", "option_similarity"),
                               tuple(n for n, _, _ in options))
    for b, (a, _) in similar.items():
        later, first = questions[options[b][0]], questions[options[a][0]]
        yield Finding(later.quiz, ("questions", later.index, "choices", options[b][1], "text"), "near-duplicate",
                      f"repeats an option of {_name(first)}. Write an option of this question's own.")


# A rebuild after an edit that changed no question's words finds them again: the very sets `_read_quiz` keeps.
@lru_cache(maxsize=4)
def _similar_earlier(sets: tuple[frozenset[str], ...], threshold: float,
                     groups: tuple[int, ...] | None = None) -> dict[int, tuple[int, float]]:
    return similar_earlier(sets, threshold, groups)


def similar_earlier(sets: Sequence[frozenset[str]], threshold: float,
                    groups: Sequence[int] | None = None) -> dict[int, tuple[int, float]]:
    """Map each set to the earliest set before it, of another group, at least `threshold` similar, with the measure.

    Exact, without comparing every pair: distinct sets are joined smallest first, and two sets that similar must share
    one of the rarest words of each (prefix filtering; Bayardo, Ma & Srikant, 2007; Xiao et al., 2008). A course of
    thousands of questions is checked in a blink.
    """
    groups = groups or range(len(sets))
    occurrences: dict[frozenset[str], list[int]] = {}
    for position, words in enumerate(sets):
        if words:  # An empty text is like no other (see `similarity`).
            occurrences.setdefault(words, []).append(position)
    frequency = Counter(word for words in occurrences for word in words)
    index: dict[str, list[frozenset[str]]] = {}
    # Each distinct set is its own neighbour: its other occurrences match it exactly.
    neighbours: dict[frozenset[str], list[tuple[frozenset[str], float]]] = {w: [(w, 1.0)] for w in occurrences}
    for words in sorted(occurrences, key=lambda w: (len(w), occurrences[w][0])):
        ordered = sorted(words, key=lambda word: (frequency[word], word))
        probe = len(ordered) - _at_least(threshold * len(ordered)) + 1
        for other in {other for word in ordered[:probe] for other in index.get(word, ())}:
            shared = similarity(words, other)
            if shared >= threshold:
                neighbours[words].append((other, shared))
                neighbours[other].append((words, shared))
        # Sets joined later are at least as large, which lets this one index fewer of its words.
        indexed = len(ordered) - _at_least(2 * threshold / (1 + threshold) * len(ordered)) + 1
        for word in ordered[:indexed]:
            index.setdefault(word, []).append(words)
    found: dict[int, tuple[int, float]] = {}
    for words, positions in occurrences.items():
        if len(positions) == 1 and len(neighbours[words]) == 1:
            continue  # Most texts: like no other, and written once.
        for b in positions:
            # The first occurrence of each neighbour that is of another group, or none before `b`.
            firsts = ((next((a for a in occurrences[other] if a >= b or groups[a] != groups[b]), b), shared)
                      for other, shared in neighbours[words])
            earlier = [(a, shared) for a, shared in firsts if a < b]
            if earlier:
                found[b] = min(earlier)
    return found


def _at_least(amount: float) -> int:
    """Round up, forgiving the float error that would make 0.7 * 10 need 8 words."""
    return math.ceil(amount - 1e-9)


def _name(item: _Item) -> str:
    return f"{item.quiz.source} question `{item.question.id}`"

