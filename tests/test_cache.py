"""The schema cache: unchanged valid files skip parsing, and nothing it remembers can hide a problem."""

from __future__ import annotations

import gc
import marshal
import os
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import jinja2
import markdown
import pytest
from jinja2.bccache import bc_magic
from sitebuilder import build_project, make_project

from mkdocs_closer.quizcore import Quiz, QuizError, load_quiz
from mkdocs_closer.quizcore.cache import (
    PageCache,
    SchemaCache,
    read_marshalled,
    read_page,
    write_file,
    write_marshalled,
)
from mkdocs_closer.quizcore.finished import FinishedPages
from mkdocs_closer.quizcore.fragments import page_source
from mkdocs_closer.quizcore.loader import read_document
from mkdocs_closer.quizcore.render import default_env, quiz_html, render_salt, template_cache
from mkdocs_closer.quizcore.strings import DEFAULT_STRINGS

QUIZ = """\
title: T
type: knowledge-check
lesson: lessons/one.md
questions:
  - {id: q, type: reflection, prompt: Why?}
"""
PAGES = {"lessons/one.md"}


def load(tmp_path: Path, text: str, pages: set[str] = PAGES) -> object:
    path = tmp_path / "quizzes" / "t.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    cache = SchemaCache(tmp_path / ".cache" / "quizzes.json")
    try:
        return load_quiz(path, root=tmp_path, known_pages=pages, cache=cache)
    finally:
        cache.save()


def test_a_valid_file_is_remembered_and_read_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load(tmp_path, QUIZ)
    assert (tmp_path / ".cache" / "quizzes.json").is_file()
    from mkdocs_closer.quizcore import pipeline

    def no_parsing(*args: object) -> None:
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr(pipeline, "read_document", no_parsing)
    assert load(tmp_path, QUIZ) == first


def test_unchanged_files_and_pages_are_not_checked_against_the_pages_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_closer.quizcore import pipeline

    first = load(tmp_path, QUIZ)
    monkeypatch.setattr(pipeline, "semantic_problems", lambda *a: pytest.fail("checked against the pages again"))
    assert load(tmp_path, QUIZ) == first
    monkeypatch.undo()
    checks = []
    monkeypatch.setattr(pipeline, "semantic_problems", lambda *a: checks.append(a) or [])
    load(tmp_path, QUIZ, pages={*PAGES, "lessons/new.md"})  # another page: the links are checked again
    assert len(checks) == 1


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    load(tmp_path, QUIZ)
    with pytest.raises(QuizError, match="unknown key `titel`"):
        load(tmp_path, QUIZ.replace("title:", "titel:"))


def test_a_cached_file_whose_lesson_disappeared_is_reported_with_its_line(tmp_path: Path) -> None:
    load(tmp_path, QUIZ)
    with pytest.raises(QuizError) as error:
        load(tmp_path, QUIZ, pages={"lessons/two.md"})
    assert str(error.value).startswith("quizzes/t.yml:3:9: lesson: `lessons/one.md` does not exist in docs/")


def test_an_invalid_file_is_never_remembered(tmp_path: Path) -> None:
    with pytest.raises(QuizError):
        load(tmp_path, QUIZ.replace("title: T", "title: [T]"))
    assert not (tmp_path / ".cache" / "quizzes.json").exists()


@pytest.mark.parametrize("damage", [b"", b"{not marshal", b"\0" * 40])
def test_a_damaged_cache_is_ignored(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "quizzes.json").write_bytes(damage)
    assert load(tmp_path, QUIZ).title == "T"


def test_a_cache_cut_short_is_ignored_and_written_afresh(tmp_path: Path) -> None:
    load(tmp_path, QUIZ)
    path = tmp_path / ".cache" / "quizzes.json"
    path.write_bytes(path.read_bytes()[:-1])
    assert SchemaCache(path).stored == {}
    assert load(tmp_path, QUIZ).title == "T"
    assert len(SchemaCache(path).stored) == 1


