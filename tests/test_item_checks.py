"""Item-writing checks: each rule fires on the cue it names and stays quiet on a fair item; waivers; settings."""

from __future__ import annotations

import re
import subprocess
import sys
from itertools import cycle, product
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sitebuilder import ROOT, make_project

from mkdocs_closer.quizcore import itemchecks, load_quizzes
from mkdocs_closer.quizcore.itemchecks import content_words, item_findings, plain, similar_earlier, similarity
from mkdocs_closer.quizcore.itemrules import RULES, RuleSettings, rule_settings
from mkdocs_closer.quizcore.model import build_quiz
from mkdocs_closer.quizcore.pipeline import item_problems

CASES = Path(__file__).parent / "item_writing"
EXPECTED_FILE = CASES / "expected.yml"
# Every question is about someone new, so that no two of them look like near-duplicates.
NAMES = cycle("".join(letters) for letters in product("BDKLMNPRST", "aeiou", "lmnrs", "aeiou"))
FAIR = ["Talk about the day over dinner", "Plan a trip for the spring", "Text a friend about the film"]


def single(key: str = "", others: list[str] | None = None, *, at: int = 0,
           **extra: Any) -> dict:
    """A single-choice question whose right answer `key` is choice number `at`."""
    name = next(NAMES)
    texts = others or [f"{text}, {name}" for text in FAIR]
    choices: list[dict[str, Any]] = [{"text": t, "feedback": "Not quite."} for t in texts]
    choices.insert(at, {"text": key or f"Ask how {name}'s day went", "correct": True})
    return {"id": f"q{at}", "type": "single", "prompt": f"What helps {name}?", "choices": choices,
            "explanation": "Because.", **extra}


def multiple(keys: list[bool], **extra: Any) -> dict:
    """A multiple-choice question whose choice i is right when `keys[i]`."""
    name = next(NAMES)
    choices = [{"text": f"Option {i}", "correct": True} if right else {"text": f"Option {i}", "feedback": "Not it."}
               for i, right in enumerate(keys)]
    return {"id": "m", "type": "multiple", "prompt": f"Which help {name}?", "choices": choices,
            "explanation": "Because.", **extra}


def true_false(answer: bool) -> dict:
    name = next(NAMES)
    return {"id": "tf", "type": "true-false", "prompt": f"{name} is right.", "answer": answer, "explanation": "Yes."}


def quiz(*questions: dict, ident: str = "check", **top: Any) -> Any:
    """A knowledge check built from question dicts, ids made unique."""
    numbered = [{**q, "id": f"{q['id']}-{i}"} for i, q in enumerate(questions)]
    data = {"title": "Check", "type": "knowledge-check", "lesson": "lessons/one.md", "questions": numbered, **top}
    return build_quiz(ident, f"quizzes/{ident}.yml", data)


DEFAULTS = RuleSettings()


def fired(*quizzes: Any, settings: RuleSettings = DEFAULTS) -> list[tuple[str, tuple, str]]:
    """Return (quiz id or '', path, rule) of every finding."""
    return [(f.quiz.id if f.quiz else "", f.path, f.rule) for f in item_findings(list(quizzes), settings)]


def rules_fired(*quizzes: Any, settings: RuleSettings = DEFAULTS) -> set[str]:
    return {rule for _, _, rule in fired(*quizzes, settings=settings)}


