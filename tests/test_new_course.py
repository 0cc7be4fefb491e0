"""`closer new`: an article split into a course folder that builds at once, with placeholders left to write."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

import jsonschema
import markdown
import pytest
import yaml
from build_site import build_site
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import yaml_load

from mkdocs_closer.newcourse import NewCourseError, create_course
from mkdocs_closer.newcourse.article import Article, read_article, shorten, slugify
from mkdocs_closer.newcourse.skeleton import engine_requirement, html_text, md_source, md_text, yaml_str
from mkdocs_closer.placeholders import Placeholder, find_placeholders, has_placeholder
from mkdocs_closer.quizcore.schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
FIXTURES = sorted(path.name for path in ARTICLES.iterdir())
# The site's Markdown, as the generated mkdocs.yml sets it up.
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "footnotes", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences"]
LESSON_SECTIONS = ["What you will learn", "Key ideas", "An example", "Practice", "Reflect", "Try this week", "Source"]
HOSTILE = [
    '<script>alert("x")</script>', "*stars* and _under_ and **bold**", "Trust: \"quoted\" 'single'", "a: b # c",
    "Ünïcödé — 日本語 😀", "[link](x.md) and ![img](y.png)", "&amp; &copy; &#60;", "`code` and ``more``",
    "- a list?", "+ plus", "1. one", "1) one", "# hash", "## two", "> quote", "=====", "-----", "***", "___",
    "!!! note", "??? note", "~~~", "```", "    indented", "\ttabbed", "{: .class }", "*[HTML]: abbr", "[^1]: note",
    "a | b | c", "back\\slash\\", "<!-- comment -->", "<https://example.org/>", "yes", "null", "~", "@at", "%pc",
    "x\u2028y", "tail  ", "<b>bold</b> & <i>it</i>",
]


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def make(tmp_path: Path, fixture: str, **options: int) -> Path:
    course = tmp_path / "course"
    create_course(course, ARTICLES / fixture, **options)
    return course


def article(fixture: str, **options: int) -> Article:
    return read_article(text_of(ARTICLES / fixture), **options)


class _Text(HTMLParser):
    """The tags and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text = ""

    @property
    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text += data


def parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def element_texts(html: str, tag: str) -> list[str]:
    """The text of every `tag` element of a page (its permalink sign removed)."""
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)
    return [parsed(re.sub(r'<a class="headerlink".*?</a>', "", inner)).text.strip() for inner in found]


class Installed(metadata.Distribution):
    """An installed engine, version 1.2.3, with the `direct_url.json` given."""

    def __init__(self, direct_url: str | None) -> None:
        self.direct_url = direct_url

    def read_text(self, filename: str) -> str | None:
        if filename == "METADATA":
            return "Metadata-Version: 2.1\nName: mkdocs-closer\nVersion: 1.2.3\n"
        return self.direct_url if filename == "direct_url.json" else None

    def locate_file(self, path: str | os.PathLike[str]) -> Path:
        return Path(path)



def installed(direct_url: str | None) -> Callable[[str], metadata.Distribution]:
    return lambda name: Installed(direct_url)


def missing(name: str) -> metadata.Distribution:
    raise metadata.PackageNotFoundError(name)


# -- Placeholders ----------------------------------------------------------------------------------------------------


def test_placeholders_are_found_with_their_line_and_column() -> None:
    text = "A [TODO: the title]\n\n  - [TODO:a step] and [TODO: another ]\n"
    assert find_placeholders(text) == [
        Placeholder(1, 3, "the title"), Placeholder(3, 5, "a step"), Placeholder(3, 23, "another"),
    ]


def test_a_placeholder_is_exactly_todo_colon_text_bracket_on_one_line() -> None:
    assert find_placeholders("[TODO: a ] b]") == [Placeholder(1, 1, "a")]
    assert find_placeholders("[TODO:]") == [Placeholder(1, 1, "")]
    for text in ["[TODO: no end", "[TODO: across\nlines]", "[todo: lower case]", "TODO: no brackets", "[TODO x]"]:
        assert find_placeholders(text) == [], text
        assert not has_placeholder(text)
    assert has_placeholder("before [TODO: x] after")


