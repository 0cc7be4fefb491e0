"""Unit tests of the quiz core's small pieces: paths, scores, ids, the model, nav, sanitizing, links, strings."""

from __future__ import annotations

import copy
import json
import pickle
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from sitebuilder import FIXTURE_QUIZZES

from mkdocs_closer.quizcore.checks import default_choice_id, group_by, semantic_problems
from mkdocs_closer.quizcore.errors import Problem, QuizError, format_path, one_line
from mkdocs_closer.quizcore.fragments import page_link
from mkdocs_closer.quizcore.loader import Document, _yaml_message, _yaml_position
from mkdocs_closer.quizcore.model import Choice, Quiz, build_quiz
from mkdocs_closer.quizcore.nav import add_quizzes_to_nav, section_pages
from mkdocs_closer.quizcore.pipeline import load_quizzes
from mkdocs_closer.quizcore.render import fill_page_titles
from mkdocs_closer.quizcore.sanitize import MarkedText, html_text, plain_markdown, plain_text, sanitize
from mkdocs_closer.quizcore.scoring import ScoreRange, as_decimal, round_score, score_range
from mkdocs_closer.quizcore.strings import DEFAULT_STRINGS, merge_strings
from mkdocs_closer.reader.aside import HtmlAside
from mkdocs_closer.reader.steps import course_steps, reflections

# -- errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ((), "(top level)"),
        (("title",), "title"),
        (("questions", 2, "choices", 0, "text"), "questions[2].choices[0].text"),
        (("bands", 1, "read_next", 0), "bands[1].read_next[0]"),
        (("subscales", 0, "bands"), "subscales[0].bands"),
        ((0,), "[0]"),
        ((3, "id"), "[3].id"),
        (("nav_title",), "nav_title"),
        (("nav title",), '["nav title"]'),
        (("questions", 0, ""), 'questions[0][""]'),
        (("a.b", 1), '["a.b"][1]'),
        (("\r",), '["\\r"]'),
        (("étape",), "étape"),
    ],
)
def test_format_path(path: tuple, shown: str) -> None:
    assert format_path(path) == shown


def test_problem_is_one_line_even_with_line_breaks_in_author_text() -> None:
    problem = Problem("quizzes/x.yml", 3, 7, format_path(("type",)), "`a\nb` is not allowed;\tuse one of `single`.")
    assert str(problem) == "quizzes/x.yml:3:7: type: `a\\nb` is not allowed;\\tuse one of `single`."
    assert one_line("plain text é") == "plain text é"
    assert one_line("a\u2028b\x00") == "a\\u2028b\\x00"


def test_quiz_error_sorts_problems_and_lists_them_one_per_line() -> None:
    late = Problem("quizzes/b.yml", 1, 1, "title", "late file.")
    second = Problem("quizzes/a.yml", 9, 1, "lesson", "second.")
    first = Problem("quizzes/a.yml", 2, 5, "type", "first.")
    error = QuizError([late, second, first])
    assert error.problems == [first, second, late]
    assert str(error).splitlines() == [
        "quizzes/a.yml:2:5: type: first.",
        "quizzes/a.yml:9:1: lesson: second.",
        "quizzes/b.yml:1:1: title: late file.",
    ]


# -- scoring ------------------------------------------------------------------------------------------


def test_score_range_of_a_mean_is_one_decimal() -> None:
    scores = score_range([1, 2, 3, 4, 5], 4, "mean")
    assert scores == ScoreRange(Decimal("1.0"), Decimal("5.0"), Decimal("0.1"))
    assert scores.on_grid(Decimal("2.4"))
    assert scores.on_grid(Decimal("5"))
    assert not scores.on_grid(Decimal("2.45"))


def test_score_range_of_a_sum_is_whole_numbers_times_items() -> None:
    scores = score_range([1, 2, 3, 4, 5], 10, "sum")
    assert scores == ScoreRange(Decimal(10), Decimal(50), Decimal(1))
    assert scores.on_grid(Decimal(37))
    assert not scores.on_grid(Decimal("37.5"))


