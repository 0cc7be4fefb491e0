"""The course content: lesson structure, readability, citations, quizzes, self-assessments, the article map."""

from __future__ import annotations

import calendar
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from prose import CITATION, grade, sentences, word_count

from mkdocs_closer.quizcore.itemchecks import content_words, plain, similarity
from mkdocs_closer.quizcore.itemrules import RuleSettings
from mkdocs_closer.quizcore.model import Question, Quiz
from mkdocs_closer.quizcore.pipeline import item_problems, load_quizzes

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SECTIONS = ["What you will learn", "Key ideas", "An example", "Practice: ", "Reflect", "Try this week"]
SELF_ASSESSMENTS = {"how-i-open-up", "feeling-safe", "balance"}
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|coming soon)\b", re.I)
# A citation in running text that is not a link: "Reis & Shaver, 1988", "Gable et al. (2004)", "(Collins, 1994)".
UNLINKED_CITATION = re.compile(r"\b[A-Z][\w'-]+(?: et al\.| (?:&|and) [A-Z][\w'-]+)?(?:, | \()(?:19|20)\d\d[a-z]?\b")
# What an explanation says its claim rests on: a citation, or a kind of evidence named in words.
EVIDENCE = re.compile(r"\b(stud(y|ies)|research(ers)?|surveys?|experiments?|trials?|reviews?|clinicians?)\b", re.I)
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
# A citation in brackets or as a link: the people it names are researchers, not people in a story.
CITATION_TEXT = re.compile(r"\([^()]*\b(?:19|20)\d\d[a-z]?\)|\[[^\]]*\b(?:19|20)\d\d[a-z]?\]\([^)]*\)")
# Someone in a story: a capitalised word in mid-sentence, or one before a possessive, "and" a name, "who" or a verb.
PERSON = re.compile(
    r"(?<=[a-z,:]\s)([A-Z][a-zà-ÿ]+)\b|\b([A-Z][a-zà-ÿ]+)"
    r"(?=['’]s\b| and [A-Z]|,? whose?\b| (?:[a-z]+ly |often |just |still )?[a-z]+(?:s|ed)\b)"
)


