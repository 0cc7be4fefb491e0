"""Work done by a forked child: its result, or the same work done here when the child cannot or does not finish.

Each case runs in a new Python process: the test runner may have threads of its own, and a process with threads
never forks.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sitebuilder import build_project, make_project

from mkdocs_closer.quizcore import QuizError, forked, load_quizzes

ROOT = Path(__file__).resolve().parents[1]


COUNT_FORKS = """
from mkdocs_closer.quizcore import forked
started = []
_start = forked._start
forked._start = lambda work, *ends: started.append(work) or _start(work, *ends)
"""
"""Counts in `started` every child that the script forks."""


def run(script: str, *, count_forks: bool = False) -> str:
    """Run `script` in a new process that has imported `Forked` (and counts forks if asked); return what it printed."""
    code = "import os, sys, threading\nfrom mkdocs_closer.quizcore.forked import Forked, can_fork\n"
    code += COUNT_FORKS if count_forks else ""
    result = subprocess.run([sys.executable, "-c", code + textwrap.dedent(script)], capture_output=True, text=True,
                            timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_result_comes_from_a_child_that_has_the_parents_data() -> None:
    out = run("""
        data = {"quizzes": list(range(1000))}
        work = Forked(lambda: (os.getpid(), sum(data["quizzes"])))
        assert can_fork() and work.forked
        pid, total = work.result()
        print(pid != os.getpid(), total, work.forked)
    """)
    assert out.split() == ["True", "499500", "False"]


@pytest.mark.parametrize("failure", ["raise ValueError('only in the child')", "os.kill(os.getpid(), 9)",
                                     "return object.__new__(type('Local', (), {}))"])
def test_a_child_that_fails_leaves_the_work_to_the_parent(failure: str) -> None:
    # Raising, being killed, or a result that cannot be sent: the parent does the work itself.
    out = run(f"""
        parent = os.getpid()
        def work():
            if os.getpid() != parent:
                {failure}
            return "made by the parent"
        print(Forked(work).result())
    """)
    assert out.strip() == "made by the parent"


def test_an_error_of_the_work_is_raised_in_the_parent_with_its_traceback() -> None:
    out = run("""
        def work():
            raise KeyError("broken quiz")
        try:
            Forked(work).result()
        except KeyError as exc:
            import traceback
            print(traceback.extract_tb(exc.__traceback__)[-1].name, exc)
    """)
    assert out.strip() == "work 'broken quiz'"


def test_output_buffered_before_the_fork_is_written_once() -> None:
    # The child leaves without flushing the parent's buffers or running its exit handlers.
    out = run("""
        import atexit
        atexit.register(print, "exit handler")
        print("before", end=" ")
        Forked(lambda: 1).result()
    """)
    assert out == "before exit handler\n"


@pytest.mark.parametrize("ending", ["work.cancel(); print(work.forked)", "del work; import gc; gc.collect()"])
def test_work_no_longer_wanted_stops_and_reaps_its_child(ending: str) -> None:
    # Cancelled by a build that failed, or let go of unread: the child would wait on its pipe as long as we run.
    out = run(f"""
        import time
        work = Forked(lambda: time.sleep(60))
        pid = work.child[0]
        started = time.monotonic()
        {ending}
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            print("reaped", time.monotonic() - started < 10)
    """)
    assert out.split()[-2:] == ["reaped", "True"]
    assert out.split()[:-2] == (["False"] if "cancel" in ending else [])


def test_a_process_with_threads_does_the_work_itself() -> None:
    out = run("""
        stop = threading.Event()
        threading.Thread(target=stop.wait).start()
        work = Forked(os.getpid)
        print(can_fork(), work.forked, work.result() == os.getpid())
        stop.set()
    """)
    assert out.split() == ["False", "False", "True"]


def test_one_core_does_the_work_itself() -> None:
    out = run("""
        os.sched_getaffinity = lambda pid: {0}
        work = Forked(os.getpid)
        print(can_fork(), work.forked, work.result() == os.getpid())
    """)
    assert out.split() == ["False", "False", "True"]


def test_a_build_whose_pages_a_child_made_is_the_same_as_one_made_here(tmp_path: Path) -> None:
    """The quiz files, the theme's templates, the item-writing checks and the quiz pages, made by children, give the
    site the same build makes alone."""
    config = make_project(tmp_path / "forked")
    script = f"""
        import pytest
        from build_site import build_site
        from compiling import compiles
        compiled = compiles(pytest.MonkeyPatch())
        build_site({str(config)!r})
        print(len(started), *compiled)
    """
    forks, *compiled_here = run(script, count_forks=True).split()
    assert forks == "4"  # the quiz files, the theme's templates, the item-writing checks, then the quiz pages
    # What pages need from Material came compiled from the child; names made as a page renders (icons) did not.
    assert compiled_here and not {"main.html", "base.html", "partials/nav.html", "partials/footer.html"} & {
        *compiled_here}
    alone = make_project(tmp_path / "alone")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "can_fork", lambda: False)
        build_project(alone)
    compared = filecmp.dircmp(tmp_path / "forked" / "site", tmp_path / "alone" / "site")
    assert _differences(compared) == []
    assert list((tmp_path / "forked" / ".cache" / "quizzes" / "pages").iterdir())


def test_a_first_builds_qr_codes_drawn_by_a_child_are_the_ones_drawn_here(tmp_path: Path) -> None:
    config = make_project(tmp_path / "forked", closer="{}")  # the facilitators' link sheet: a code for every page
    script = f"""
        from build_site import build_site
        build_site({str(config)!r})
        print(len(started))
    """
    assert run(script, count_forks=True).split() == ["5"]  # the four of a build without codes, then the codes
    alone = make_project(tmp_path / "alone", closer="{}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "can_fork", lambda: False)
        build_project(alone)
    compared = filecmp.dircmp(tmp_path / "forked" / "site", tmp_path / "alone" / "site")
    assert _differences(compared) == []
    assert (tmp_path / "forked" / "site" / "facilitators" / "links" / "index.html").read_text(
        encoding="utf-8").count("<svg") >= 4


def test_qr_codes_no_page_asked_for_leave_no_child_behind(tmp_path: Path) -> None:
    # More codes than a pipe holds: a child nobody reads from would wait on it for as long as `mkdocs serve` runs.
    out = run(f"""
        from pathlib import Path
        from mkdocs_closer.facilitation.qr import QrCodes
        codes = QrCodes(Path({str(tmp_path)!r}) / "qr-codes.json", "s")
        codes.draw_ahead([f"https://example.org/{{n}}/" for n in range(200)])
        pid = codes.ahead.child[0]
        codes.save()
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            print("reaped", codes.ahead)
    """)
    assert out.split() == ["reaped", "None"]


def test_work_in_steps_stops_after_the_step_it_is_doing_when_asked() -> None:
    # The parent follows the child's steps and asks it to stop: it finishes the step it is on, then sends its result.
    out = run("""
        import time
        from mkdocs_closer.quizcore.forked import Stepped
        def work(steps):
            done = []
            for step in range(1000):
                time.sleep(0.01)
                done.append(step)
                if not steps.go_on():
                    break
            return os.getpid(), done
        work = Stepped(work)
        while work.steps_done() < 5:
            time.sleep(0.002)
        seen = work.steps_done()
        pid, done = work.stop()
        print(work.forked, pid != os.getpid(), done == list(range(len(done))), seen <= len(done) <= seen + 1)
    """)
    assert out.split() == ["False", "True", "True", "True"]


def test_work_in_steps_that_fails_or_cannot_fork_gives_no_result() -> None:
    out = run("""
        from mkdocs_closer.quizcore.forked import Stepped
        def fail(steps):
            steps.go_on()
            raise ValueError("only in the child")
        failed = Stepped(fail)
        print(failed.forked, failed.stop())
        threading.Thread(target=threading.Event().wait, daemon=True).start()
        alone = Stepped(lambda steps: "never")
        print(alone.forked, alone.steps_done(), alone.stop())
    """)
    assert out.split() == ["True", "None", "False", "0", "None"]


@pytest.mark.parametrize("ending", ["work.cancel()", "del work; import gc; gc.collect()"])
def test_work_in_steps_no_longer_wanted_stops_its_child(ending: str) -> None:
    # Cancelled by a build that failed, or let go of by one that never asked (its settings were read, nothing built).
    out = run(f"""
        import time
        from mkdocs_closer.quizcore.forked import Stepped
        work = Stepped(lambda steps: time.sleep(60))
        pid = work.child[0]
        {ending}
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            print("reaped")
    """)
    assert out.split() == ["reaped"]


def test_quiz_files_a_child_checked_against_other_pages_are_checked_again(tmp_path: Path) -> None:
    # The build's child reads the quiz files before the site's pages are known; a plugin then added the page a quiz
    # links to. The child found the link broken: its work is not used.
    config = make_project(tmp_path, quizzes={"linked.yml": """
        title: Linked
        type: knowledge-check
        lesson: lessons/one.md
        questions:
          - {id: q, type: reflection, prompt: "Read [the extra page](../extra.md) first."}
    """}, config_extra="hooks: [extra.py]\n")
    (tmp_path / "extra.py").write_text(
        "from mkdocs.plugins import event_priority\n"
        "from mkdocs.structure.files import File\n"
        "@event_priority(50)\n"
        "def on_files(files, config):\n"
        "    files.append(File.generated(config, 'extra.md', content='# Extra page\\n'))\n", encoding="utf-8")
    script = f"""
        from build_site import build_site
        build_site({str(config)!r}, strict=False)  # the page is not in the navigation
        print(len(started))
    """
    assert run(script, count_forks=True).strip() == "4"  # the quiz files, templates, item-writing checks, pages
    page = (tmp_path / "site" / "quizzes" / "linked" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../extra/">the extra page</a>' in page


def _differences(compared: filecmp.dircmp[str]) -> list[str]:
    """Every file that is in one folder only or differs, in `compared` and its subfolders."""
    found = [*compared.left_only, *compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
    found += mismatch + errors
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found


def write_quizzes(folder: Path) -> None:
    """Write 24 quiz files, a broken one in each half of them."""
    (folder / "quizzes").mkdir(parents=True)
    for i in range(24):
        text = (f"title: Check {i}\ntype: knowledge-check\nlesson: lessons/one.md\n"
                "questions:\n  - {id: q, type: reflection, prompt: Why?}\n")
        if i in (3, 20):
            text = text.replace("type: knowledge-check", "type: knowledge-chek")
        (folder / "quizzes" / f"check-{i:02}.yml").write_text(text, encoding="utf-8")


LOAD = """
    import json
    from pathlib import Path
    from mkdocs_closer.quizcore import QuizError, pipeline
    from mkdocs_closer.quizcore.cache import SchemaCache, read_marshalled
    root = Path({root!r})
    cache = SchemaCache(root / "valid")
    try:
        pipeline.load_quizzes(root / "quizzes", root=root, known_pages={{"lessons/one.md"}}, cache=cache)
    except QuizError as exc:
        print(json.dumps([str(problem) for problem in exc.problems]))
    print(len(started), len(read_marshalled(root / "valid")))
"""


def test_quiz_files_a_child_read_give_the_same_problems_and_cache_entries(tmp_path: Path) -> None:
    write_quizzes(tmp_path / "forked")
    problems, counts = run(LOAD.format(root=str(tmp_path / "forked")), count_forks=True).splitlines()
    assert counts.split() == ["1", "22"]  # one child shared the files; every valid file is remembered
    found = json.loads(problems)
    assert [problem.split(":")[0] for problem in found] == ["quizzes/check-03.yml", "quizzes/check-20.yml"]
    write_quizzes(tmp_path / "alone")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "can_fork", lambda: False)
        with pytest.raises(QuizError) as alone:
            load_quizzes(tmp_path / "alone" / "quizzes", root=tmp_path / "alone", known_pages={"lessons/one.md"})
    assert found == [str(problem) for problem in alone.value.problems]
