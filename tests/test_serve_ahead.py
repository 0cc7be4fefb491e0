"""`mkdocs serve`: an edited quiz file is read, checked and finished while the server waits to rebuild."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from sitebuilder import make_project
from watchdog.observers.polling import PollingObserver

from mkdocs_closer.quizcore import finished, itemchecks, pipeline
from mkdocs_closer.serve_ahead import WorkAhead

QUIZ = "quizzes/check-one.yml"


def until(done: Callable[[], object], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


@pytest.fixture
def server() -> Iterator[SimpleNamespace]:
    """What the plugin uses of MkDocs's development server: its watcher, which looks at the files often here."""
    observer = PollingObserver(timeout=0.05)
    yield SimpleNamespace(observer=observer)
    if observer.is_alive():
        observer.stop()
        observer.join()


def first_build(config_file: Path, server: object) -> MkDocsConfig:
    """Build as `mkdocs serve` first does, then hand the plugin `server`; return the build's settings."""
    config = load_config(str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    assert config.plugins.on_serve(server, config=config, builder=lambda: None) is server
    return config


def serve(config_file: Path, server: SimpleNamespace) -> MkDocsConfig:
    """Build as `mkdocs serve` first does, then start watching as its server does; return the build's settings."""
    config = first_build(config_file, server)
    server.observer.start()
    return config


def edit_description(root: Path) -> None:
    """Edit the fixture quiz's description, as an author would."""
    quiz = root / QUIZ
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("\ndescription: ", "\ndescription: Edited. ", 1),
                    encoding="utf-8")


def rebuild(config_file: Path) -> MkDocsConfig:
    """Build again as the server does after an edit: the settings read afresh, the plugin kept."""
    config = load_config(str(config_file))
    build(config)
    return config


def page_files(root: Path) -> set[str]:
    return set(os.listdir(root / ".cache" / "quizzes" / "pages"))


@pytest.fixture
def work_done(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the build process does itself from now on: each quiz file checked against the schema, each page made."""
    done: list[str] = []
    checked, made = pipeline.schema_problems, finished.FinishedPages._finish
    monkeypatch.setattr(pipeline, "schema_problems",
                        lambda doc: (done.append(f"checked {doc.file}"), checked(doc))[1])
    monkeypatch.setattr(finished.FinishedPages, "_finish",
                        lambda pages, quiz, html: (done.append(f"made {quiz.source}"), made(pages, quiz, html))[1])
    return done


def test_an_edited_quiz_is_ready_in_the_cache_before_the_rebuild(tmp_path: Path, server: SimpleNamespace,
                                                                  work_done: list[str]) -> None:
    config_file = make_project(tmp_path)
    config = serve(config_file, server)
    try:
        before = page_files(tmp_path)
        edit_description(tmp_path)
        until(lambda: page_files(tmp_path) - before, "the edited quiz's page was not made ahead")
        work_done.clear()
        checks = itemchecks._read_quiz.cache_info().misses, itemchecks._similar_earlier.cache_info().misses
        rebuilt = rebuild(config_file)
    finally:
        config.plugins.on_shutdown()
    # The rebuild took the edited file and its page from the cache: it neither checked the one nor made the other,
    # and the checks on how questions are written had their findings.
    assert work_done == []
    assert (itemchecks._read_quiz.cache_info().misses, itemchecks._similar_earlier.cache_info().misses) == checks
    page = (Path(rebuilt.site_dir) / "quizzes" / "check-one" / "index.html").read_text(encoding="utf-8")
    assert "Edited. " in page
    # The page made ahead is the page the build makes itself.
    fresh = tmp_path / "fresh"
    fresh_config = load_config(str(config_file), site_dir=str(fresh))
    (tmp_path / ".cache").rename(tmp_path / "cache-of-serve")
    build(fresh_config)
    assert f"made {QUIZ}" in work_done
    assert (fresh / "quizzes" / "check-one" / "index.html").read_text(encoding="utf-8") == page


def test_a_quiz_edited_into_problems_is_left_for_the_rebuild_to_report(tmp_path: Path, server: SimpleNamespace,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    config_file = make_project(tmp_path)
    config = serve(config_file, server)
    ahead = config.plugins["closer"].ahead
    assert ahead is not None
    try:
        quiz = tmp_path / QUIZ
        quiz.write_text(quiz.read_text(encoding="utf-8").replace("\ntype: ", "\ntype: quizz-", 1), encoding="utf-8")
        caplog.clear()
        until(lambda: ahead.rounds, "the edited quiz was not read ahead")
        # The thread says nothing of it: the rebuild does.
        assert caplog.records == []
        with pytest.raises(Abort):
            rebuild(config_file)
    finally:
        config.plugins.on_shutdown()
    assert re.search(r"quizzes/check-one\.yml:\d+:\d+: type:", caplog.text), caplog.text


def test_a_build_waits_for_the_work_ahead_and_none_starts_during_a_build(tmp_path: Path) -> None:
    ahead = WorkAhead()
    started, release = threading.Event(), threading.Event()
    prepared: list[set[Path]] = []

    def prepare(edited: set[Path]) -> None:
        prepared.append(edited)
        started.set()
        release.wait(30)

    ahead.start()
    try:
        ahead.built(prepare)
        ahead.edited(tmp_path / "a.yml")
        assert started.wait(30)
        building = threading.Thread(target=ahead.building)
        building.start()
        building.join(0.3)
        assert building.is_alive(), "the build began while the work ahead went on"
        release.set()
        building.join(30)
        assert not building.is_alive()
        # An edit during a build waits for its end, and is then readied with what that build left.
        started.clear()
        ahead.edited(tmp_path / "b.yml")
        assert not started.wait(0.3), "work ahead began during a build"
        ahead.built(prepare)
        assert started.wait(30)
        assert prepared == [{tmp_path / "a.yml"}, {tmp_path / "b.yml"}]
    finally:
        release.set()
        ahead.close()


def test_work_ahead_that_fails_says_nothing_and_the_next_edit_is_readied(tmp_path: Path,
                                                                         caplog: pytest.LogCaptureFixture) -> None:
    ahead = WorkAhead()
    done = threading.Event()

    def prepare(edited: set[Path]) -> None:
        if tmp_path / "bad.yml" in edited:
            logging.getLogger("mkdocs.plugins.closer").warning("not for the reader")
            raise ValueError("bad")
        done.set()

    ahead.start()
    try:
        ahead.built(prepare)
        ahead.edited(tmp_path / "bad.yml")
        until(lambda: ahead.rounds, "the bad edit was not tried")
        ahead.edited(tmp_path / "good.yml")
        assert done.wait(30)
    finally:
        ahead.close()
    assert "not for the reader" not in caplog.text


def test_a_server_without_a_watcher_rebuilds_as_a_build_does(tmp_path: Path) -> None:
    config_file = make_project(tmp_path)
    config = first_build(config_file, SimpleNamespace())  # a server of another make
    try:
        assert config.plugins["closer"].ahead is None
        edit_description(tmp_path)
        rebuilt = rebuild(config_file)
    finally:
        config.plugins.on_shutdown()
    assert "Edited. " in (Path(rebuilt.site_dir) / "quizzes" / "check-one" / "index.html").read_text(encoding="utf-8")