def test_placeholder_columns_count_characters() -> None:
    assert find_placeholders("é 日本 [TODO: x]") == [Placeholder(1, 6, "x")]
    assert find_placeholders("a\r\nb [TODO: x]") == [Placeholder(2, 3, "x")]


# -- Splitting an article ---------------------------------------------------------------------------------------------


def test_markdown_title_introduction_and_lessons() -> None:
    split = article("markdown.md")
    assert split.markdown and split.title == "Small Habits of Closeness"
    assert [p.text for p in split.introduction] == [
        "Closeness grows in **ordinary** moments, not only in rare, dramatic talks.",
        "This short course looks at three of them.",
    ]
    assert [(s.title, s.slug, s.named) for s in split.sections] == [
        ("Turning towards", "turning-towards", True),
        ("Saying what you feel", "saying-what-you-feel", True),  # the closing `##` is not part of the title
        ("Making up", "making-up", True),
    ]
    # Paragraphs count through the whole article, and keep their first line for the author to find them.
    assert [(p.number, p.line) for s in split.sections for p in s.paragraphs] == [
        (3, 9), (4, 12), (5, 14), (6, 17), (7, 21), (8, 23), (9, 30), (10, 34),
    ]
    assert split.paragraph_count == 10


def test_deeper_headings_and_code_stay_in_their_lesson() -> None:
    turning, saying, _ = article("markdown.md").sections
    assert "### What a bid looks like" in [p.text for p in turning.paragraphs]
    code = saying.paragraphs[1].text
    assert code.startswith("```text\n# not a heading") and "\n\nthat was a blank line" in code


def test_plain_text_heading_lines_start_lessons() -> None:
    split = article("headings.txt")
    assert not split.markdown and split.title == "Listening Well"
    assert [p.text for p in split.introduction] == [
        "A short course on listening, made from a plain text.\nIt has an introduction of two lines.",
    ]
    assert [(s.title, [p.number for p in s.paragraphs]) for s in split.sections] == [
        ("Why listening matters", [2, 3]),  # a short line that ends a sentence is a paragraph
        ("How to echo", [4, 5]),  # `Then check: "Is that it?"` ends with a question mark inside quotes
        ("A last word", []),
    ]


@pytest.mark.parametrize(("line", "heading"), [
    ("Why it matters", True),
    ("x" * 80, True),
    ("x" * 81, False),
    ("Ends with a full stop.", False),
    ("Is this a question?", False),
    ("Watch out!", False),
    ("Here is a list:", False),
    ("Semicolon;", False),
    ("He said “Stop.”", False),
    ("(An aside)", True),
    ("* * *", False),
])
def test_what_makes_a_heading_line(line: str, heading: bool) -> None:
    split = read_article(f"Title\n\nIntro paragraph.\n\n{line}\n\nLast paragraph.\n")
    assert bool(split.sections and split.sections[0].named) is heading


def test_plain_text_without_headings_is_grouped() -> None:
    split = article("no-headings.txt")
    assert split.title == "Unlocking the Secrets of Emotional Intimacy: The Key to a Perfect Relationship"
    assert split.introduction == []
    assert [[p.number for p in s.paragraphs] for s in split.sections] == [[1, 2, 3], [4, 5, 6], [7]]
    assert [s.title for s in split.sections] == [
        "Emotional intimacy is the foundation of a healthy and…",
        "In order to build emotional intimacy in a relationship, it…",
        "In conclusion, emotional intimacy is an essential component…",
    ]
    assert not any(s.named for s in split.sections)
    assert all(len(s.title) <= 60 for s in split.sections)
    grouped = article("no-headings.txt", paragraphs=2)
    assert [len(s.paragraphs) for s in grouped.sections] == [2, 2, 2, 1]