@cache
def nav_lessons() -> list[str]:
    """The lesson pages in the order of the navigation."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]
    section = next(entry["Lessons"] for entry in nav if isinstance(entry, dict) and "Lessons" in entry)
    return [next(iter(entry.values())) for entry in section]


@cache
def quizzes() -> tuple[Quiz, ...]:
    """Every quiz of the course, loaded and validated by the quiz core."""
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    return tuple(load_quizzes(ROOT / "quizzes", root=ROOT, known_pages=pages))


def scored(kind: str) -> list[Question]:
    """The questions of one type across every knowledge check."""
    return [q for quiz in quizzes() if quiz.type == "knowledge-check" for q in quiz.questions if q.type == kind]


def body(page: str) -> str:
    """Markdown of a page below the docs folder, without its sources list."""
    return (DOCS / page).read_text(encoding="utf-8").split('??? info "Sources"')[0]


def section(markdown: str, title: str) -> str:
    """Text of the `## title` section of a lesson."""
    match = re.search(rf"^## {re.escape(title)}.*?\n(.*?)(?=^## |\Z)", markdown, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1)


def test_nine_lessons_in_order() -> None:
    assert len(nav_lessons()) == 9
    assert all(page.startswith("lessons/") and (DOCS / page).is_file() for page in nav_lessons())


@pytest.mark.parametrize("page", nav_lessons())
def test_lesson_has_every_section_in_order(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    description = re.match(r"---\ndescription: (.+)\n---\n", text)
    assert description and 50 <= len(description.group(1)) <= 160, "front matter needs a 50-160 character description"
    assert re.search(r'^!!! abstract "In short"$', text, re.M), "the summary box is missing"
    headings = re.findall(r"^## (.+)$", text, re.M)
    positions = [next((i for i, h in enumerate(headings) if h.startswith(s)), -1) for s in SECTIONS]
    assert -1 not in positions and positions == sorted(positions), f"sections {headings} should follow {SECTIONS}"
    assert len(re.findall(r"^### ", section(text, "Key ideas"), re.M)) >= 3, "Key ideas needs at least three parts"
    practice = section(text, "Practice: ")
    assert "**Solo version.**" in practice and "**With your partner (optional).**" in practice
    assert '??? info "Sources"' in text


@pytest.mark.parametrize("page", nav_lessons())
def test_lesson_is_readable_in_one_sitting(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert 1200 <= word_count(text) <= 2500
    assert grade(text) <= 9.0
    longest = max(len(sentence.split()) for sentence in sentences(text))
    assert longest <= 45, "a sentence of more than 45 words is too long for this course"


@pytest.mark.parametrize("page", nav_lessons())
def test_every_citation_in_a_lesson_links_to_the_references(page: str) -> None:
    text = body(page)
    links = MARKDOWN_LINK.findall(text)
    assert any(target.startswith("../references.md#") for _, target in links), "a lesson cites research"
    unlinked = UNLINKED_CITATION.findall(MARKDOWN_LINK.sub("", text))
    assert not unlinked, f"citations without a link to the references page: {unlinked}"


def test_every_cited_reference_exists() -> None:
    anchors = set(re.findall(r"^\s+\{ #([\w-]+) \}$", (DOCS / "references.md").read_text(encoding="utf-8"), re.M))
    assert len(anchors) >= 50
    for path in DOCS.rglob("*.md"):
        for anchor in re.findall(r"references\.md#([\w-]+)", path.read_text(encoding="utf-8")):
            assert anchor in anchors, f"{path.relative_to(ROOT)} cites #{anchor}, which references.md lacks"


def test_glossary_is_alphabetical_and_every_lesson_uses_it() -> None:
    terms = re.findall(r"^## (.+)$", (DOCS / "glossary.md").read_text(encoding="utf-8"), re.M)
    assert len(terms) >= 20 and terms == sorted(terms, key=str.casefold)
    for page in nav_lessons():
        assert "../glossary.md#" in body(page), f"{page} links no glossary term"


@pytest.mark.parametrize("page", nav_lessons())
def test_every_lesson_has_a_knowledge_check_that_teaches(page: str) -> None:
    checks = [q for q in quizzes() if q.lesson == page and q.type == "knowledge-check"]
    assert checks, f"{page} has no knowledge check"
    scored = [q for quiz in checks for q in quiz.questions if q.type != "reflection"]
    assert len(scored) >= 5
    assert {"single", "multiple", "true-false"} <= {q.type for q in scored}
    for question in scored:
        assert question.explanation.strip(), f"{question.id} has no explanation"
    tempting = [q for q in scored if q.type in {"single", "multiple"}]
    assert all(any(c.feedback for c in q.choices if not c.correct) for q in tempting), "wrong choices need feedback"


@pytest.mark.parametrize("page", nav_lessons())
def test_reflect_prompts_can_be_answered_and_kept(page: str) -> None:
    prompts = [plain(p) for p in re.findall(r"^- (.+(?:\n  .+)*)", section(body(page), "Reflect"), re.M)]
    questions = [q for quiz in quizzes() if quiz.lesson == page for q in quiz.questions]
    kept = {plain(q.prompt) for q in questions if q.type == "reflection"}
    assert prompts and set(prompts) <= kept, f"reflection questions missing: {set(prompts) - kept}"


def test_every_quiz_belongs_to_a_lesson_of_the_course() -> None:
    assert {quiz.lesson for quiz in quizzes()} <= set(nav_lessons())


def strings(node: object) -> list[str]:
    """Every string of a loaded YAML document except its ids."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for key, value in node.items() if key != "id" for text in strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in strings(value)]
    return []


@cache
def stories() -> dict[str, tuple[str, str]]:
    """The text of every quiz file and lesson, citations removed, each with the lesson page it belongs to."""
    found = {f"lesson {page}": (page, body(page)) for page in nav_lessons()}
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        data = yaml_load(path.read_text(encoding="utf-8"))
        found[f"quiz {path.name}"] = (data["lesson"], "\n\n".join(strings(data)))
    return {key: (page, CITATION_TEXT.sub("", UNLINKED_CITATION.sub("", text))) for key, (page, text) in found.items()}


@cache
def not_names() -> frozenset[str]:
    """Capitalised words in the stories that name nobody: common words, researchers, headings, days and months."""
    texts = "\n\n".join(text for _, text in stories().values())
    words = set(re.findall(r"\b[a-zà-ÿ]+\b", texts))
    common = {w for w in (a or b for a, b in PERSON.findall(texts))
              if w.lower() in words or (w.endswith("ing") and {w[:-3].lower(), w[:-4].lower()} & words)}
    authors = re.findall(r"^- ([A-Z][\w'-]+),", (DOCS / "references.md").read_text(encoding="utf-8"), re.M)
    given = re.findall(rf"\b([A-Z][a-z]+)\s+(?:and\s+([A-Z][a-z]+)\s+)?(?:{'|'.join(authors)})\b", texts)
    headings = re.findall(r"[A-Z][a-z]+", "\n".join(re.findall(r"^#+ .+", texts, re.M)))
    days = {*calendar.day_name, *(f"{day}s" for day in calendar.day_name), *calendar.month_name}
    return frozenset(common | set(authors) | {w for pair in given for w in pair if w} | set(headings) | days)