@pytest.mark.parametrize("content", [
    [], {"x": 5}, {"x": ("", "text")}, {"x": ("",)}, {"x": (1, b"")},  # not the shape of entries
    "entries",  # the right shape, with data that is not marshal's, or not a mapping
])
def test_cache_entries_of_another_shape_are_ignored(tmp_path: Path, content: object) -> None:
    path = tmp_path / ".cache" / "quizzes.json"
    first = load(tmp_path, QUIZ)
    stored = read_marshalled(path)
    assert isinstance(stored, dict) and len(stored) == 1
    if content == "entries":
        key, (pages, _) = next(iter(stored.items()))
        for data in (b"\xff not marshal", marshal.dumps(["a list"])):
            write_marshalled(path, {key: (pages, data)})
            assert load(tmp_path, QUIZ) == first
            assert SchemaCache(path).stored[key][1] != data  # the file was read again and its entry mended
    else:
        write_marshalled(path, content)
        assert SchemaCache(path).stored == {}
        assert load(tmp_path, QUIZ) == first


def test_a_cache_another_interpreter_wrote_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # marshal's format may change between Python releases: each reads only what one of its kind wrote.
    from mkdocs_closer.quizcore import cache

    load(tmp_path, QUIZ)
    path = tmp_path / ".cache" / "quizzes.json"
    assert len(SchemaCache(path).stored) == 1
    monkeypatch.setattr(cache, "_MARSHAL_TAG", b"cpython-99 marshal 9")
    assert SchemaCache(path).stored == {}


# -- finished quiz pages -------------------------------------------------------------------------------------------


FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"


def rendered_fixture() -> str:
    """The fixture knowledge check's page source, rendered as a site would."""
    quiz = load_quiz(FIXTURES / "check-one.yml", root=FIXTURES.parent.parent, known_pages={"lessons/one.md"})
    return markdown.markdown(page_source(quiz, DEFAULT_STRINGS), extensions=["attr_list", "toc"])


def finish(quiz: Quiz, html: str, env: jinja2.Environment, strings: dict, cache: PageCache) -> tuple[str, bytes]:
    """Ask for a quiz page as a build does, and wait for it if the cache does not have it."""
    pages = FinishedPages(env, strings, cache, FIXTURES.parent.parent)
    found = pages.ask("quizzes/check-one.md", quiz, html) or pages.get("quizzes/check-one.md")
    assert found is not None
    return found


def finished(tmp_path: Path, html: str, strings: dict | None = None) -> tuple[tuple[str, bytes], PageCache]:
    quiz = load_quiz(FIXTURES / "check-one.yml", root=FIXTURES.parent.parent, known_pages={"lessons/one.md"})
    env = default_env()
    table = strings or DEFAULT_STRINGS
    cache = PageCache(tmp_path / "pages", render_salt(env, table))
    page = finish(quiz, html, env, table, cache)
    return page, cache


def test_a_finished_page_is_kept_and_read_back_instead_of_made_again(tmp_path: Path, monkeypatch) -> None:
    html = rendered_fixture()
    first, cache = finished(tmp_path, html)
    assert [p.name for p in (tmp_path / "pages").iterdir()] == list(cache.used)
    monkeypatch.setattr("mkdocs_closer.quizcore.finished.quiz_html", lambda *a: pytest.fail("the page was made again"))
    again, _ = finished(tmp_path, html)
    assert again == first and zlib.decompress(first[1]).decode().count("<fieldset") == 3


def test_changed_text_or_wording_makes_a_new_page_and_pruning_forgets_the_old(tmp_path: Path) -> None:
    html = rendered_fixture()
    finished(tmp_path, html)
    _, changed = finished(tmp_path, html.replace("Which description", "Which summary"))
    finished(tmp_path, html, {**DEFAULT_STRINGS, "check": "Vérifier"})
    assert len(list((tmp_path / "pages").iterdir())) == 3
    changed.prune()
    assert [p.name for p in (tmp_path / "pages").iterdir()] == list(changed.used)