def test_a_group_is_named_after_its_first_sentence() -> None:
    split = read_article("Title\n\nShort first sentence. Then more.\n\nAnother.\n")
    assert split.sections[0].title == "Short first sentence"


def test_the_title_line_is_one_line() -> None:
    split = read_article("\n\n  The Title  \nRight under it.\n\nSecond.\n")
    assert (split.title, split.title_line) == ("The Title", 3)
    assert [(p.number, p.text, p.line) for s in split.sections for p in s.paragraphs] == [
        (1, "Right under it.", 4), (2, "Second.", 6),
    ]


def test_line_breaks_byte_order_mark_and_control_characters() -> None:
    split = read_article("\ufeffTitle\r\n\r\nOne\x07 paragraph.\rSame paragraph.\r\n")
    assert split.title == "Title"
    assert split.sections[0].paragraphs[0].text == "One  paragraph.\nSame paragraph."


@pytest.mark.parametrize(("title", "limit", "short"), [
    ("Short enough", 60, "Short enough"),
    ("One two three four", 13, "One two…"),
    ("One two, three four", 13, "One two…"),
    ("Averyveryverylongword", 10, "Averyvery…"),
])
def test_shorten_cuts_at_a_word(title: str, limit: int, short: str) -> None:
    assert shorten(title, limit) == short
    assert len(shorten(title, limit)) <= limit