LONG_KEY = "Tell them what you felt, in your own words, and ask what they felt too"
FIRES = {
    "length-cue, single": quiz(single(LONG_KEY)),
    "length-cue, multiple": quiz({**multiple([True, False, False]), "choices": [
        {"text": LONG_KEY, "correct": True}, {"text": "Keep busy", "feedback": "No."},
        {"text": "Wait for them", "feedback": "No."}]}),
    "absolute-words": quiz(single(others=["You must always agree", *FAIR[1:]])),
    "all-of-the-above": quiz(single(others=[*FAIR[:2], "All of the above"])),
    "all-of-the-above, none of these": quiz(single(others=[*FAIR[:2], "None of these"])),
    "negative-stem": quiz(single(prompt="Which of these is not a bid for attention?")),
    "negative-stem, an instruction": quiz(single(prompt="Sam is upset. Choose the reply that would not help.")),
    "negative-stem, contraction": quiz(single(prompt="Lee is upset. Which reply doesn't help?")),
    "missing-feedback": quiz(single() | {"choices": [
        {"text": "Ask how their day went", "correct": True}, {"text": FAIR[0], "feedback": "No."},
        {"text": FAIR[1]}, {"text": FAIR[2], "feedback": "No."}]}),
    "position-cue, clustered": quiz(*(single(at=a) for a in (1, 1, 1, 2))),
    "position-cue, a position never used": quiz(*(single(at=a) for a in (0, 1, 2, 0, 1, 2, 0, 1))),
    "true-false-balance": quiz(*(true_false(False) for _ in range(3))),
    "answer-pattern": quiz(multiple([True, True, False, False]), multiple([True, False, False])),
    "near-duplicate, prompts": (quiz(single(prompt="Sol feels flooded mid-talk. What should Ana do?")),
                                quiz(single(prompt="Ana feels flooded mid-talk. What should Sol do?"), ident="other")),
    "near-duplicate, options": (quiz(single(others=["You each have hobbies the other does not share", *FAIR[1:]])),
                                quiz(single(others=[*FAIR[:2], "You each have hobbies the other does not share."]),
                                     ident="other")),
}
QUIET = {
    "length-cue, similar lengths": quiz(single("Ask them how their day went")),
    "length-cue, longest by less than the margin": quiz(single("Ask how their day went at work, and listen")),
    "absolute-words, a right answer uses one too": quiz(single("Always ask how their day went",
                                                               others=["You must agree", *FAIR[1:]])),
    "all-of-the-above, ordinary words": quiz(single(others=[*FAIR[:2], "All of us felt it"])),
    "negative-stem, emphasised in bold": quiz(single(prompt="Which of these is **not** a bid for attention?")),
    "negative-stem, in capitals": quiz(single(prompt="Which of these is NOT a bid for attention?")),
    "negative-stem, outside the question": quiz(single(prompt="Sam did not call. What could she say?")),
    "negative-stem, in the story before it": quiz(single(prompt="Lee read which studies did not hold up. What now?")),
    "missing-feedback, none given": quiz(single() | {"choices": [
        {"text": "Ask how their day went", "correct": True}, *({"text": t} for t in FAIR)]}),
    "position-cue, spread": quiz(*(single(at=a) for a in (0, 1, 2, 3))),
    "position-cue, too few questions": quiz(*(single(at=a) for a in (1, 1, 1))),
    "true-false-balance": quiz(true_false(False), true_false(True), true_false(False)),
    "answer-pattern": quiz(multiple([True, True, False, False]), multiple([False, True, True])),
    "near-duplicate": (quiz(single(prompt="Sol feels flooded mid-talk. What should Ana do?")),
                       quiz(single(prompt="Which opener names a feeling?"), ident="other")),
}


@pytest.mark.parametrize("case", FIRES)
def test_a_rule_fires_on_its_cue(case: str) -> None:
    quizzes = FIRES[case] if isinstance(FIRES[case], tuple) else (FIRES[case],)
    assert rules_fired(*quizzes) == {case.split(",")[0]}


@pytest.mark.parametrize("case", QUIET)
def test_a_rule_is_quiet_on_a_fair_item(case: str) -> None:
    quizzes = QUIET[case] if isinstance(QUIET[case], tuple) else (QUIET[case],)
    assert rules_fired(*quizzes) == set()


def test_every_rule_has_a_case_that_fires_and_one_that_stays_quiet() -> None:
    assert {case.split(",")[0] for case in FIRES} == set(RULES) == {case.split(",")[0] for case in QUIET}


def test_findings_point_at_what_to_change() -> None:
    assert fired(quiz(single(LONG_KEY, at=2))) == [("check", ("questions", 0, "choices", 2), "length-cue")]
    assert fired(quiz(single(prompt="Which is not it?"))) == [("check", ("questions", 0, "prompt"), "negative-stem")]
    clustered = quiz(*(single(at=1) for _ in range(4)))
    assert fired(clustered) == [("check", ("questions",), "position-cue")]