DAMAGES = {
    "cut short": lambda content: content[:len(content) // 2],
    "no page": lambda content: content[:content.index(b"\0")],
    "searchable text changed": lambda content: content.replace(b"Which", b"Whose", 1),
    "empty": lambda content: b"",
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_finished_page_is_made_again_and_written_whole(tmp_path: Path, damage: str) -> None:
    html = rendered_fixture()
    first, _ = finished(tmp_path, html)
    (path,) = (tmp_path / "pages").iterdir()
    damaged = DAMAGES[damage](path.read_bytes())
    assert damaged != path.read_bytes()
    path.write_bytes(damaged)
    again, _ = finished(tmp_path, html)
    assert again == first and read_page(path) == first


def test_a_build_whose_cached_pages_are_damaged_makes_them_again(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    built = build_project(config)
    first = {path: path.read_bytes() for path in sorted(built.rglob("*.html"))}
    pages = list((tmp_path / ".cache" / "quizzes" / "pages").iterdir())
    assert len(pages) == 2
    for path in pages:
        path.write_bytes(path.read_bytes()[:-10])
    assert {path: path.read_bytes() for path in sorted(build_project(config).rglob("*.html"))} == first
    assert all(read_page(path) for path in pages)


def test_a_build_that_may_not_delete_unused_pages_keeps_them_and_ends_well(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A read-only checkout built before, with another quiz text or release: its pages cannot be deleted.
    config = make_project(tmp_path)
    build_project(config)
    quiz = tmp_path / "quizzes" / "check-one.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("Which description", "Whose description"), "utf-8")
    pages = tmp_path / ".cache" / "quizzes" / "pages"
    kept = {path.name for path in pages.iterdir()}
    unlink = Path.unlink

    def read_only(path: Path, missing_ok: bool = False) -> None:
        if path.parent == pages:
            raise PermissionError(13, "Read-only file system", str(path))
        unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", read_only)
    site = build_project(config)
    assert "Whose description" in (site / "quizzes" / "check-one" / "index.html").read_text(encoding="utf-8")
    assert kept < {path.name for path in pages.iterdir()}


WRITER = """
import sys
from pathlib import Path
from mkdocs_closer.quizcore.cache import write_file
for _ in range(150):
    write_file(Path(sys.argv[1]), sys.argv[2].encode() * 1_000_000)
"""


def test_two_builds_writing_one_cache_file_at_once_always_leave_a_whole_one(tmp_path: Path) -> None:
    # As `mkdocs serve` and `mkdocs build` of one project may: each reader must find one build's file, whole.
    path = tmp_path / "pages" / "page"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), fill]) for fill in "ab"]
    whole = {b"a" * 1_000_000, b"b" * 1_000_000}
    found = set()
    while any(writer.poll() is None for writer in writers):
        if path.exists():
            content = path.read_bytes()
            found.add(content if content in whole else f"{len(content)} bytes, {set(content)}".encode())
    assert [writer.returncode for writer in writers] == [0, 0]
    assert found <= whole and found, [f[:40] for f in found]
    assert [p.name for p in path.parent.iterdir()] == ["page"]


@pytest.mark.parametrize("path", ["page", "pages/page"])
def test_a_cache_file_that_cannot_be_put_in_place_leaves_nothing_behind(tmp_path: Path, path: str) -> None:
    # A folder where the file goes, or a file where its folder goes.
    (tmp_path / "page").mkdir()
    (tmp_path / "pages").write_bytes(b"")
    write_file(tmp_path / path, b"content")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["page", "pages"]
    assert (tmp_path / "pages").read_bytes() == b""


def test_without_a_cache_folder_pages_are_still_made(tmp_path: Path) -> None:
    quiz = load_quiz(FIXTURES / "check-one.yml", root=FIXTURES.parent.parent, known_pages={"lessons/one.md"})
    cache = PageCache(None, b"")
    searchable, page = finish(quiz, rendered_fixture(), default_env(), DEFAULT_STRINGS, cache)
    assert "core-of-intimacy" in zlib.decompress(page).decode() and searchable
    cache.prune()


