"""The benchmarks compare like with like: their reference projects are set up as the course is."""

from __future__ import annotations

import cProfile
import gzip
import importlib.util
import json
import logging
import socket
import ssl
import statistics
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest
from build_site import build_site
from mkdocs.utils.yaml import yaml_load
from serve import serve_https

ROOT = Path(__file__).resolve().parents[1]


def _bench(name: str) -> ModuleType:
    """Load bench/`name`.py, which is a script, not a module of a package."""
    spec = importlib.util.spec_from_file_location(f"{name}_bench", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plain_material_reference_has_the_courses_theme_settings(tmp_path: Path) -> None:
    # Read as text, `font: false` became "false", and the reference loaded Roboto from Google's servers.
    config = json.loads(_bench("lighthouse").plain_material(tmp_path).read_text(encoding="utf-8"))
    course = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {key: value for key, value in course["theme"].items() if key != "custom_dir"}
    assert config["theme"]["font"] is False
    assert config["markdown_extensions"] == course["markdown_extensions"]
    assert config["plugins"] == ["search"] and "hooks" not in config


def test_plain_material_reference_builds_without_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Its links to the pages only the plugin makes break by design; reported, they buried the benchmark's progress.
    build_site(_bench("lighthouse").plain_material(tmp_path / "plain"), tmp_path / "site", strict=False)
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_the_course_without_its_quizzes_keeps_every_other_option_of_the_plugin() -> None:
    # With only `enabled: false`, the course without quizzes had no policy and no compact pages: their cost was the
    # quizzes'.
    off = yaml_load(_bench("course_time").quizzes_off())
    course = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    search, closer = course["plugins"]
    assert search == "search" and closer["closer"]["csp"] is closer["closer"]["compact_html"] is True
    assert off == {"INHERIT": "mkdocs.yml", "plugins": ["search", {"closer": {**closer["closer"], "enabled": False}}]}


def test_work_is_counted_on_the_pages_main_threads_only(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # the script imports its neighbour, lighthouse.py
    work_done = _bench("main_thread").work_done
    main, other = {"pid": 1, "tid": 1}, {"pid": 2, "tid": 7}
    events = [
        {**main, "ph": "M", "name": "thread_name", "args": {"name": "CrRendererMain"}},
        {**other, "ph": "M", "name": "thread_name", "args": {"name": "Compositor"}},
        {**main, "ph": "X", "name": "UpdateLayoutTree", "args": {"elementCount": 700}},
        {**main, "ph": "X", "name": "UpdateLayoutTree", "args": {}},
        {**main, "ph": "X", "name": "UpdateLayoutTree", "args": {"elementCount": 2}},
        {**main, "ph": "X", "name": "Layout", "args": {"beginData": {"dirtyObjects": 300}}},
        {**main, "ph": "X", "name": "Paint", "args": {}},
        {**main, "ph": "B", "name": "Paint", "args": {}},
        {**other, "ph": "X", "name": "Paint", "args": {}},
        {**other, "ph": "X", "name": "UpdateLayoutTree", "args": {"elementCount": 50}},
    ]
    assert work_done(events) == {"elements styled": 702, "objects laid out": 300, "paints": 1}


def test_script_time_is_summed_by_whose_code_runs(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    script_time = _bench("main_thread").script_time
    page = "https://127.0.0.1:8443/closer/quizzes/listening/"
    site = "https://127.0.0.1:8443/closer/assets/"
    urls = ["", f"{site}javascripts/bundle.a5f9d56c.min.js", f"{site}quiz/quiz.js", f"{site}javascripts/closer.js",
            page, f"{page}#top", "chrome-extension://abc/content.js", "https://elsewhere.example/assets/x.js",
            f"{site}javascripts/bundle.js"]
    nodes = [{"id": number, "callFrame": {"url": url}} for number, url in enumerate(urls, 1)]
    # Samples on: idle, the bundle twice, quiz.js, closer.js, the page's own script (twice, once with a fragment),
    # an extension, another site, and a file named like the bundle without its hash (not Material's).
    samples = [1, 2, 2, 3, 4, 5, 6, 7, 8, 9]
    deltas = [9000, 1000, 2000, 500, 250, 4000, 3000, 8000, 16000, 125]
    found = script_time({"nodes": nodes, "samples": samples, "timeDeltas": deltas}, page)
    assert found == {"Material's bundle": 3.0, "other script files": 0.875, "scripts in the page": 7.0}


def test_the_lesson_in_fewer_requests_keeps_its_scripts_in_their_order(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "storage.js").write_text("window.Closer={};", encoding="utf-8")
    (scripts / "closer.js").write_text("window.Closer.ready=1;", encoding="utf-8")
    page = ('<link rel="stylesheet" href="../assets/stylesheets/closer.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/print.css" media="print">'
            '<link rel="preload" href="../assets/javascripts/storage.js" as="script" fetchpriority="low">'
            '<link rel="preload" href="../assets/javascripts/closer.js" as="script" fetchpriority="low">'
            '<script src="../assets/javascripts/storage.js"></script>'
            '<script src="../assets/javascripts/closer.js"></script>')
    fewer = _bench("lighthouse").fewer_requests(page, tmp_path)
    assert fewer == ('<link rel="stylesheet" href="../assets/stylesheets/closer.css">'
                     '<link rel="preload" href="../assets/javascripts/storage-closer.js" as="script" '
                     'fetchpriority="low">'
                     '<script src="../assets/javascripts/storage-closer.js"></script>')
    # closer.js uses what storage.js defines, so storage.js comes first.
    assert (scripts / "storage-closer.js").read_text(encoding="utf-8") == "window.Closer={};\nwindow.Closer.ready=1;"


def test_each_lighthouse_run_is_set_against_the_plain_run_right_after_it() -> None:
    bench = _bench("lighthouse")
    names = {"": "/", "lessons/a/": "/lessons/a/"}
    calls: list[str] = []
    found = bench.interleaved(names, "ours/", "plain/", 3, lambda url: calls.append(url) or len(calls))
    for page in names:
        assert [calls[i] for i in found[page]] == ["plain/"] * 3  # each run's successor (numbered from 1) is plain's
        assert bench.partners(found, names, page) == [i + 1 for i in found[page]]
    tbt = {"": [100, 40, 90], "lessons/a/": [70, 70, 20], "plain": [60, 50, 50, 70, 80, 30]}
    reports = {page: [{"audits": {"total-blocking-time": {"numericValue": v},
                                  "largest-contentful-paint": {"numericValue": 1000 + v},
                                  # What TBT leaves out before the first paint counts in the whole load's blocking.
                                  "long-tasks": {"details": {"items": [{"duration": 50 + 2 * v}, {"duration": 150}]}}}}
                      for v in values]
               for page, values in tbt.items()}
    home, lesson = (bench.partners(reports, names, page) for page in names)
    assert bench.versus(reports[""], home) == ["+10 ms", "1/3", "+10 ms", "1/3", "+20 ms"]
    assert bench.versus(reports["lessons/a/"], lesson) == ["+0 ms", "2/3", "+0 ms", "2/3", "+0 ms"]
    reports["plain"][1]["audits"]["long-tasks"] = {"score": 1}  # a load without long tasks has no list
    assert bench.load_blocking(reports["plain"][1]) == 0
    assert bench.load_blocking(reports["plain"][0]) == 220


def test_profiled_time_is_summed_by_where_the_code_lives(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # the script imports its neighbour, build_time.py
    bench = _bench("profile_build")
    stdlib = bench.STDLIB
    assert bench.place("~") == "built-in functions"
    assert bench.place("/venv/lib/python3.11/site-packages/jinja2/runtime.py") == "jinja2"
    assert bench.place("/venv/lib/python3.11/site-packages/material/templates/main.html") == (
        "templates (their compiled code)")
    assert bench.place("/work/src/mkdocs_closer/quizcore/loader.py") == "mkdocs_closer.quizcore"
    assert bench.place("/venv/lib/python3.11/site-packages/mkdocs_closer/plugin.py") == "mkdocs_closer.plugin"
    assert bench.place(stdlib + "json/encoder.py") == bench.place("<frozen posixpath>") == "Python's library"
    profile = cProfile.Profile()
    profile.runcall(statistics.median, list(range(100_000)))
    profile.dump_stats(tmp_path / "median.prof")
    assert set(bench.own_times(tmp_path / "median.prof")) == {"Python's library", "built-in functions"}
    found = {"hook": [{"jinja2": 0.5, "markdown": 0.2}, {"jinja2": 0.7, "markdown": 0.2}],
             "plain": [{"jinja2": 0.4, "markdown": 0.3, "yaml": 0.01}, {"jinja2": 0.4, "markdown": 0.3}]}
    lines = bench.table(found, rows=2).splitlines()
    assert lines[1].split() == ["all", "code", "800.0", "705.0", "+95.0"]  # medians of each build's total
    assert [line.split()[0] for line in lines[2:]] == ["jinja2", "markdown"]  # the largest differences first
    assert lines[2].split()[1:] == ["600.0", "400.0", "+200.0"]


def test_the_benchmarks_serve_over_https_and_http2_as_github_pages_does(https_tools, tmp_path: Path) -> None:
    # Over HTTP/1.1, Lighthouse's simulation gave every file a connection of its own and put our largest paint
    # 150-250 ms behind plain Material's; GitHub Pages answers over HTTP/2.
    (tmp_path / "lesson").mkdir()
    (tmp_path / "lesson" / "index.html").write_text("<p>Lesson</p>" * 100, encoding="utf-8")
    insecure = ssl.create_default_context()
    insecure.check_hostname, insecure.verify_mode = False, ssl.CERT_NONE  # the certificate is made for the run
    with serve_https(tmp_path, "/closer/") as url:
        address = urlsplit(url)
        assert address.scheme == "https" and address.path == "/closer/"
        insecure.set_alpn_protocols(["h2", "http/1.1"])
        with socket.create_connection((address.hostname, address.port)) as raw, \
                insecure.wrap_socket(raw, server_hostname=address.hostname) as tls:
            assert tls.selected_alpn_protocol() == "h2"
        insecure.set_alpn_protocols(["http/1.1"])  # what urllib speaks, over the same server
        request = urllib.request.Request(url + "lesson/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, context=insecure) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(answer.read()).decode() == "<p>Lesson</p>" * 100
        with pytest.raises(urllib.error.HTTPError) as outside:
            urllib.request.urlopen(f"https://{address.netloc}/lesson/", context=insecure)
        assert outside.value.code == 404


def test_build_benchmark_alternates_which_project_builds_first(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    bench = importlib.import_module("build_time")  # imported, not loaded from its file: its dataclass needs a module
    order: list[str] = []

    def build(config: Path) -> tuple[float, float, float]:
        order.append(config.parent.name)
        return 1.0, 50.0, 1.0

    monkeypatch.setattr(bench, "WORK", tmp_path)
    monkeypatch.setattr(bench, "write_project", lambda path, n, hook: path / "mkdocs.yml")
    monkeypatch.setattr(bench, "check_pages", lambda config, n: None)
    monkeypatch.setattr(bench, "build", build)
    hook, plain = bench.measure(10, 4, cold=False)
    # After a warm-up build of each, neither project always builds right after the other.
    assert order[2:] == ["hook", "plain", "plain", "hook", "hook", "plain", "plain", "hook"]
    assert len(hook.times) == len(plain.times) == 4


def test_serve_benchmark_times_the_servers_rebuilds_after_each_edit(monkeypatch, tmp_path: Path) -> None:
    from sitebuilder import make_project

    bench = _bench("serve_rebuild")
    config = make_project(tmp_path)
    (tmp_path / "quizzes" / "check-one.yml").rename(tmp_path / "quizzes" / "quiz-1.yml")
    (tmp_path / "docs" / "lessons" / "lesson-1.md").write_text("# Lesson 1\n\nText.\n", encoding="utf-8")
    edited = [tmp_path / "quizzes" / "quiz-1.yml", tmp_path / "docs" / "lessons" / "lesson-1.md"]
    originals = [path.read_text(encoding="utf-8") for path in edited]
    seen: list[str] = []  # the edited files' text when each build began, in build order
    timed = bench.Serving.timed

    def reading(serving, builder):
        def build(*args):
            seen.append("".join(path.read_text(encoding="utf-8") for path in edited))
            builder(*args)
        return timed(serving, build)

    monkeypatch.setattr(bench.Serving, "timed", reading)
    # What the script sets for its own process, this one keeps as it was.
    monkeypatch.setattr(bench.logging, "disable", lambda level: None)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.plugins import PluginCollection

    monkeypatch.setattr(PluginCollection, "run_event", PluginCollection.run_event)
    events = bench.EventTimes("closer")
    events.install()
    times = bench.rebuild_times(config, 2)
    # MkDocs's server noticed each edit and rebuilt: an untimed rebuild after its first build, then one rebuild after
    # each edit, the page edit first in the first run and the quiz edit first in the second.
    assert "Warm-up." in seen[0] and "Edit" not in seen[0]
    assert ["description: Edit 0." in text for text in seen[1:]] == [False, True, False, False]
    assert ["\nEdit 0.\n" in text for text in seen[1:]] == [True, True, True, False]
    assert ["description: Edit 1." in text for text in seen[1:]] == [False, False, True, True]
    assert ["\nEdit 1.\n" in text for text in seen[1:]] == [False, False, False, True]
    assert {kind: len(values) for kind, values in times.items()} == {"quiz": 2, "page": 2}
    assert all(0 < value < 60 for values in times.values() for value in values)
    assert [path.read_text(encoding="utf-8") for path in edited] == originals
    # Every build's time in the plugin's handlers, event by event: the first build, the untimed rebuild, four timed.
    assert len(events.builds) == 6
    handled = {"config", "files", "page_content", "page_context", "post_build"}
    assert all(handled <= set(build) for build in events.builds)
    assert all(0 < seconds < 60 for build in events.builds for seconds in build.values())


def test_serve_benchmark_stops_at_once_when_the_servers_first_build_fails(monkeypatch, tmp_path: Path) -> None:
    from sitebuilder import make_project

    bench = _bench("serve_rebuild")
    config = make_project(tmp_path, {"quiz-1.yml": "title: [unclosed\n"})
    (tmp_path / "docs" / "lessons" / "lesson-1.md").write_text("# Lesson 1\n", encoding="utf-8")
    monkeypatch.setattr(bench.logging, "disable", lambda level: None)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setattr(bench, "WAIT", 60)
    with pytest.raises(SystemExit, match=r"the server stopped before it watched the files \(Aborted"):
        bench.rebuild_times(config, 1)