def test_score_range_of_a_scale_starting_at_zero() -> None:
    assert score_range([0, 1, 2, 3], 3, "sum") == ScoreRange(Decimal(0), Decimal(9), Decimal(1))
    assert score_range([0, 1, 2, 3], 3, "mean") == ScoreRange(Decimal(0), Decimal(3), Decimal("0.1"))


@pytest.mark.parametrize(("value", "exact"), [(2.4, "2.4"), (0.1, "0.1"), (3, "3"), (1.0, "1.0"), (3.7, "3.7")])
def test_as_decimal_has_no_float_noise(value: float, exact: str) -> None:
    assert as_decimal(value) == Decimal(exact)
    assert str(as_decimal(value)) == exact


ROUNDING = json.loads((Path(__file__).parent / "fixtures" / "rounding.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", ROUNDING, ids=lambda v: f"{v['value']!r}/{v['decimals']}")
def test_scores_round_half_away_from_zero_like_the_quiz_script(vector: dict) -> None:
    # tests/browser/test_self_assessment.py checks the quiz script's rounding on the same vectors.
    rounded = round_score(vector["value"], vector["decimals"])
    assert rounded == Decimal(str(vector["expected"])), vector["why"]
    assert rounded.as_tuple().exponent == -vector["decimals"]


# -- checks -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "ident"), [(0, "a"), (1, "b"), (25, "z"), (26, "choice-27"), (99, "choice-100")])
def test_default_choice_id(index: int, ident: str) -> None:
    assert default_choice_id(index) == ident


# -- model --------------------------------------------------------------------------------------------

KNOWLEDGE_CHECK = {
    "title": "Check one",
    "type": "knowledge-check",
    "lesson": "lessons/one.md",
    "questions": [
        {
            "id": "small-things",
            "type": "true-false",
            "prompt": "Small things count.",
            "answer": True,
            "feedback_true": "Yes, they add up.",
            "explanation": "Everyday moments build closeness.",
        },
        {
            "id": "big-only",
            "type": "true-false",
            "prompt": "Only big confessions count.",
            "answer": False,
            "feedback_true": "Small ones count too.",
            "feedback_false": "Right.",
            "explanation": "Small disclosures count.",
        },
        {
            "id": "pick",
            "type": "single",
            "prompt": "Pick one.",
            "choices": [{"text": "Right", "correct": True}, {"id": "nope", "text": "Wrong", "feedback": "No."}],
            "explanation": "Because.",
        },
    ],
}


def test_true_false_becomes_two_choices_true_and_false() -> None:
    quiz = build_quiz("check-one", "quizzes/check-one.yml", copy.deepcopy(KNOWLEDGE_CHECK))
    true_statement, false_statement, _ = quiz.questions
    assert true_statement.choices == (
        Choice("true", "", correct=True, feedback="Yes, they add up."),
        Choice("false", "", correct=False, feedback=""),
    )
    assert true_statement.correct_choices == (true_statement.choices[0],)
    assert false_statement.choices == (
        Choice("true", "", correct=False, feedback="Small ones count too."),
        Choice("false", "", correct=True, feedback="Right."),
    )
    assert false_statement.explanation == "Small disclosures count."
    assert all(q.scored for q in quiz.questions)


def test_choices_get_default_ids_by_position() -> None:
    quiz = build_quiz("check-one", "quizzes/check-one.yml", copy.deepcopy(KNOWLEDGE_CHECK))
    single = quiz.questions[2]
    assert [(c.id, c.correct, c.feedback) for c in single.choices] == [("a", True, ""), ("nope", False, "No.")]
    assert quiz.title == "Check one"
    assert quiz.src_uri == "quizzes/check-one.md"
    assert not quiz.scored


@pytest.mark.parametrize("name", ["check-one.yml", "assess-two.yml"])
def test_a_quiz_comes_back_whole_from_the_child_that_loads_it(tmp_path: Path, name: str) -> None:
    shutil.copy(FIXTURE_QUIZZES / name, tmp_path / name)
    (loaded,) = load_quizzes(tmp_path, root=tmp_path, known_pages={"lessons/one.md", "lessons/two.md"})
    copied = pickle.loads(pickle.dumps(loaded, pickle.HIGHEST_PROTOCOL))
    assert copied == loaded and repr(copied) == repr(loaded)  # the finished pages' cache is keyed on the repr


# -- nav ----------------------------------------------------------------------------------------------


def quiz(ident: str, lesson: str, title: str | None = None) -> Quiz:
    return Quiz(ident, f"quizzes/{ident}.yml", title or ident.title(), "knowledge-check", lesson)


def test_quiz_is_nested_in_a_section_that_opens_with_its_lesson() -> None:
    nav = [{"Home": "index.md"}, {"Lesson one": "lessons/one.md"}, {"Lesson two": "lessons/two.md"}]
    add_quizzes_to_nav(nav, [quiz("check-one", "lessons/one.md", "Check: one")])
    assert nav == [
        {"Home": "index.md"},
        {"Lesson one": [{"Lesson one": "lessons/one.md"}, {"Check: one": "quizzes/check-one.md"}]},
        {"Lesson two": "lessons/two.md"},
    ]
    assert list(section_pages(nav)) == [("Lesson one", "lessons/one.md")]


def test_quizzes_of_one_lesson_keep_their_order() -> None:
    nav = [{"Lesson one": "lessons/one.md"}, {"Lesson two": "lessons/two.md"}]
    add_quizzes_to_nav(nav, [quiz("first", "lessons/two.md"), quiz("second", "lessons/two.md")])
    assert nav == [
        {"Lesson one": "lessons/one.md"},
        {"Lesson two": [
            {"Lesson two": "lessons/two.md"}, {"First": "quizzes/first.md"}, {"Second": "quizzes/second.md"},
        ]},
    ]


def test_section_pages_are_only_first_entries_named_like_their_section() -> None:
    nav = [{"Part": [{"Other": "a.md"}, {"Part": "b.md"}]}, {"Deep": [{"Inner": [{"Inner": "c.md"}]}]}, {"Empty": []}]
    assert list(section_pages(nav)) == [("Inner", "c.md")]


def test_knowledge_checks_come_before_self_assessments(tmp_path: Path) -> None:
    (tmp_path / "quizzes").mkdir()
    shutil.copy(FIXTURE_QUIZZES / "assess-two.yml", tmp_path / "quizzes" / "a-assess.yml")
    shutil.copy(FIXTURE_QUIZZES / "check-one.yml", tmp_path / "quizzes" / "z-check.yml")
    shutil.copy(FIXTURE_QUIZZES / "check-one.yml", tmp_path / "quizzes" / "m-check.yml")
    quizzes = load_quizzes(tmp_path / "quizzes", root=tmp_path, known_pages={"lessons/one.md", "lessons/two.md"})
    assert [quiz.id for quiz in quizzes] == ["m-check", "z-check", "a-assess"]


def test_quiz_is_inserted_in_nested_sections() -> None:
    nav = [
        "index.md",
        {"Course": [{"Part 1": [{"One": "lessons/one.md"}, "lessons/two.md"]}, {"End": "end.md"}]},
    ]
    add_quizzes_to_nav(nav, [quiz("check-two", "lessons/two.md"), quiz("check-one", "lessons/one.md")])
    assert nav == [
        "index.md",
        {
            "Course": [
                {
                    "Part 1": [
                        {"One": [{"One": "lessons/one.md"}, {"Check-One": "quizzes/check-one.md"}]},
                        "lessons/two.md",
                        {"Check-Two": "quizzes/check-two.md"},
                    ]
                },
                {"End": "end.md"},
            ]
        },
    ]


def test_quiz_placed_by_the_author_is_left_alone() -> None:
    nav = [
        {"Lesson one": "lessons/one.md"},
        {"Practice": [{"My own title": "quizzes/check-one.md"}]},
        "quizzes/check-two.md",
    ]
    before = copy.deepcopy(nav)
    add_quizzes_to_nav(nav, [quiz("check-one", "lessons/one.md"), quiz("check-two", "lessons/one.md")])
    assert nav == before


def test_quiz_of_a_lesson_not_in_nav_goes_to_a_quizzes_section() -> None:
    nav = [{"Home": "index.md"}]
    add_quizzes_to_nav(nav, [quiz("orphan", "lessons/hidden.md"), quiz("other", "lessons/gone.md")])
    assert nav == [{"Home": "index.md"}, {"Quizzes": [{"Orphan": "quizzes/orphan.md"}, {"Other": "quizzes/other.md"}]}]


def test_no_nav_is_left_to_mkdocs() -> None:
    assert add_quizzes_to_nav(None, [quiz("check-one", "lessons/one.md")]) is None


# -- sanitize -----------------------------------------------------------------------------------------


def test_sanitize_removes_scripts_handlers_and_javascript_links() -> None:
    html = (
        '<div class="quiz" onclick="steal()"><script>alert(1)</script>'
        '<a href="javascript:alert(1)">bad</a><a href="JaVaScRiPt:alert(2)">worse</a>'
        '<img src="x.png" alt="x" onerror="alert(3)"><iframe src="https://evil.example/"></iframe></div>'
    )
    clean = sanitize(html)
    for banned in ("<script", "alert(1)", "onclick", "onerror", "javascript:", "JaVaScRiPt", "<iframe"):
        assert banned not in clean
    assert '<a href="https://x.org/">good</a>' in sanitize('<a href="https://x.org/">good</a>')
    assert '<img src="x.png" alt="x">' in clean


def test_sanitize_keeps_only_text_align_styles() -> None:
    table = '<table><tbody><tr><td style="text-align: right; color: red">1</td></tr></tbody></table>'
    assert sanitize(table) == '<table><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>'
    assert sanitize('<p style="color: red">x</p>') == "<p>x</p>"


def test_sanitize_keeps_inert_markup_and_drops_what_would_act_on_the_page() -> None:
    html = (
        '<section aria-labelledby="t" hidden><h2 id="my-question" class="x">Q</h2><label for="q-a">A</label>'
        '<a href="../lessons/one/" data-page-title="lessons/one.md">one</a><table><tr><td style="text-align: center">'
        '1</td></tr></table><form action="https://elsewhere.example/"><fieldset><legend>L</legend>'
        '<input type="radio" name="q" value="a"><textarea name="r"></textarea><button>Go</button></fieldset></form>'
        '<div data-quiz="other" data-action="clear">d</div><p id="closer-config">c</p><p id="__config">m</p>'
        '<p id="quiz-form">f</p><p id="md-x">g</p><p id="a__b">h</p><span name="addEventListener">n</span></section>'
    )
    clean = sanitize(html)
    for kept in ('aria-labelledby="t"', "hidden", '<h2 id="my-question" class="x">', '<label for="q-a">A</label>',
                 'data-page-title="lessons/one.md"', 'style="text-align:center"'):
        assert kept in clean, kept
    for dropped in ("<form", "action=", "<input", "<textarea", "<button", "name=", "data-quiz", "data-action",
                    'id="closer-config"', 'id="__config"', 'id="quiz-form"', 'id="md-x"', 'id="a__b"', "<fieldset"):
        assert dropped not in clean, dropped


# -- render -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("quizzes/check-one.md", "lessons/one.md", "../lessons/one.md"),
        ("lessons/one.md", "quizzes/check-one.md", "../quizzes/check-one.md"),
        ("index.md", "lessons/one.md", "lessons/one.md"),
        ("lessons/one.md", "lessons/two.md", "two.md"),
        ("lessons/deep/a.md", "index.md", "../../index.md"),
    ],
)
def test_page_link(source: str, target: str, link: str) -> None:
    assert page_link(source, target) == link