def test_patterns_across_the_site_are_found_where_no_quiz_shows_them() -> None:
    two_each = [quiz(single(at=1), single(at=1), ident=name) for name in ("one", "two")]
    assert fired(*two_each) == [("", (), "position-cue")]
    assert fired(two_each[0]) == []


def test_warnings_beyond_twenty_in_one_file_are_counted(tmp_path: Path) -> None:
    questions = "".join(
        f"  - {{id: q{n}, type: single, prompt: 'Which one, {name}?', explanation: Because., choices: [\n"
        f"      {{text: 'Say what you feel to {name}, and then listen to everything', correct: true}},\n"
        f"      {{text: 'Walk off, {name}', feedback: No.}}, {{text: 'Sulk, {name}', feedback: No.}}]}}\n"
        for n, name in enumerate(next(NAMES) for _ in range(30))
    )
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "many.yml").write_text(
        f"title: Many\ntype: knowledge-check\nlesson: lessons/one.md\nquestions:\n{questions}", encoding="utf-8")
    quizzes = load_quizzes(tmp_path / "quizzes", root=tmp_path, known_pages={"lessons/one.md"})
    lines = [str(p) for p in item_problems(quizzes, DEFAULTS, root=tmp_path, directory=tmp_path / "quizzes")]
    assert len(lines) == 21 and "… and 12 more problems in this file" in lines[-1]  # 30 length cues, 2 positions


def test_a_self_assessment_is_not_checked() -> None:
    data = {"title": "Rate", "type": "self-assessment", "lesson": "lessons/one.md",
            "scale": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}],
            "items": [{"id": "x", "text": "I never share, always hide, only ever nod."}],
            "bands": [{"min": 1, "max": 2, "title": "All", "text": "All."}]}
    assert fired(build_quiz("rate", "quizzes/rate.yml", data)) == []


# -- Waivers --------------------------------------------------------------------------------------


def test_a_waiver_silences_its_rule_on_its_question_only() -> None:
    waived = single(LONG_KEY, waive={"length-cue": "The long answer is the only complete one."})
    other = single("Say plainly what hurt, when it happened, and what would help you next time")
    assert fired(quiz(waived, other)) == [("check", ("questions", 1, "choices", 0), "length-cue")]


def test_a_quiz_waiver_silences_a_pattern_of_that_quiz_but_not_of_the_site() -> None:
    reason = {"position-cue": "Every scenario builds on the one before it, so order is fixed."}
    clustered = quiz(*(single(at=1) for _ in range(4)), waive=reason)
    assert fired(clustered) == []
    assert ("", (), "position-cue") in fired(clustered, quiz(single(at=1), ident="other"))


def test_a_waiver_that_silences_nothing_is_reported() -> None:
    fair = single(waive={"length-cue": "The long answer is the only complete one."})
    assert fired(quiz(fair)) == [("check", ("questions", 0, "waive", "length-cue"), "length-cue")]


def test_a_waiver_for_a_rule_the_site_turned_off_is_not_reported() -> None:
    fair = single(waive={"length-cue": "The long answer is the only complete one."})
    assert fired(quiz(fair), settings=rule_settings({"length-cue": False})) == []


# -- Settings -------------------------------------------------------------------------------------


def test_a_site_can_turn_a_rule_off_or_change_its_thresholds() -> None:
    long_key = quiz(single(LONG_KEY))
    assert rules_fired(long_key, settings=rule_settings({"length-cue": False})) == set()
    assert rules_fired(long_key, settings=rule_settings({"length-cue": {"ratio": 4}})) == set()
    lenient = rule_settings({"position-cue": {"min_items": 3}})
    assert rules_fired(quiz(*(single(at=1) for _ in range(3))), settings=lenient) == {"position-cue"}
    words = rule_settings({"absolute-words": {"words": ["maybe"]}})
    assert rules_fired(quiz(single(others=["Maybe later", *FAIR[1:]])), settings=words) == {"absolute-words"}