def made_without_cache() -> tuple[FinishedPages, Path]:
    """Return pages that made one quiz page in a scratch folder (no cache folder), and that folder."""
    quiz = load_quiz(FIXTURES / "check-one.yml", root=FIXTURES.parent.parent, known_pages={"lessons/one.md"})
    pages = FinishedPages(default_env(), DEFAULT_STRINGS, PageCache(None, b""), FIXTURES.parent.parent)
    assert pages.ask("quizzes/check-one.md", quiz, rendered_fixture()) is None
    assert pages.get("quizzes/check-one.md") is not None
    assert pages.scratch is not None and any(pages.scratch.iterdir())
    return pages, pages.scratch


@pytest.mark.parametrize("end", ["close", "cancel", "drop"])
def test_the_scratch_folder_goes_when_the_build_ends_fails_or_is_interrupted(end: str) -> None:
    pages, folder = made_without_cache()
    if end == "drop":  # an interrupted build: Ctrl+C skips `on_build_error`
        del pages
        gc.collect()
    else:
        getattr(pages, end)()
    assert not folder.exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked copies need os.fork")
def test_a_forked_copy_that_lets_go_of_the_pages_leaves_the_builds_scratch_folder() -> None:
    pages, folder = made_without_cache()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        del pages
        gc.collect()
        os._exit(0)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    assert folder.exists()
    pages.close()
    assert not folder.exists()


def test_a_failed_build_keeps_every_cached_page_and_a_finished_one_forgets_unused_ones(tmp_path: Path) -> None:
    html = rendered_fixture()
    finished(tmp_path, html)
    finished(tmp_path, html.replace("Which description", "Which summary"))
    quiz = load_quiz(FIXTURES / "check-one.yml", root=FIXTURES.parent.parent, known_pages={"lessons/one.md"})
    env = default_env()
    # A build that failed after asking for one page of two: the other stays for the next build.
    failed = FinishedPages(env, DEFAULT_STRINGS, PageCache(tmp_path / "pages", render_salt(env, DEFAULT_STRINGS)),
                           FIXTURES.parent.parent)
    assert failed.ask("quizzes/check-one.md", quiz, html) is not None
    failed.cancel()
    assert len(list((tmp_path / "pages").iterdir())) == 2
    failed.close()
    assert len(list((tmp_path / "pages").iterdir())) == 1


# -- package versions ----------------------------------------------------------------------------------------------