def test_fill_page_titles_uses_titles_as_plain_text_escaped_once() -> None:
    html = (
        '<p><a href="../lessons/one.md" data-page-title="lessons/one.md" class="x">lessons/one.md</a> and '
        '<a data-page-title="lessons/gone.md" href="../lessons/gone.md">?</a> and <a href="y.md">keep</a></p>'
    )
    # MkDocs holds titles as HTML: entities kept, tags (from a nav title, say) to be dropped.
    filled = fill_page_titles(html, {"lessons/one.md": "Opening &lt;up&gt; &amp; <em>in</em>"}.get)
    assert filled == (
        '<p><a href="../lessons/one.md" class="x">Opening &lt;up&gt; &amp; in</a> and '
        '<a href="../lessons/gone.md">lessons/gone.md</a> and <a href="y.md">keep</a></p>'
    )


# -- strings ------------------------------------------------------------------------------------------


def test_merge_strings_names_the_site_where_the_text_says_site() -> None:
    merged = merge_strings({"check": "Check {site}"}, site="My <course>")
    assert merged["summary_date"] == "Saved from My <course> on {date}."
    assert merged["check"] == "Check My <course>"
    assert not any("{site}" in text for text in merged.values())


def test_merge_strings_defaults_and_overrides() -> None:
    assert merge_strings(None) == DEFAULT_STRINGS
    assert merge_strings(None) is not DEFAULT_STRINGS
    merged = merge_strings({"check": "Prüfen"})
    assert merged["check"] == "Prüfen"
    assert merged["retry"] == DEFAULT_STRINGS["retry"]
    assert DEFAULT_STRINGS["check"] == "Check"