def test_a_check_under_other_settings_is_not_answered_from_an_earlier_one() -> None:
    long_key = quiz(single(LONG_KEY))
    for _ in range(2):
        assert rules_fired(long_key) == {"length-cue"}
        assert rules_fired(long_key, settings=rule_settings({"length-cue": {"ratio": 4}})) == set()
        assert rules_fired(long_key, settings=rule_settings({"length-cue": False})) == set()


def test_checking_again_reads_only_the_quizzes_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    # As `mkdocs serve` does after an edit: every quiz is loaded afresh, equal to before but for the edited one.
    read: list[str] = []
    original = itemchecks._question_findings

    def counted(question: Any, settings: RuleSettings) -> Any:
        read.append(question.prompt)
        return original(question, settings)

    monkeypatch.setattr(itemchecks, "_question_findings", counted)
    data = {name: [single(LONG_KEY), single(at=1), single(at=1)] for name in ("one", "two")}

    def site(**edits: str) -> list[Any]:
        return [quiz(*questions, ident=name, description=edits.get(name, "")) for name, questions in data.items()]

    first = item_findings(site(), DEFAULTS)
    assert len(read) == 6
    assert item_findings(site(), DEFAULTS) == first
    assert len(read) == 6
    edited = item_findings(site(two="Edited."), DEFAULTS)
    assert len(read) == 9
    itemchecks._read_quiz.cache_clear()
    fresh = item_findings(site(two="Edited."), DEFAULTS)
    assert [(f.quiz, f.path, f.rule, f.message) for f in edited] == [
        (f.quiz, f.path, f.rule, f.message) for f in fresh]
    assert {f.quiz.description for f in edited if f.quiz and f.quiz.id == "two"} == {"Edited."}


@pytest.mark.parametrize(("settings", "message"), [
    ({"lenght-cue": False}, "lenght-cue: unknown check; did you mean `length-cue`?"),
    ({"length-cue": {"ration": 2}}, "length-cue.ration: unknown threshold; did you mean `ratio`?"),
    ({"length-cue": {"ratio": "big"}}, "length-cue.ratio: expected a number, like 1.25."),
    ({"position-cue": {"max_share": 50}}, "position-cue.max_share: is a share between 0 and 1, like 0.5."),
    ({"absolute-words": {"words": "never"}}, "absolute-words.words: expected a list of words, like `[always, never]`."),
    ({"missing-feedback": {"ratio": 2}}, "missing-feedback.ratio: has no thresholds."),
    ({"near-duplicate": {"prompt_similarity": 0}}, "near-duplicate.prompt_similarity: must be above 0 (every text "
     "shares 0 words with another); to turn the check off, write `near-duplicate: false`."),
    ({"near-duplicate": "off"}, "near-duplicate: write `false` to turn the check off, or a mapping of its thresholds."),
])
def test_wrong_settings_are_explained(settings: dict, message: str) -> None:
    with pytest.raises(ValueError) as info:
        rule_settings(settings)
    assert info.value.args[0] == [message]


def test_wrong_settings_stop_the_build_naming_the_setting(tmp_path: Path) -> None:
    config = make_project(tmp_path, closer="{quizzes: {checks: {lenght-cue: false}}}")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert ("Plugin 'closer' option 'quizzes': Sub-option 'checks': lenght-cue: unknown check; did you mean "
            "`length-cue`?") in result.stderr
    assert "Traceback" not in result.stderr


# -- Measures -------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=6), max_size=12),
       st.sampled_from([0.2, 0.4, 0.5, 0.8, 1.0]))