@pytest.mark.parametrize(("title", "slug"), [
    ("Turning Towards", "turning-towards"),
    ("Ça va? Déjà vu: naïve Ünïcödé", "ca-va-deja-vu-naive-unicode"),
    ("Straße, Æther, Øre, Łódź", "strasse-aether-ore-lodz"),
    ("Don't stop / won’t stop", "dont-stop-wont-stop"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("日本語", "lesson"),
    ("one two three four five six seven eight nine ten", "one-two-three-four-five-six-seven-eight"),
    ("a" * 50, "a" * 40),
    ("Index", "index-2"),
])
def test_slugs_are_lowercase_ascii_words_of_at_most_40_characters(title: str, slug: str) -> None:
    assert slugify(title, {"index"}) == slug
    assert len(slug) <= 40 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


def test_slugs_are_unique() -> None:
    taken = {"index"}
    long = "one two three four five six seven eight nine"
    assert [slugify(t, taken) for t in ["Intro", "intro", "INTRO!", long, long]] == [
        "intro", "intro-2", "intro-3", "one-two-three-four-five-six-seven-eight", "one-two-three-four-five-six-seven-2",
    ]
    split = article("hostile.md")
    assert len({s.slug for s in split.sections}) == len(split.sections) == 4


@pytest.mark.parametrize(("text", "message", "line"), [
    ("", "the article is empty", None),
    ("  \n\n\t\n", "the article is empty", None),
    ("Only a title\n\n", "the article has a title but no paragraphs", 1),
    ("\n# Title\n\n## A lesson\n\n## Another\n", "the article has a title but no paragraphs", 2),
    ("Intro\n\n## A lesson\n\nText.\n", "a Markdown article needs a `# ` heading as its title", 3),
])
def test_articles_that_cannot_become_a_course(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    source = tmp_path / "article.md"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(NewCourseError) as caught:
        create_course(tmp_path / "course", source)
    where = f"{source}:{line}: " if line else f"{source}: "
    assert str(caught.value).startswith(where + message)
    assert not (tmp_path / "course").exists()


def test_an_article_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_bytes("Title\n\nGood.\n\nCaf\u00e9".encode("latin-1"))
    with pytest.raises(NewCourseError, match=rf"^{re.escape(str(source))}:5: the article is not UTF-8 text"):
        create_course(tmp_path / "course", source)


@pytest.mark.parametrize("name", ["missing.txt", "."])
def test_an_unreadable_article_is_refused(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    with pytest.raises(NewCourseError, match=rf"^{re.escape(str(source))}: cannot read the article"):
        create_course(tmp_path / "course", source)


# -- Never writing over anything ---------------------------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_never_written_into(tmp_path: Path) -> None:
    course = tmp_path / "course"
    (course / "docs").mkdir(parents=True)
    (course / "mkdocs.yml").write_text("mine", encoding="utf-8")
    with pytest.raises(NewCourseError, match=rf"^{re.escape(str(course))}: the folder is not empty"):
        create_course(course, ARTICLES / "markdown.md")
    assert text_of(course / "mkdocs.yml") == "mine"
    assert sorted(p.name for p in course.rglob("*")) == ["docs", "mkdocs.yml"]


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "course").write_text("mine", encoding="utf-8")
    with pytest.raises(NewCourseError, match="exists and is not a folder"):
        create_course(tmp_path / "course", ARTICLES / "markdown.md")
    assert text_of(tmp_path / "course") == "mine"


def test_an_empty_folder_is_used_and_every_file_written_is_returned(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    written = create_course(course, ARTICLES / "markdown.md")
    assert sorted(written) == sorted(p for p in course.rglob("*") if p.is_file())
    assert {p.relative_to(course).as_posix() for p in written} == {
        "mkdocs.yml", "README.md", "requirements.txt", ".gitignore", ".github/workflows/pages.yml",
        "docs/index.md", "docs/about.md", "quizzes/schema.json",
        *(f"docs/lessons/{s}.md" for s in ["turning-towards", "saying-what-you-feel", "making-up"]),
        *(f"quizzes/{s}.yml" for s in ["turning-towards", "saying-what-you-feel", "making-up"]),
    }
    assert (course / "quizzes" / "schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
    assert (course / "quizzes" / "making-up.yml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema.json\n")


def test_paragraphs_per_lesson_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(NewCourseError, match="paragraphs per lesson must be 1 or more"):
        create_course(tmp_path / "course", ARTICLES / "no-headings.txt", paragraphs=0)


# -- Escaping ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_yaml_strings_read_back_as_written(text: str) -> None:
    document = f"key: {yaml_str(text)}\nnav:\n  - {yaml_str(text)}: page.md\n"
    for loaded in (yaml.safe_load(document), yaml_load(document)):
        assert loaded == {"key": text, "nav": [{text: "page.md"}]}


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_shows_every_character_and_makes_no_markup(text: str) -> None:
    for source, wanted in [(md_text(text), ["p"]), (f"# {md_text(text)}", ["h1"])]:
        html = markdown.markdown(source, extensions=EXTENSIONS)
        result = parsed(html)
        if text.strip():
            assert result.tags == wanted, html
            assert result.text == text.strip(), html


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    html = markdown.markdown(f"| a | b |\n|---|---|\n| {md_text(text)} | end |\n", extensions=EXTENSIONS)
    assert element_texts(html, "td") == [text.strip(), "end"], html


def test_plain_text_keeps_its_lines_and_escapes_each() -> None:
    assert md_text("# one\n  - two\n3. three") == "\\# one\n\\- two\n3\\. three"


def test_a_markdown_article_keeps_its_markdown_but_not_raw_html() -> None:
    source = 'A *b* <span onclick="x">c</span> `<kbd>` <https://example.org/> <a@b.org>\n```html\n<b>x</b>\n```'
    html = markdown.markdown(md_source(source), extensions=EXTENSIONS)
    assert "<em>b</em>" in html and "&lt;span onclick" in html and "<span onclick" not in html
    assert "<code>&lt;kbd&gt;</code>" in html and 'href="https://example.org/"' in html
    # The code block is left as it is: it shows its HTML as code.
    assert "<pre>" in html and "<b>x</b>" not in html and "<b>x</b>" in parsed(html).text


def test_navigation_titles_and_the_site_name_are_html_text() -> None:
    assert html_text('<b> & "q" \'s\'') == "&lt;b&gt; &amp; &quot;q&quot; &#x27;s&#x27;"


# -- The course folder ------------------------------------------------------------------------------------------------


def test_mkdocs_yml_sets_up_the_site(tmp_path: Path) -> None:
    course = make(tmp_path, "hostile.md")
    text = text_of(course / "mkdocs.yml")
    config = yaml_load(text)
    title = article("hostile.md").title
    assert config["site_name"] == html_text(title)
    assert "site_url: https://example.org/  # TODO: set site_url to where the course is published\n" in text
    theme = config["theme"]
    assert (theme["name"], theme["font"], theme["language"]) == ("material", False, "en")
    assert theme["features"] == ["navigation.instant", "navigation.indexes", "navigation.footer",
                                 "navigation.sections", "navigation.prune", "navigation.top", "search.suggest",
                                 "search.highlight"]
    assert [p["scheme"] for p in theme["palette"]] == ["default", "slate"]
    assert all(p["toggle"]["name"] for p in theme["palette"])
    assert config["validation"] == dict.fromkeys(["omitted_files", "absolute_links", "unrecognized_links", "anchors"],
                                                 "warn")
    assert config["markdown_extensions"] == [*EXTENSIONS[:6], {"toc": {"permalink": True}}, *EXTENSIONS[7:]]
    assert config["plugins"] == ["search", {"closer": {"compact_html": True, "csp": True}}]
    assert (
        "  - closer:\n"
        "      # quizzes: {dir: quizzes, strings: {}, cache: true, checks: {}}\n"
        '      # reader: {lessons: lessons/, progress: progress.md, journal: journal/index.md, quick_exit: ""}\n'
        "      # facilitators: {enabled: true, folder: facilitators/, section: For facilitators, plans: [session-*], "
        "pack: session-*}\n"
    ) in text
    sections = article("hostile.md").sections
    assert config["nav"] == [
        {"Home": "index.md"},
        {"Lessons": [{html_text(f"{n}. {s.title}"): f"lessons/{s.slug}.md"} for n, s in enumerate(sections, 1)]},
        {"About": "about.md"},
    ]


def test_the_smaller_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metadata, "distribution", installed(None))
    course = make(tmp_path, "markdown.md")
    assert text_of(course / "requirements.txt") == "mkdocs-closer==1.2.3\n"
    assert text_of(course / ".gitignore").split() == ["site/", ".cache/"]
    readme = text_of(course / "README.md")
    assert readme.startswith("# Small Habits of Closeness\n")
    assert "pip install -r requirements.txt\nmkdocs serve --livereload\n" in readme
    assert "mkdocs build --strict" in readme and "`[TODO: …]`" in readme
    assert re.findall(r"^(\d)\. ", readme.split("## Publish it on GitHub Pages")[1], re.M) == ["1", "2", "3"]


def test_the_workflow_builds_strictly_and_deploys_with_the_course_pins(tmp_path: Path) -> None:
    text = text_of(make(tmp_path, "markdown.md") / ".github" / "workflows" / "pages.yml")
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "mkdocs build --strict" in [step.get("run") for step in build["steps"]]
    assert build["steps"][0]["with"] == {"persist-credentials": False}
    pinned = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+")
    ours = set(re.findall(r"uses: .*", text))
    assert {"actions/checkout", "actions/cache", "actions/upload-pages-artifact", "actions/deploy-pages"} == {
        re.sub(r"uses: ([^@]+)@.*", r"\1", line) for line in ours
    }
    assert all(pinned.fullmatch(line) for line in ours)
    assert ours <= set(re.findall(r"uses: .*", text_of(ROOT / ".github" / "workflows" / "pages.yml")))
    # The build cache comes back before the build, and each run saves its own for the next.
    steps = [step.get("uses", "").split("@")[0] or step.get("run") for step in build["steps"]]
    assert steps.index("actions/cache") < steps.index("mkdocs build --strict")
    cache = build["steps"][steps.index("actions/cache")]["with"]
    assert cache["path"] == ".cache/quizzes" and cache["key"].endswith("-${{ github.run_id }}")
    assert cache["restore-keys"].splitlines() == [cache["key"].removesuffix("${{ github.run_id }}"), "closer-"]


def test_the_home_page_has_the_introduction_and_the_lessons(tmp_path: Path) -> None:
    index = text_of(make(tmp_path, "markdown.md") / "docs" / "index.md")
    assert index.startswith("# Small Habits of Closeness\n\nCloseness grows in **ordinary** moments")
    assert "1. [Turning towards](lessons/turning-towards.md)\n2. [Saying what you feel]" in index
    assert not has_placeholder(index)


def test_a_home_page_without_introduction_asks_for_one(tmp_path: Path) -> None:
    index = text_of(make(tmp_path, "no-headings.txt") / "docs" / "index.md")
    assert [p.line for p in find_placeholders(index)] == [3]


@pytest.mark.parametrize("fixture", FIXTURES)
def test_each_lesson_page_has_the_sections_and_asks_for_what_to_write(tmp_path: Path, fixture: str) -> None:
    course = make(tmp_path, fixture)
    for section in article(fixture).sections:
        text = text_of(course / "docs" / "lessons" / f"{section.slug}.md")
        front, body = text.removeprefix("---\n").split("\n---\n", 1)
        assert yaml.safe_load(front) == {"description": "[TODO: one sentence for search engines]"}
        assert body.startswith(f"\n# {md_text(section.title)}\n")
        assert re.search(r'^!!! abstract "In short"\n    \[TODO: ', body, re.M)
        assert re.findall(r"^## (.*)$", body, re.M) == LESSON_SECTIONS
        parts = re.split(r"^## .*$", body, flags=re.M)[1:]
        assert all(has_placeholder(part) for part in parts), "every section asks for something"
        # A heading would turn a placeholder into an anchor that changes once the author writes it.
        assert not any(has_placeholder(line) for line in body.splitlines() if line.startswith("#"))
        assert ("[TODO: give this lesson a real title" in body) is not section.named


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_source_section_quotes_each_paragraph_with_its_number(tmp_path: Path, fixture: str) -> None:
    course = make(tmp_path, fixture)
    split = article(fixture)
    for section in split.sections:
        source = text_of(course / "docs" / "lessons" / f"{section.slug}.md").split("\n## Source\n")[1]
        assert re.findall(r"^¶ (\d+) of the article \(line (\d+)\):$", source, re.M) == [
            (str(p.number), str(p.line)) for p in section.paragraphs
        ]
        for paragraph in section.paragraphs:
            shown = md_source(paragraph.text) if split.markdown else md_text(paragraph.text)
            quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in shown.split("\n"))
            assert f"\n\n{quoted}\n" in source
        if not section.paragraphs:
            assert "The article had no text under this heading." in source


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_about_page_maps_every_paragraph(tmp_path: Path, fixture: str) -> None:
    course = make(tmp_path, fixture)
    split = article(fixture)
    about = text_of(course / "docs" / "about.md")
    assert has_placeholder(about.split("\n## ")[0]), "the author says what the course is"
    rows = re.findall(r"^\| (\d+) \| (.*) \| \[.*\]\(([^)]+)\) \|$", about, re.M)
    went = {p.number: "index.md" for p in split.introduction}
    went |= {p.number: f"lessons/{s.slug}.md" for s in split.sections for p in s.paragraphs}
    assert [(int(number), target) for number, _, target in rows] == sorted(went.items())
    assert len(rows) == split.paragraph_count
    html = markdown.markdown(about, extensions=EXTENSIONS)
    assert len(re.findall(r"<tr>", html)) == split.paragraph_count + 1, "every row stays a row of three cells"


def test_the_about_page_quotes_the_first_words(tmp_path: Path) -> None:
    about = text_of(make(tmp_path, "no-headings.txt") / "docs" / "about.md")
    assert "| 1 | Emotional intimacy is the foundation of a healthy … | [Emotional" in about
    assert "| 7 | In conclusion, emotional intimacy is an essential component … |" in about


@pytest.mark.parametrize("fixture", FIXTURES)
def test_each_lesson_has_a_knowledge_check_with_one_example_question(tmp_path: Path, fixture: str) -> None:
    course = make(tmp_path, fixture)
    schema = json.loads(text_of(ROOT / "quizzes" / "schema.json"))
    sections = article(fixture).sections
    titles, right = [], []
    for section in sections:
        path = course / "quizzes" / f"{section.slug}.yml"
        text = text_of(path)
        quiz = yaml.safe_load(text)
        jsonschema.validate(quiz, schema)
        assert (quiz["type"], quiz["lesson"]) == ("knowledge-check", f"lessons/{section.slug}.md")
        assert "# EXAMPLE:" in text
        [question] = quiz["questions"]
        assert question["type"] == "single"
        choices = question["choices"]
        assert [c.get("correct", False) for c in choices].count(True) == 1
        right.append(next(i for i, c in enumerate(choices) if c.get("correct")))
        pieces = [question["prompt"], question["explanation"], *(c["text"] for c in choices),
                  *(c["feedback"] for c in choices if not c.get("correct"))]
        assert all(re.fullmatch(r"\[TODO: [^\]\n]+\]", piece) for piece in pieces), pieces
        assert "misconception" in " ".join(pieces)
        titles.append(quiz["title"])
    assert len(set(titles)) == len(titles), "quiz titles are unique across the course"
    assert right == [i % 3 for i in range(len(sections))], "the right answer moves, so no position gives it away"


def test_quiz_titles_stay_unique_when_lesson_titles_repeat(tmp_path: Path) -> None:
    course = make(tmp_path, "hostile.md")
    titles = [yaml.safe_load(text_of(p))["title"] for p in sorted((course / "quizzes").glob("*.yml"))]
    assert 'Check: Trust: "the *real* thing" <b>bold</b> & more (2)' in titles
    assert len(set(titles)) == len(titles)


def test_requirements_name_the_engine_as_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    vcs = {"url": "https://github.com/closer-course/closer.git",
           "vcs_info": {"vcs": "git", "commit_id": "0123abcd" * 5, "requested_revision": "main"}}
    cases = [
        (None, "mkdocs-closer==1.2.3"),
        (json.dumps({"url": "file:///src/closer", "dir_info": {"editable": True}}), "mkdocs-closer==1.2.3"),
        ("not json", "mkdocs-closer==1.2.3"),
        (json.dumps(vcs), f"mkdocs-closer @ git+https://github.com/closer-course/closer.git@{'0123abcd' * 5}"),
        (json.dumps(vcs | {"url": "https://me:s3cret@github.com/o/r.git"}),
         f"mkdocs-closer @ git+https://github.com/o/r.git@{'0123abcd' * 5}"),
        (json.dumps(vcs | {"url": "ssh://git@github.com/o/r.git"}),
         f"mkdocs-closer @ git+ssh://git@github.com/o/r.git@{'0123abcd' * 5}"),
    ]
    for direct_url, line in cases:
        assert engine_requirement(installed(direct_url)) == line
    assert engine_requirement(missing) == "mkdocs-closer"
    monkeypatch.setattr(metadata, "distribution", missing)
    assert engine_requirement() == "mkdocs-closer"


def test_the_guide_documents_the_command_last_and_leaves_no_placeholder() -> None:
    guide = text_of(ROOT / "docs" / "authoring.md")
    assert re.findall(r"^## (.*)$", guide, re.M)[-1] == "Start a new course"
    section = guide.split("\n## Start a new course\n")[1]
    assert "closer new my-course --from article.txt" in section and "--paragraphs N" in section
    assert find_placeholders(guide) == [], "the course's own strict build would list it"


# -- Building ----------------------------------------------------------------------------------------------------------


def without_plugin(course: Path) -> Path:
    """Drop the closer plugin from a course's mkdocs.yml: what MkDocs and Material alone make of its pages."""
    config = course / "mkdocs.yml"
    config.write_text(re.sub(r"  - closer:\n(?:      .*\n)*", "", text_of(config)), encoding="utf-8")
    assert "closer" not in yaml_load(text_of(config))["plugins"]
    return config


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_pages_build_strictly_and_show_article_text_as_text(tmp_path: Path, fixture: str) -> None:
    course = make(tmp_path, fixture)
    site = build_site(without_plugin(course), tmp_path / "site", strict=True)[0]
    split = article(fixture)
    home = text_of(site / "index.html")
    assert element_texts(home, "title") == [split.title]
    assert element_texts(home, "h1") == [split.title]
    for number, section in enumerate(split.sections, 1):
        page = text_of(site / "lessons" / section.slug / "index.html")
        assert element_texts(page, "h1") == [section.title]
        # The navigation holds every lesson's title, as text.
        assert f"{number}. {' '.join(section.title.split())}" in " ".join(parsed(page).text.split())
    for page in site.rglob("*.html"):
        # Material alone writes `<title>` with the entities undone; the plugin's template mends that (tested below).
        html = re.sub(r"<title>.*?</title>", "", text_of(page), count=1, flags=re.S)
        assert "<script>alert" not in html and "<b>bold</b>" not in html and "<span>raw" not in html
        assert not [attrs for tag, attrs in parsed(html).elements if tag == "img" and ("src", "x") in attrs]


@pytest.mark.parametrize("fixture", FIXTURES)
def test_a_new_course_builds_with_the_plugin_and_its_strict_build_lists_the_placeholders(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, fixture: str
) -> None:
    course = tmp_path / "course"
    create_course(course, ARTICLES / fixture)
    split = article(fixture)
    placeholders = [
        (path.relative_to(course).as_posix(), found)
        for path in [*(course / "docs").rglob("*.md"), *(course / "quizzes").glob("*.yml")]
        for found in find_placeholders(text_of(path))
    ]
    with caplog.at_level(logging.WARNING):
        site = build_site(course / "mkdocs.yml", tmp_path / "site", strict=False)[0]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert [w for w in warnings if not any(f"{path}:{p.line}:{p.column}" in w for path, p in placeholders)] == [], (
        "no warning but the placeholders"
    )
    assert sorted(p.name for p in (site / "lessons").iterdir()) == sorted(s.slug for s in split.sections)
    assert sorted(p.name for p in (site / "quizzes").iterdir() if p.is_dir()) == sorted(s.slug for s in split.sections)
    assert element_texts(text_of(site / "index.html"), "title") == [split.title]
    for number, section in enumerate(split.sections, 1):
        lesson = text_of(site / "lessons" / section.slug / "index.html")
        assert element_texts(lesson, "title") == [f"{number}. {' '.join(section.title.split())} - {split.title}"]
        assert "<script>alert" not in lesson

    caplog.clear()
    with pytest.raises(Abort), caplog.at_level(logging.WARNING):
        build_site(course / "mkdocs.yml", tmp_path / "strict", strict=True)
    listed = caplog.text
    for path, found in placeholders:
        assert f"{path}:{found.line}:" in listed, f"{path}:{found.line} is not listed"


def test_fixtures_cover_each_kind_of_article() -> None:
    kinds = {name: (article(name).markdown, any(s.named for s in article(name).sections)) for name in FIXTURES}
    assert kinds == {
        "headings.txt": (False, True), "hostile.md": (True, True), "hostile.txt": (False, True),
        "markdown.md": (True, True), "no-headings.txt": (False, False),
    }
