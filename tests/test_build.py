"""End-to-end: real `mkdocs build --strict` runs of throw-away projects that use the hook."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import mkdocs.commands.build
import pytest
from compiling import compiles
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, get_files
from sitebuilder import build_project, make_project, table_of_contents

from mkdocs_closer.data import THEME
from mkdocs_closer.file_layout import match_layout
from mkdocs_closer.minify import MINIFIERS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture project built once for this module."""
    return build_project(make_project(tmp_path_factory.mktemp("project")))


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def article(page_html: str) -> str:
    return page_html[page_html.index("<article") : page_html.index("</article>")]


def test_each_quiz_becomes_a_page_at_a_stable_url(site: Path) -> None:
    assert (site / "quizzes" / "check-one" / "index.html").is_file()
    assert (site / "quizzes" / "assess-two" / "index.html").is_file()


def test_nothing_is_written_into_docs(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    build_project(config)
    assert not (tmp_path / "docs" / "quizzes").exists()


def test_quiz_follows_its_lesson_in_the_navigation(site: Path) -> None:
    lesson = read(site, "lessons/one")
    footer = lesson[lesson.index('class="md-footer"') :]
    assert re.search(r'href="../../quizzes/check-one/" class="md-footer__link md-footer__link--next"', footer)
    quiz = read(site, "quizzes/check-one")
    nav = quiz[quiz.index('class="md-nav md-nav--primary"') :]
    assert nav.index("lessons/one/") < nav.index('href="./"') < nav.index("lessons/two/")


def test_lesson_links_to_its_quizzes_automatically(site: Path) -> None:
    lesson = article(read(site, "lessons/one"))
    assert '<div class="admonition question quiz-links">' in lesson and "Check what you learned" in lesson
    assert 'href="../../quizzes/check-one/"' in lesson
    assert "Check: what intimacy is" in lesson


def test_the_lesson_box_goes_where_the_lesson_asks_for_it_once(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    (tmp_path / "docs" / "lessons" / "one.md").write_text(
        "# Lesson one\n\nBefore.\n\n<!-- quizzes -->\n\nAfter.\n\n<!-- quizzes -->\n\n"
        "```html\n<!-- quizzes -->\n```\n", encoding="utf-8")
    (tmp_path / "docs" / "lessons" / "two.md").write_text(
        "# Lesson two\n\nInline <!-- quizzes --> marker.\n\n```html\n<!-- quizzes -->\n```\n", encoding="utf-8")
    site = build_project(config)
    one = article(read(site, "lessons/one"))
    assert one.count("quiz-links") == 1
    assert one.index("Before.") < one.index("quiz-links") < one.index("After.")
    assert one.count("<!-- quizzes -->") == 1 and "&lt;!-- quizzes --&gt;" in one  # the rest stay as written
    two = article(read(site, "lessons/two"))
    # Only a line of its own asks for the box: not a marker within a paragraph, where the box would break the HTML,
    # nor one shown in a code block, which is text; the box then goes at the end.
    assert two.index("<!-- quizzes --> marker.</p>") < two.index("&lt;!-- quizzes --&gt;") < two.index("quiz-links")


def test_quiz_links_back_to_its_lesson_with_the_lesson_title(site: Path) -> None:
    quiz = article(read(site, "quizzes/check-one"))
    assert re.search(r'<a href="../../lessons/one/">Lesson one</a>', quiz)


def test_quiz_page_heading_is_its_title(site: Path) -> None:
    quiz = article(read(site, "quizzes/check-one"))
    assert "Check: what intimacy is" in re.sub(r"<[^>]+>", "", quiz.split("</h1>")[0])


def test_markup_is_semantic_and_deep_linkable(site: Path) -> None:
    quiz = article(read(site, "quizzes/check-one"))
    assert quiz.count("<form") == 1
    assert quiz.count("<fieldset") == quiz.count("<legend") == 3
    assert 'id="core-of-intimacy"' in quiz
    for ident in re.findall(r'<input type="(?:radio|checkbox)"[^>]*id="([^"]+)"', quiz):
        assert f'<label for="{ident}">' in quiz


def test_the_table_of_contents_names_questions_by_number_and_search_by_prompt(site: Path) -> None:
    page = read(site, "quizzes/check-one")
    assert table_of_contents(page) == ["Question 1", "Question 2", "Question 3", "Reflection 1"]
    assert table_of_contents(read(site, "quizzes/assess-two")) == ["Statements", "Your results"]
    assert '<span class="quiz-question__number">Reflection 1.</span> <label for="your-moment__text">' in page
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert "Which description fits" in titles["quizzes/check-one/#core-of-intimacy"]


def test_every_quiz_page_says_answers_stay_on_the_device(site: Path) -> None:
    for page in ("quizzes/check-one", "quizzes/assess-two"):
        text = article(read(site, page))
        assert "Your answers stay in this browser on this device. Nothing is sent anywhere." in html.unescape(text)


def test_every_quiz_page_ends_with_its_way_to_clear_everything(site: Path) -> None:
    # In the page's HTML, for scripts only (nothing is saved without them), and relative, as every link of the site's.
    link = '<p class="quiz-js closer-clear-all"><a href="../../progress/#clear-everything">'
    for page in ("quizzes/check-one", "quizzes/assess-two"):
        text = article(read(site, page))
        assert text.count("#clear-everything") == 1 and link in text
    for page in ("", "lessons/one"):
        assert "closer-clear-all" not in read(site, page)


def test_quiz_assets_load_only_on_quiz_pages(site: Path) -> None:
    for page in ("quizzes/check-one", "quizzes/assess-two"):
        assert "assets/quiz/quiz.js" in read(site, page)
        assert "assets/quiz/quiz.css" in read(site, page)
    for page in ("", "lessons/one", "lessons/two"):
        assert "assets/quiz/" not in read(site, page)


def test_every_page_makes_the_menus_checkbox_a_switch_named_by_the_menu_button(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5 and site / "404.html" in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        (toggle,) = re.findall(r'<input\b[^>]*\bid="__drawer"[^>]*>', text)
        assert 'role="switch" aria-labelledby="closer-menu-name"' in toggle, page
        assert text.count('id="closer-menu-name"') == 1, page


def test_no_script_answer_key_is_in_details(site: Path) -> None:
    quiz = article(read(site, "quizzes/check-one"))
    answers = re.findall(r'<details class="quiz-answer"[^>]*>(.*?)</details>', quiz, re.S)
    assert len(answers) == 3
    assert "Reis &amp; Shaver, 1988" in answers[0]
    assessment = article(read(site, "quizzes/assess-two"))
    paper = re.search(r'<details class="quiz-paper"[^>]*>(.*?)</details>', assessment, re.S).group(1)
    assert "(reversed)" in paper and "1.0–2.4: Room to grow" in paper and "6 minus your number" in paper


def test_search_finds_prompts_but_not_answers(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = html.unescape(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    assert "Check: what intimacy is" in text
    assert "Which description fits" in text
    assert "I keep my worries to myself" in text
    for secret in (
        "Reis & Shaver, 1988",  # explanation
        "share a sofa every evening",  # per-choice feedback
        "Sharing what matters to you",  # a choice
        "Opening up seems to come fairly naturally",  # band text
        "Some things stay tucked away",  # subscale band text
        "Small, everyday disclosures count too",  # true/false feedback
    ):
        assert secret not in text, secret


def test_search_finds_each_title_on_its_own_page_not_in_the_progress_pages_list(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    progress = [doc for doc in index["docs"] if doc["location"].startswith("progress/")]
    assert "Move your answers to another device" in [doc["title"] for doc in progress]
    text = html.unescape(" ".join(doc["text"] for doc in progress))
    assert "Lesson two" not in text and "Check: what intimacy is" not in text
    assert any(doc["title"] == "Check: what intimacy is" for doc in index["docs"])


def test_a_theme_that_changes_a_quiz_pages_content_gets_a_warning_not_half_a_quiz(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The full quiz replaces the searchable part the theme was given; rewritten, that part is no longer found.
    (tmp_path / "rewrite.py").write_text(
        "def on_page_context(context, page, config, nav):\n"
        "    page.content = page.content.replace('<p>', '<p class=\"rewritten\">')\n", encoding="utf-8")
    site = build_project(make_project(tmp_path, config_extra="hooks: [rewrite.py]\n"), strict=False)
    assert ("quizzes/check-one.md: the theme changed the page content, so the quiz could not be put in place."
            in caplog.text)
    content = article(read(site, "quizzes/check-one"))
    assert 'class="rewritten"' in content and "Which description fits" in content
    assert "Reis &amp; Shaver, 1988" not in content and "<form" not in content


def test_author_text_cannot_inject_script(tmp_path: Path) -> None:
    config = make_project(
        tmp_path,
        {
            "evil.yml": """\
            title: Evil
            type: knowledge-check
            lesson: lessons/one.md
            intro: |
              <script>alert(1)</script> <img src="x.png" alt="x" onerror="alert(2)">
              [click](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">y</a>
            questions:
              - id: q
                type: single
                prompt: 'Hi <span onmouseover="alert(5)">there</span>'
                choices:
                  - {text: 'a<script>alert(6)</script>', correct: true}
                  - {text: b, feedback: '<iframe src="https://example.org"></iframe><style>*{}</style>'}
                explanation: '<div style="background:url(javascript:alert(7))">z</div>'
            """
        },
        fixture_quizzes=False,
    )
    page = article(read(build_project(config), "quizzes/evil")).lower()
    for bad in ("alert(", "onerror", "onmouseover", "javascript:", "<iframe", "<style", "style="):
        assert bad not in page, bad
    assert "there" in page and "alt=\"x\"" in page


def test_broken_link_inside_quiz_markdown_fails_the_build_with_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(
        tmp_path,
        {
            "linky.yml": """\
            title: Links
            type: knowledge-check
            lesson: lessons/one.md
            intro: See [the missing page](../lessons/missing.md).
            questions:
              - {id: q, type: reflection, prompt: Why?}
            """
        },
        fixture_quizzes=False,
    )
    with pytest.raises(Abort, match="BuildError"):
        build_project(config)
    assert "quizzes/linky.yml:4:8: intro: the link `../lessons/missing.md` leads to `lessons/missing.md`" in caplog.text


def test_broken_quiz_fails_the_build_with_located_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_project(tmp_path, {"bad.yml": "title: T\ntype: knowledge-check\nlesson: lessons/nope.md\n"})
    with pytest.raises(Abort, match="BuildError"):
        build_project(config)
    message = caplog.text
    assert "2 problems in quiz files" in message
    assert "quizzes/bad.yml:1:1: (top level): `questions` is required for a knowledge-check; add it." in message
    assert "quizzes/bad.yml:3:9: lesson: `lessons/nope.md` does not exist in docs/" in message


def test_text_reshaped_by_markdown_is_reported_at_its_field(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Balanced HTML passes the checks, but a list inside a choice still cuts the page's list of pieces apart.
    quiz = """\
        title: Lists
        type: knowledge-check
        lesson: lessons/one.md
        questions:
          - id: core
            type: single
            prompt: Which one?
            choices:
              - text: Both <ul><li>this</li><li>that</li></ul>
                correct: true
              - text: Neither
            explanation: Both.
        """
    config = make_project(tmp_path, {"lists.yml": quiz}, fixture_quizzes=False)
    with pytest.raises(Abort):
        build_project(config)
    assert (
        "quizzes/lists.yml:9:15: questions[0].choices[0].text: this text turned into HTML that breaks the quiz page's "
        "structure (an element it closes or opens that it does not own); remove the HTML tags, or put them in "
        "backticks to show them as code."
    ) in caplog.text


def test_footnotes_in_author_text_end_the_quiz_page(tmp_path: Path) -> None:
    quiz = (Path(__file__).parent / "golden" / "footnotes.yml").read_text(encoding="utf-8")
    extensions = "markdown_extensions: [attr_list, md_in_html, footnotes, {toc: {permalink: true}}]\n"
    site = build_project(make_project(tmp_path, {"footnotes.yml": quiz}, config_extra=extensions))
    page = article(read(site, "quizzes/footnotes"))
    for name in ("process", "reply"):
        assert f'href="#fn:{name}"' in page and f'id="fn:{name}"' in page
        assert f'href="#fnref:{name}"' in page and f'id="fnref:{name}"' in page
    assert page.index('class="quiz-outro"') < page.index('class="footnote"')


def test_quiz_folder_is_watched_by_mkdocs_serve(tmp_path: Path) -> None:
    config = load_config(str(make_project(tmp_path)))
    config.plugins.on_config(config)
    assert str(tmp_path / "quizzes") in config.watch


def test_edit_link_points_at_the_yaml_source(tmp_path: Path) -> None:
    config = make_project(tmp_path, config_extra="repo_url: https://example.org/r\nedit_uri: edit/main/docs/\n")
    page = read(build_project(config), "quizzes/check-one")
    assert 'href="https://example.org/r/edit/main/quizzes/check-one.yml"' in page


def test_interface_strings_can_be_overridden(tmp_path: Path) -> None:
    config = make_project(tmp_path, closer="{quizzes: {strings: {check: Vérifier}}}")
    page = read(build_project(config), "quizzes/check-one")
    assert ">Vérifier</button>" in page


def test_interface_strings_in_the_table_of_contents_are_text(tmp_path: Path) -> None:
    config = make_project(tmp_path, closer='{quizzes: {strings: {question: "Q & <b>A</b>"}}}')
    page = read(build_project(config), "quizzes/check-one")
    assert table_of_contents(page)[0] == "Q & <b>A</b> 1"
    assert "<b>A</b>" not in page


def test_interface_strings_the_scripts_read_cannot_end_their_element(tmp_path: Path) -> None:
    text = "Done </script><script>alert(1)</script> <!-- <script> </SCRIPT"
    config = make_project(tmp_path, closer=f"{{quizzes: {{strings: {{link_copied: {json.dumps(text)}}}}}}}")
    built = read(build_project(config), "lessons/one")
    found = re.search('<script type="application/json" id="closer-config">(.*?)</script>', built, re.S | re.I)
    assert found, "the element closer-config ends early or is missing"
    # Not even `<!--`, after which a browser would read `<script>` as nesting and run the element past its end.
    assert "<" not in found[1]
    assert json.loads(found[1])["strings"]["link_copied"] == text


def test_interface_strings_the_reader_pages_read_cannot_end_their_attribute(tmp_path: Path) -> None:
    text = 'Done" hidden onclick="alert(1)"> </div><script>alert(1)</script> &amp; <!--'
    config = make_project(tmp_path, closer=f"{{quizzes: {{strings: {{journal_count: {json.dumps(text)}}}}}}}")
    built = read(build_project(config), "progress")
    found = re.search('<div id="closer-reader-strings" data-strings="([^"<>]*)" hidden></div>', built)
    assert found, "the element closer-reader-strings is cut short, has other attributes, or is missing"
    assert json.loads(html.unescape(found[1]))["journal_count"] == text


def test_unknown_setting_is_an_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_project(tmp_path, closer="{quizzes: {strings: {chekc: x}}}")
    with pytest.raises(Abort):
        build_project(config)
    assert "Plugin 'closer' option 'quizzes': Sub-option 'strings': unknown keys chekc" in caplog.text


def test_build_cache_is_kept_in_one_folder_and_can_be_turned_off(tmp_path: Path) -> None:
    build_project(make_project(tmp_path / "on"))
    cached = tmp_path / "on" / ".cache" / "quizzes"
    assert (cached / "valid-files").is_file()
    assert any((cached / "templates").iterdir())
    build_project(make_project(tmp_path / "off", closer="{quizzes: {cache: false}}"))
    assert not (tmp_path / "off" / ".cache").exists()


def test_a_second_build_takes_the_themes_compiled_templates_from_the_cache(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = compiles(monkeypatch)
    monkeypatch.setattr("mkdocs_closer.quizcore.forked.can_fork", lambda: False)  # the first build compiles here
    config = make_project(tmp_path)
    site = build_project(config)
    first, lesson = list(compiled), read(site, "lessons/one")
    compiled.clear()
    build_project(config)
    # Material's own page templates; its search plugin compiles its language partial in an environment of its own.
    assert {"base.html", "partials/nav.html", "partials/footer.html"} <= set(first)
    assert not {"base.html", "partials/nav.html", "partials/footer.html"} & set(compiled)
    assert read(site, "lessons/one") == lesson


def test_pages_the_plugin_adds_keep_their_attributes_in_the_order_of_the_sites_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The theme reads every page's `file.url` for every navigation link: Python reads it fastest at one place.
    layouts: dict[str, list[str]] = {}
    build_page = mkdocs.commands.build._build_page

    def record(page: Any, *args: Any, **kwargs: Any) -> None:
        layouts[page.file.src_uri] = list(vars(page.file))
        build_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs.commands.build, "_build_page", record)
    build_project(make_project(tmp_path))
    own = layouts["lessons/one.md"]
    added = [uri for uri in layouts if uri.startswith("quizzes/") or uri in {"progress.md", "journal.md"}]
    assert len(added) > 2
    assert {uri: layouts[uri][: len(own)] for uri in added} == dict.fromkeys(added, own)


@pytest.mark.parametrize("generated", [True, False])
def test_every_page_file_is_laid_out_alike_once_some_are_generated(tmp_path: Path, generated: bool,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A layout of its own for the generated files alone still leaves the theme's reads meeting two kinds of object.
    config = load_config(str(make_project(tmp_path)))
    files = get_files(config)
    if generated:
        monkeypatch.setattr(config.plugins, "_current_plugin", "closer", raising=False)  # as in a plugin's event
        files.append(File.generated(config, "quizzes/made.md", content="# Made\n"))
    before = {file.src_uri: vars(file) for file in files.documentation_pages()}
    match_layout(files)
    relaid = {file.src_uri: vars(file) is not before[file.src_uri] for file in files.documentation_pages()}
    assert relaid == dict.fromkeys(before, generated)
    assert all(list(vars(file)) == list(before[file.src_uri]) for file in files.documentation_pages()
               if not file.generated_by), "the site's own pages keep their order"


def test_a_site_with_the_plugin_off_still_builds_its_own_templates(tmp_path: Path) -> None:
    site = build_project(make_project(tmp_path, closer="{enabled: false}"))
    lesson = read(site, "lessons/one")
    assert "<h1" in lesson and "Lesson one" in lesson  # the course's main.html extends the plugin's
    assert not (site / "quizzes").exists() and not (site / "progress").exists()
    assert "closer-config" not in lesson and "storage.js" not in lesson and "closer-exit" not in lesson


def test_a_navigation_made_from_folders_names_lessons_by_their_titles_on_the_readers_pages(tmp_path: Path) -> None:
    # Such a navigation has no titles until the pages are read: the progress page and the journal once showed paths.
    config = make_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("nav:")], encoding="utf-8")
    site = build_project(config)
    progress, journal = read(site, "progress"), read(site, "journal")
    assert ">Lesson one</a>" in progress and ">Lesson two</a>" in progress and "Next: Lesson one" in progress
    assert "Lesson one" in journal[journal.index("<article") :]
    assert ">lessons/one.md<" not in progress + journal and ": lessons/one.md" not in progress


@pytest.mark.parametrize("listed", [False, True])
def test_a_navigation_made_from_folders_lists_the_journal_as_a_page(tmp_path: Path, listed: bool) -> None:
    config = make_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    nav = text[text.index("nav:") :]
    # A site that lists the journal in a section of its own keeps it; one without `nav` gets a page, not a section.
    config.write_text(text.replace(nav, nav + "  - Journal:\n      - journal/index.md\n")
                      if listed else text.replace(nav, ""), encoding="utf-8")
    home = read(build_project(config), ".")
    nav_html = home[home.index('class="md-nav md-nav--primary"') :]
    journal = nav_html.index('href="journal/"')
    sections = [m.start() for m in re.finditer(r'<label class="md-nav__link" for="__nav_\d+"[^>]*>\s*'
                                               r'<span class="md-ellipsis">\s*Journal\s*</span>', nav_html)]
    assert bool(sections) == listed
    assert all(start < journal for start in sections)
    assert "My journal" in nav_html[journal : journal + 400]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_plugins_scripts_and_styles_ship_minified(tmp_path: Path, enabled: bool) -> None:
    # Without the course's own hooks, and with the plugin's pages off: its theme's files are still the site's.
    site = build_project(make_project(tmp_path, closer=json.dumps({"enabled": enabled})))
    sources = sorted(path for path in (THEME / "assets").rglob("*") if path.suffix in MINIFIERS)
    assert len(sources) >= 8
    for source in sources:
        shipped = (site / source.relative_to(THEME)).read_text(encoding="utf-8")
        readable = source.read_text(encoding="utf-8")
        assert shipped == MINIFIERS[source.suffix](readable) and len(shipped) < len(readable), source.name