def test_similar_texts_are_found_as_by_comparing_every_pair(sets: list[frozenset[str]], threshold: float) -> None:
    groups = [i // 2 for i in range(len(sets))]  # pairs of options of one question are never compared
    expected = {}
    for b, words in enumerate(sets):
        earlier = [a for a in range(b) if groups[a] != groups[b] and similarity(sets[a], words) >= threshold]
        if earlier:
            expected[b] = (earlier[0], similarity(sets[earlier[0]], words))
    assert similar_earlier(sets, threshold, groups) == expected


def test_text_is_compared_as_a_reader_sees_it() -> None:
    assert plain("Say **how** you [felt](../x.md) <em>then</em>") == "Say how you felt then"
    assert content_words("I don’t know what you FELT") == {"don't", "know", "felt"}
    assert similarity(frozenset("ab"), frozenset("bc")) == pytest.approx(1 / 3)
    assert similarity(frozenset(), frozenset("a")) == 0


# -- Golden messages ------------------------------------------------------------------------------


def messages_of(case: str) -> list[str]:
    """The warnings a site whose quiz folder is `item_writing/<case>` gets, as the build prints them."""
    directory = CASES / case
    pages = {"lessons/one.md", "lessons/two.md"}
    quizzes = load_quizzes(directory, root=CASES, known_pages=pages)
    return [str(p) for p in item_problems(quizzes, DEFAULTS, root=CASES, directory=directory)]


def test_golden_messages(request: pytest.FixtureRequest) -> None:
    actual = {case.name: messages_of(case.name) for case in sorted(CASES.iterdir()) if case.is_dir()}
    if request.config.getoption("--regen-golden"):
        EXPECTED_FILE.write_text(yaml.safe_dump(actual, allow_unicode=True, width=1000), encoding="utf-8")
    assert actual == yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
    assert actual["fair"] == [] and set(actual) >= {"cue-ridden", "fair", "two-checks"}


# -- The course -----------------------------------------------------------------------------------


def course_checks() -> list[Path]:
    return sorted(p for p in (ROOT / "quizzes").glob("*.yml") if "knowledge-check" in p.read_text(encoding="utf-8"))


def cue_ridden(data: dict) -> dict:
    """Return quiz data whose right answers come first and are much longer than the other options."""
    for question in data["questions"]:
        if question["type"] in {"single", "multiple"}:
            question["choices"].sort(key=lambda c: not c.get("correct", False))
            for choice in question["choices"]:
                if choice.get("correct"):
                    choice["text"] += ", which is what the research on couples supports most clearly of all"
    return data


@pytest.mark.parametrize("path", course_checks(), ids=lambda p: p.stem)
def test_a_cue_ridden_copy_of_a_course_check_fails_with_the_file_and_the_rule(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "quizzes" / path.name
    copy.parent.mkdir()
    copy.write_text(yaml.safe_dump(cue_ridden(yaml.safe_load(path.read_text(encoding="utf-8")))), encoding="utf-8")
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    quizzes = load_quizzes(copy.parent, root=tmp_path, known_pages=pages)
    lines = [str(p) for p in item_problems(quizzes, DEFAULTS, root=tmp_path, directory=copy.parent)]
    assert any(line.startswith(f"quizzes/{path.name}:") and ": length-cue: " in line for line in lines)


def test_a_cue_ridden_quiz_fails_the_strict_build(tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "quizzes" / "check-one.yml"
    ridden = yaml.safe_dump(cue_ridden(yaml.safe_load(fixture.read_text(encoding="utf-8"))))
    config = make_project(tmp_path, {"check-one.yml": ridden})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "quizzes/check-one.yml:" in result.stderr and ": length-cue: the right answer is" in result.stderr
    assert "warnings in strict mode" in result.stdout + result.stderr


# -- The authoring guide --------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda rule: rule.id)
def test_the_guide_explains_each_check_with_its_thresholds_and_a_source(rule: Any) -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide.split(f"### `{rule.id}`\n", 1)[1].split("\n### ", 1)[0]
    assert re.search(r"\(\w[^()]*, (19|20)\d\d\)", section), "each check names its source"
    for name, value in rule.defaults.items():
        stated = f"`{name}`: " + ", ".join(value) if isinstance(value, tuple) else f"`{name}: {value:g}`"
        assert stated in " ".join(section.split()), f"the guide does not state {stated}"
    assert f"`{rule.id}`" in guide.split("### Waiving a check", 1)[1].split("\n### ", 1)[0]