def test_merge_strings_rejects_unknown_keys() -> None:
    with pytest.raises(KeyError) as info:
        merge_strings({"chek": "x", "check": "y", "another": "z"})
    assert info.value.args[0] == "another, chek"


def test_strings_follow_the_site_language_and_overrides_win() -> None:
    french = merge_strings({"check": "Contrôler"}, "fr-CA")
    assert french["check"] == "Contrôler" and french["retry"] == "Réessayer"
    assert merge_strings(None, "xx") == DEFAULT_STRINGS, "a language without a table falls back to English"


# -- the reader's pages -------------------------------------------------------------------------------------------


def test_course_steps_keep_nav_order_lessons_and_quizzes_only() -> None:
    check = quiz("check-one", "lessons/one.md", "Check: one")
    pages = [("Home", "index.md"), ("One", "lessons/one.md"), ("Check: one", "quizzes/check-one.md"),
             ("About", "about.md"), ("Two", "lessons/two.md")]
    steps = course_steps(pages, [check])
    expected = [("One", "lesson"), ("Check: one", "knowledge-check"), ("Two", "lesson")]
    assert [(s.title, s.kind) for s in steps] == expected
    assert reflections(steps) == []


# -- robustness: linear work on big quizzes -------------------------------------------------------------


def test_group_by_keeps_order_within_groups_in_one_pass() -> None:
    words = ["apple", "bean", "avocado", "beet", "cherry"]
    assert group_by(words, lambda word: word[0]) == {"a": ["apple", "avocado"], "b": ["bean", "beet"], "c": ["cherry"]}
    assert group_by([], len) == {}