def test_each_name_in_the_quizzes_is_one_person_in_one_quiz() -> None:
    """A first name in a quiz's stories is in no other quiz file, and in no lesson but the quiz's own."""
    places: dict[str, set[tuple[str, str]]] = {}
    for key, (page, text) in stories().items():
        for name in {a or b for a, b in PERSON.findall(text)} - not_names():
            places.setdefault(name, set()).add((key, page))
    clashes = [
        f"{name} names different people in {', '.join(sorted(key for key, _ in found))}"
        for name, found in sorted(places.items())
        if (quiz_files := sum(key.startswith("quiz ") for key, _ in found))
        and (quiz_files > 1 or len({page for _, page in found}) > 1)
    ]
    assert not clashes, "; ".join(clashes)


def test_three_reflective_self_assessments() -> None:
    assessments = {quiz.id: quiz for quiz in quizzes() if quiz.type == "self-assessment"}
    assert set(assessments) == SELF_ASSESSMENTS
    for quiz in assessments.values():
        assert len(quiz.items) >= 8 and any(item.reverse for item in quiz.items), quiz.id
        bands = quiz.bands + tuple(b for s in quiz.subscales for b in s.bands)
        assert bands and all(band.read_next for band in bands), f"{quiz.id}: every band suggests what to read next"
        assert re.search(r"not (a )?diagnos", quiz.intro, re.I) and "validated" in quiz.intro, quiz.id
    feeling_safe = assessments["feeling-safe"]
    assert len(feeling_safe.subscales) == 2 and feeling_safe.safety_prompt


def test_about_maps_every_paragraph_of_the_article_to_lessons() -> None:
    rows = dict(re.findall(r"^\| (P\d) \|[^|]+\|(.+)\|$", (DOCS / "about.md").read_text(encoding="utf-8"), re.M))
    assert sorted(rows) == [f"P{i}" for i in range(1, 8)]
    for paragraph, cell in rows.items():
        targets = [target for _, target in MARKDOWN_LINK.findall(cell)]
        assert targets and all(t in nav_lessons() for t in targets), f"{paragraph} maps to {targets}"
    assert {t for cell in rows.values() for _, t in MARKDOWN_LINK.findall(cell)} == set(nav_lessons())


def test_no_placeholder_text() -> None:
    for path in [*DOCS.rglob("*.md"), *(ROOT / "quizzes").glob("*.yml")]:
        if path.name != "authoring.md":
            assert not PLACEHOLDER.search(path.read_text(encoding="utf-8")), path.relative_to(ROOT)


def test_safety_pages_say_who_the_course_is_not_for() -> None:
    preface = (DOCS / "before-you-begin.md").read_text(encoding="utf-8")
    assert "afraid" in preface and "get-help.md" in preface
    assert "device" in preface, "the preface explains that answers stay on the reader's device"
    help_page = (DOCS / "get-help.md").read_text(encoding="utf-8")
    assert "## Where these details come from" in help_page and "may have changed" in help_page, (
        "helpline numbers change: say where each came from and that it may have changed"
    )
    assert not re.search(r"last checked", help_page, re.I), "nobody has checked them since the course was written"


