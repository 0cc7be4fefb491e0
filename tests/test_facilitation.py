"""The facilitators' pages' own logic: what a plan links to, published addresses, QR codes, navigation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import segno
from in_process import InProcess
from qr_reading import decode, path_matrix

from mkdocs_closer.facilitation import qr
from mkdocs_closer.facilitation.links import Link, plan_links, published_path, published_url
from mkdocs_closer.facilitation.nav import add_facilitator_pages
from mkdocs_closer.facilitation.pack import covered, exercise, rebase_links, summary
from mkdocs_closer.facilitation.qr import QUIET_ZONE, qr_code
from mkdocs_closer.quizcore import forked

PLAN = "facilitators/session-1.md"
FOLDERS = ("lessons/", "quizzes/")
SECTION = ("facilitators/", "For facilitators")


def test_plan_links_keep_order_anchors_and_drop_repeats() -> None:
    markdown = """\
# Session 1

Read [the lesson](../lessons/opening-up.md), then [a section](../lessons/opening-up.md#a-gentle-way-in "title").
Do [the check](../quizzes/opening-up.md#first-question) and [the lesson again](../lessons/opening-up.md).
Later: [ref link][assess] and [Listening][].

[assess]: ../quizzes/how-i-open-up.md
[listening]: <../lessons/listening.md>
"""
    assert plan_links(markdown, PLAN, FOLDERS) == [
        Link("lessons/opening-up.md", "", "the lesson"),
        Link("lessons/opening-up.md", "a-gentle-way-in", "a section"),
        Link("quizzes/opening-up.md", "first-question", "the check"),
        Link("quizzes/how-i-open-up.md", "", "ref link"),
        Link("lessons/listening.md", "", "Listening"),
    ]


def test_plan_links_skip_other_pages_images_code_and_the_web() -> None:
    markdown = """\
[Home](../index.md) [help](../get-help.md) [web](https://example.org/lessons/x.md) ![](../lessons/pic.md)
`[code](../lessons/in-code.md)` [mail](mailto:a@b.c) [other plan](session-2.md) [self](#agenda)

```
[fenced](../lessons/fenced.md)
```
[kept](../lessons/kept.md)
"""
    assert plan_links(markdown, PLAN, FOLDERS) == [Link("lessons/kept.md", "", "kept")]


def test_published_addresses_follow_the_sites_url_style() -> None:
    assert published_path("lessons/opening-up.md", True) == "lessons/opening-up/"
    assert published_path("lessons/opening-up.md", False) == "lessons/opening-up.html"
    assert published_path("index.md", True) == "" and published_path("lessons/index.md", True) == "lessons/"
    assert published_path("index.md", False) == "index.html"
    link = Link("quizzes/opening-up.md", "q2")
    assert published_url("https://x.org/closer/", link, True) == "https://x.org/closer/quizzes/opening-up/#q2"
    assert published_url("https://x.org/closer", Link("lessons/a.md"), False) == "https://x.org/closer/lessons/a.html"


def test_a_qr_code_draws_exactly_the_matrix_segno_makes_for_its_url() -> None:
    url = "https://closer-course.github.io/closer/quizzes/opening-up/#a-gentle-way-in"
    code = qr_code(url)
    expected = [[bool(m) for m in row] for row in segno.make_qr(url, error="m").matrix_iter(border=QUIET_ZONE)]
    assert path_matrix(code.size, code.path) == expected
    assert not segno.make_qr(url, error="m").is_micro
    assert decode(path_matrix(code.size, code.path)) == [url]


def test_qr_reading_notices_a_wrong_module() -> None:
    url = "https://closer-course.github.io/closer/lessons/listening/"
    code = qr_code(url)
    other = qr_code(url.replace("listening", "listenin"))
    assert path_matrix(code.size, code.path) != path_matrix(other.size, other.path)
    assert decode([[False] * 21 for _ in range(21)]) == []


def test_sheets_join_the_facilitators_section_once() -> None:
    nav = [{"Home": "index.md"}, {"For facilitators": [{"Guide": "facilitators/index.md"}, "facilitators/one-day.md"]}]
    pages = [{"Link sheet": "facilitators/links.md"}, "facilitators/links/one-day.md"]
    add_facilitator_pages(nav, pages, *SECTION)
    add_facilitator_pages(nav, pages, *SECTION)
    assert nav[1] == {"For facilitators": [{"Guide": "facilitators/index.md"}, "facilitators/one-day.md", *pages]}


def test_sheets_get_their_own_section_when_the_site_has_none() -> None:
    nav = [{"Home": "index.md"}, {"Lessons": ["lessons/a.md"]}]
    add_facilitator_pages(nav, ["facilitators/links.md"], *SECTION)
    assert nav[-1] == {"For facilitators": ["facilitators/links.md"]}
    nested = [{"Course": [{"Resources": [{"Plan": "facilitators/session-1.md"}]}]}]
    add_facilitator_pages(nested, ["facilitators/links.md"], *SECTION)
    assert nested == [{"Course": [{"Resources": [{"Plan": "facilitators/session-1.md"}, "facilitators/links.md"]}]}]
    add_facilitator_pages(None, ["facilitators/links.md"], *SECTION)  # no nav: MkDocs lists every page itself


LESSON = """\
# Listening

!!! abstract "In short"
    Listening well is more than staying quiet. It means showing
    what you [heard](../glossary.md#echo).

## Practice: Floor and Echo

!!! note "Alone or together"
    Try the solo version first.

1. Choose an easy topic, as in [lesson 5](opening-up.md#practice).
2. Pick an object to be "the floor".
   Whoever holds it talks.

3. Swap when the speaker feels heard.

**Solo version.** Write an echo.

## Reflect

1. Not an exercise step.
"""


def test_the_pack_reads_a_lessons_summary_and_an_exercises_steps() -> None:
    assert summary(LESSON, "In short") == ("Listening well is more than staying quiet. It means showing what you "
                               "[heard](../glossary.md#echo).")
    found = exercise(LESSON, "Practice: Floor and Echo")
    assert found and found.title == "Practice: Floor and Echo"
    assert found.steps.startswith("1. Choose") and found.steps.endswith("3. Swap when the speaker feels heard.")
    assert "Solo version" not in found.steps and "Not an exercise step" not in found.steps
    assert exercise(LESSON, "Practice: Something else") is None and summary("# No box\n", "In short") == ""


def test_links_taken_into_the_pack_still_reach_their_pages() -> None:
    steps = exercise(LESSON, "Practice: Floor and Echo").steps  # type: ignore[union-attr]
    moved = rebase_links(steps, "lessons/listening.md", "facilitators/pack.md")
    assert "[lesson 5](../lessons/opening-up.md#practice)" in moved
    assert rebase_links("[g](../glossary.md#echo) [web](https://example.org/) [here](#top)", "lessons/x.md",
                        "facilitators/pack.md") == "[g](../glossary.md#echo) [web](https://example.org/) [here](#top)"


def test_a_plan_covers_the_pages_its_first_paragraph_links_to() -> None:
    plan = ("# Session 1\n\nThis covers [lesson 1](../lessons/one.md) and\n"
            "[lesson 2](../lessons/two.md).\n\n## Materials\n\n- [Lesson 3](../lessons/three.md)\n")
    assert covered(plan, "facilitators/session-1.md", FOLDERS) == ["lessons/one.md", "lessons/two.md"]


def test_qr_codes_are_kept_between_builds_and_drawn_again_after_an_upgrade(tmp_path: Path, monkeypatch) -> None:
    url = "https://example.org/course/lessons/listening/"
    first = qr.QrCodes(tmp_path / "qr-codes.json", "segno 1")
    code = first.get(url)
    first.save()
    monkeypatch.setattr(qr, "qr_code", lambda text: pytest.fail("the code was drawn again"))
    assert qr.QrCodes(tmp_path / "qr-codes.json", "segno 1").get(url) == code
    drawn = []
    monkeypatch.setattr(qr, "qr_code", lambda text: drawn.append(text) or code)
    qr.QrCodes(tmp_path / "qr-codes.json", "segno 2").get(url)
    (tmp_path / "qr-codes.json").write_text("{not json", encoding="utf-8")
    qr.QrCodes(tmp_path / "qr-codes.json", "segno 1").get(url)
    assert drawn == [url, url]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts whose QR codes are drawn, in order; work drawn ahead is done here, when its first code is asked for."""
    texts: list[str] = []
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    monkeypatch.setattr(qr, "qr_code", lambda text: texts.append(text) or qr_code(text))
    return texts


def test_codes_no_build_kept_are_drawn_ahead_once(tmp_path: Path, monkeypatch, drawn: list[str]) -> None:
    kept, ahead, later = (f"https://example.org/{name}/" for name in ("kept", "ahead", "later"))
    first = qr.QrCodes(tmp_path / "qr-codes.json", "s")
    first.get(kept)
    first.save()
    monkeypatch.setattr(qr, "Forked", InProcess)
    codes = qr.QrCodes(tmp_path / "qr-codes.json", "s")
    codes.draw_ahead([kept, ahead, kept, ahead])
    assert drawn == [kept]  # the first build's; the work ahead starts when a code is first asked for
    asked = (kept, ahead, kept, later)
    assert [codes.get(url) for url in asked] == [qr_code(url) for url in asked]
    assert drawn == [kept, ahead, later]
    codes.draw_ahead([kept])
    assert codes.ahead is None


def test_without_a_child_each_code_is_drawn_when_asked_for(tmp_path: Path, drawn: list[str]) -> None:
    codes = qr.QrCodes(tmp_path / "qr-codes.json", "s")
    codes.draw_ahead(["https://example.org/a/", "https://example.org/b/"])
    assert codes.ahead is None and drawn == []
    codes.get("https://example.org/b/")
    assert drawn == ["https://example.org/b/"]


def test_only_the_codes_a_build_uses_are_kept(tmp_path: Path) -> None:
    codes = qr.QrCodes(tmp_path / "qr-codes.json", "s")
    codes.get("https://example.org/a/")
    codes.get("https://example.org/b/")
    codes.save()
    later = qr.QrCodes(tmp_path / "qr-codes.json", "s")
    later.get("https://example.org/b/")
    later.save()
    assert list(json.loads((tmp_path / "qr-codes.json").read_text(encoding="utf-8"))["codes"]) == [
        "https://example.org/b/"]