def _one_subscale_per_statement(count: int) -> dict:
    return {
        "title": "Big", "type": "self-assessment", "lesson": "lessons/one.md",
        "scale": [{"value": 1, "label": "Disagree"}, {"value": 2, "label": "Agree"}],
        "items": [{"id": f"s-{i}", "text": f"Statement {i}", "subscale": f"g-{i}"} for i in range(count)],
        "subscales": [{"id": f"g-{i}", "title": f"Group {i}",
                       "bands": [{"min": 1, "max": 2, "title": "All", "text": "Fine."}]} for i in range(count)],
    }


def _calls_to_check_and_build(count: int) -> int:
    """Count Python and builtin calls made while checking and building a quiz of `count` statements."""
    data = _one_subscale_per_statement(count)
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event in {"call", "c_call"}

    sys.setprofile(profile)
    try:
        problems = semantic_problems(Document("quizzes/big.yml", data), {"lessons/one.md"})
        quiz = build_quiz("big", "quizzes/big.yml", data)
    finally:
        sys.setprofile(None)
    assert problems == []
    assert [s.items for s in quiz.subscales[:2]] == [("s-0",), ("s-1",)]
    return calls


def test_checking_and_building_grow_linearly_with_the_statements() -> None:
    # Grouping statements by subscale once keeps this near 2; scanning every statement for every subscale made it 4.
    small, large = _calls_to_check_and_build(500), _calls_to_check_and_build(1000)
    assert large / small < 2.3


# -- robustness: YAML messages of either parser ---------------------------------------------------------