@pytest.fixture
def new_release(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Make the quiz core see a newer PyYAML from now on, as a new process does after an upgrade."""
    from mkdocs_closer.quizcore import cache

    versions = cache.package_versions()

    def upgrade() -> None:
        monkeypatch.setattr(cache, "package_versions", lambda: {**versions, "PyYAML": "99.0"})
        forget()

    def forget() -> None:
        # The versions, and the schema cache's salt made with them, are read once per process.
        cache.versions_digest.cache_clear()
        cache.schema_salt.cache_clear()

    yield upgrade
    forget()


def test_every_version_that_shapes_the_output_is_read() -> None:
    from mkdocs_closer.quizcore.cache import SHAPING_PACKAGES, package_versions

    versions = package_versions()
    assert list(versions) == list(SHAPING_PACKAGES) and versions["Jinja2"] == jinja2.__version__
    assert versions == {name: metadata.version(name) for name in SHAPING_PACKAGES}


def test_a_missing_package_reads_as_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_closer.quizcore import cache

    monkeypatch.setattr(cache, "SHAPING_PACKAGES", {"Jinja2": "jinja2", "no-such-package": "no_such_module"})
    assert cache.package_versions() == {"Jinja2": jinja2.__version__, "no-such-package": "absent"}


def test_a_package_not_loaded_yet_is_read_from_its_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_closer.quizcore import cache

    monkeypatch.setattr(cache, "SHAPING_PACKAGES", {"Jinja2": "module_not_loaded_yet"})
    assert cache.package_versions() == {"Jinja2": metadata.version("Jinja2")}


def test_a_new_package_release_checks_valid_files_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        new_release: Callable[[], None]) -> None:
    from mkdocs_closer.quizcore import pipeline

    load(tmp_path, QUIZ)
    new_release()
    parsed: list[object] = []
    monkeypatch.setattr(pipeline, "read_document", lambda *a: parsed.append(a) or read_document(*a))
    assert load(tmp_path, QUIZ).title == "T" and len(parsed) == 1


def test_a_new_package_release_makes_finished_pages_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          new_release: Callable[[], None]) -> None:
    html = rendered_fixture()
    first, _ = finished(tmp_path, html)
    new_release()
    monkeypatch.setattr("mkdocs_closer.quizcore.forked.can_fork", lambda: False)  # to count the renders here
    made: list[object] = []
    monkeypatch.setattr("mkdocs_closer.quizcore.finished.quiz_html", lambda *a: made.append(a) or quiz_html(*a))
    again, _ = finished(tmp_path, html)
    assert again == first and len(made) == 1 and len(list((tmp_path / "pages").iterdir())) == 2


def compiled_templates(directory: Path, *, template: str = "quiz/search.html",
                       settings: Callable[[jinja2.Environment], object] = lambda env: None) -> tuple[int, Path]:
    """How many templates a fresh environment over `directory`'s cache compiles to render `template`, as one build
    does (saving the cache at its end), and the cache's folder; `settings` may change the environment first."""
    env = default_env()
    settings(env)
    cache = template_cache(directory)
    assert cache is not None
    env.bytecode_cache = cache
    compiled = []
    compile_source = env.compile
    env.compile = lambda *a, **k: compiled.append(a) or compile_source(*a, **k)
    env.get_template(template)
    cache.save()
    return len(compiled), cache.path.parent


def test_a_new_package_release_compiles_the_templates_again(tmp_path: Path, new_release: Callable[[], None]) -> None:
    cold, folder = compiled_templates(tmp_path / "templates")
    warm, same = compiled_templates(tmp_path / "templates")
    new_release()
    after, other = compiled_templates(tmp_path / "templates")
    assert (cold, warm, after) == (1, 0, 1)
    assert same == folder != other and [p.name for p in (tmp_path / "templates").iterdir()] == [other.name]


def test_a_template_compiled_under_other_settings_is_compiled_again(tmp_path: Path) -> None:
    # A site's plugins may give the theme's environment other settings, under which the same source compiles otherwise.
    def trimmed(env: jinja2.Environment) -> None:
        env.trim_blocks = True

    counts = [compiled_templates(tmp_path, settings=change)[0] for change in (lambda env: None, trimmed, trimmed)]
    assert counts == [1, 1, 0]


def test_the_template_cache_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    assert compiled_templates(tmp_path, template="quiz/search.html")[0] == 1
    assert compiled_templates(tmp_path, template="quiz/bands.html")[0] == 1
    assert compiled_templates(tmp_path, template="quiz/bands.html")[0] == 0
    assert compiled_templates(tmp_path, template="quiz/search.html")[0] == 1


@pytest.mark.parametrize("damage", ["file", "entries"])  # cut short; whole, with entries Jinja cannot read
def test_a_damaged_template_cache_costs_a_compile_and_is_written_afresh(tmp_path: Path, damage: str) -> None:
    _, folder = compiled_templates(tmp_path)
    path = folder / "compiled"
    stored = read_marshalled(path)
    assert isinstance(stored, dict)
    if damage == "file":
        path.write_bytes(path.read_bytes()[:-1])
    else:
        write_marshalled(path, dict.fromkeys(stored, bc_magic + b"\x80junk"))  # Jinja's header, then no pickle
    assert compiled_templates(tmp_path)[0] == 1
    assert compiled_templates(tmp_path)[0] == 0


def test_the_schema_cache_keys_by_the_checks_this_process_loaded(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # A check edited under a running `mkdocs serve` does not judge files until a new process loads it: entries made
    # meanwhile must not be kept under the edited check's salt.
    import shutil

    from mkdocs_closer.quizcore import cache

    core = tmp_path / "quizcore"
    shutil.copytree(Path(cache.__file__).parent, core)
    monkeypatch.setattr(cache, "_CORE", core)
    cache.schema_salt.cache_clear()
    try:
        loaded = cache.schema_salt()
        (core / "checks.py").write_text("# edited\n", encoding="utf-8")
        assert cache.schema_salt() == loaded
        cache.schema_salt.cache_clear()  # a new process
        assert cache.schema_salt() != loaded
    finally:
        cache.schema_salt.cache_clear()