class _Links(HTMLParser):
    """Collects the link targets of a page's main content and footer, and the titles of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.titles: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"] or "")
            if found.get("title"):
                self.titles[found["href"] or ""] = found["title"] or ""


def links_of(site: Path, page: str) -> _Links:
    """Parse the built page at `page` (a site path like `lessons/x/`)."""
    parser = _Links()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser


def test_a_reader_can_walk_from_home_through_every_lesson_and_quiz(repo_site: Path) -> None:
    seen, queue = {""}, [""]
    while queue:
        page = queue.pop()
        for href in links_of(repo_site, page).hrefs:
            target = urlsplit(urljoin(f"http://site/{page}", href))
            path = target.path.lstrip("/")
            if target.netloc == "site" and (path == "" or path.endswith("/")) and path not in seen:
                seen.add(path)
                queue.append(path)
    lessons = {page.removesuffix(".md") + "/" for page in nav_lessons()}
    quiz_pages = {f"quizzes/{quiz.id}/" for quiz in quizzes()}
    assert lessons | quiz_pages | {"before-you-begin/", "get-help/", "references/", "glossary/", "about/"} <= seen


@pytest.mark.parametrize("page", nav_lessons())
def test_every_lesson_ends_with_help_and_its_quizzes(repo_site: Path, page: str) -> None:
    path = page.removesuffix(".md") + "/"
    links = links_of(repo_site, path)
    assert "../../get-help/" in links.hrefs
    assert any(href.startswith("../../quizzes/") for href in links.hrefs)
    glossary = {href: title for href, title in links.titles.items() if "glossary/#" in href}
    assert glossary, "glossary links explain their term in a title"


def test_home_starts_the_course(repo_site: Path) -> None:
    home = (repo_site / "index.html").read_text(encoding="utf-8")
    buttons = re.findall(r"<a [^>]*md-button--primary[^>]*>", home)
    assert any('href="before-you-begin/"' in button for button in buttons), buttons


# -- Knowledge checks that cannot be passed by guessing ----------------------------------------------


def test_the_right_answer_is_rarely_the_longest_option() -> None:
    singles = scored("single")
    longest = [
        q.id for q in singles
        if len(plain(q.correct_choices[0].text)) == max(len(plain(c.text)) for c in q.choices)
    ]
    assert len(longest) <= 0.35 * len(singles), f"the right answer is the longest option in {longest}"


@pytest.mark.parametrize("position", range(4), ids="ABCD")
def test_right_answers_are_spread_over_every_position(position: int) -> None:
    four = [q for q in scored("single") if len(q.choices) == 4]
    assert len(four) == len(scored("single")), "every single-choice question offers four options"
    share = sum(q.choices[position].correct for q in four) / len(four)
    assert 0.10 <= share <= 0.40, f"{share:.0%} of right answers are option {'ABCD'[position]}"


def test_true_and_false_statements_are_balanced() -> None:
    statements = scored("true-false")
    share = sum(q.choices[0].correct for q in statements) / len(statements)
    assert 0.35 <= share <= 0.65, f"{share:.0%} of true/false statements are true"


def test_multiple_choice_answers_are_not_the_first_options() -> None:
    multiple = scored("multiple")
    leading = [q.id for q in multiple if all(c.correct for c in q.choices[: len(q.correct_choices)])]
    assert len(leading) <= 0.30 * len(multiple), f"the right answers are the first options in {leading}"


def test_no_all_or_none_of_the_above() -> None:
    above = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|them|those)\b", re.I)
    options = [c.text for kind in ("single", "multiple") for q in scored(kind) for c in q.choices]
    assert not [text for text in options if above.search(text)]


def test_no_two_questions_ask_nearly_the_same() -> None:
    threshold = RuleSettings().number("near-duplicate", "prompt_similarity")
    asked = [(q.id, content_words(q.prompt)) for kind in ("single", "multiple", "true-false") for q in scored(kind)]
    close = [(a, b) for i, (a, words) in enumerate(asked) for b, other in asked[i + 1 :]
             if similarity(words, other) >= threshold]
    assert not close


def test_the_course_passes_every_item_writing_check() -> None:
    problems = item_problems(list(quizzes()), RuleSettings(), root=ROOT, directory=ROOT / "quizzes")
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("quiz", [q for q in quizzes() if q.type == "knowledge-check"], ids=lambda q: q.id)
def test_a_knowledge_check_reads_as_easily_as_its_lesson(quiz: Quiz) -> None:
    choices = [text for q in quiz.questions for c in q.choices for text in (c.text, c.feedback)]
    texts = [text for q in quiz.questions for text in (q.prompt, q.explanation)] + choices
    assert grade("\n\n".join(filter(None, texts))) <= 9.0


@pytest.mark.parametrize("quiz", [q for q in quizzes() if q.type == "knowledge-check"], ids=lambda q: q.id)
def test_every_explanation_names_its_evidence(quiz: Quiz) -> None:
    named = [q.id for q in quiz.questions if CITATION.search(q.explanation) or EVIDENCE.search(q.explanation)]
    unsourced = [q.id for q in quiz.questions if q.scored and q.id not in named]
    assert not unsourced, f"explanations that name no evidence: {unsourced}"