BAD_ESCAPE = 'prompt: "C:\\Users\\me"\n'


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_bad_escape_is_explained_whichever_parser_reads_it(loader: type) -> None:
    # PyYAML's own parser and libyaml word the mistake differently and stop at different characters.
    with pytest.raises(yaml.MarkedYAMLError) as info:
        yaml.compose(BAD_ESCAPE, Loader=loader)
    line, column = _yaml_position(info.value, BAD_ESCAPE)
    assert (line, column) == (1, 12)
    assert _yaml_message(info.value, BAD_ESCAPE, line, column) == (
        "invalid YAML (`\\U` is not a valid escape in double quotes); put the value in single quotes instead, "
        "or write `\\\\` for each backslash."
    )


def test_marked_text_is_sanitised_and_only_it() -> None:
    marked = MarkedText()
    page = f'<p><button data-print>Print</button> {marked.mark("<b>ok</b><script>PWN()</script>")}</p>'
    assert marked.clean(page) == "<p><button data-print>Print</button> <b>ok</b></p>"


def test_marked_text_that_lost_its_markers_fails_the_page() -> None:
    marked = MarkedText()
    marked.mark("one")
    # The site's Markdown took the piece apart: its end marker ended up escaped inside code.
    html = f"<p><!-- {marked.key} -->`x<code>&lt;!-- /{marked.key} --&gt;</code></p>"
    with pytest.raises(ValueError, match="1 of 1 pieces of quiz text lost their place"):
        marked.clean(html)


def test_plain_text_and_titles_are_escaped_for_their_context() -> None:
    title = 'Check <b>"this"</b> & *that* {: onclick="x" } [l](javascript:x)'
    assert html_text(title) == (
        "Check &lt;b&gt;&quot;this&quot;&lt;/b&gt; &amp; *that* {: onclick=&quot;x&quot; } [l](javascript:x)"
    )
    assert plain_markdown(title) == (
        'Check &lt;b&gt;"this"&lt;/b&gt; &amp; \\*that\\* \\{: onclick="x" \\} \\[l\\](javascript:x)'
    )
    assert plain_text("Trust &amp; <em>hiding</em>") == "Trust & hiding"


def test_the_control_character_pattern_is_unicodes_control_category_but_tab_and_newline() -> None:
    import sys
    import unicodedata

    from mkdocs_closer.quizcore.checks import _CONTROL

    found = {c for c in map(chr, range(sys.maxunicode + 1)) if _CONTROL.match(c)}
    assert found == {c for c in map(chr, range(sys.maxunicode + 1))
                     if unicodedata.category(c) == "Cc" and c not in "\t\n"}


def test_html_set_aside_skips_the_markdown_and_comes_back_as_written() -> None:
    import markdown

    aside = HtmlAside()
    block = '<ol class="cards">\n<li><a href="x/">*not emphasis* &amp; kept</a></li>\n</ol>'
    page = f"# Title\n\nSome *text*.\n\n<!-- closer:html -->\n{block}\n<!-- /closer:html -->\n\n## After\n"
    source = aside.set_aside(page)
    assert "cards" not in source and aside.key in source
    html = aside.put_back(markdown.markdown(source))
    assert block in html and "<em>text</em>" in html and "<h2>After</h2>" in html
    assert aside.key not in html and aside.blocks == []


# Every character of the Basic Multilingual Plane, and a sample of the others, first, last and between letters.
CODE_POINTS = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 17), 0x10FFFF]


@pytest.mark.parametrize("part", range(8))
def test_text_the_sanitiser_skips_is_text_it_would_give_back_unchanged(part: int) -> None:
    from mkdocs_closer.quizcore.sanitize import _CLEANER, _INERT

    for code in CODE_POINTS[part::8]:
        c = chr(code)
        for text in (f"{c}a{c}", f"a{c * 2}b", f"<p>{c}a{c}</p>", f"<p>a{c}</p>\n<p>{c}b</p>"):
            if _INERT.match(text):
                assert _CLEANER.clean(text) == text == sanitize(text), f"U+{code:04X} in {text!r}"


@pytest.mark.parametrize("html", ["<p>a</p><p>b</p>", "<p>a</p>\n\n<p>b</p>", "<p>a", "a</p>", "<p>a</p>\n",
                                  "<P>a</P>", "<p >a</p>", "<p>a & b</p>", "<b>a</b>", "a\r\nb"])
def test_text_with_anything_else_is_sanitised(html: str) -> None:
    from mkdocs_closer.quizcore.sanitize import _INERT

    assert not _INERT.match(html)
