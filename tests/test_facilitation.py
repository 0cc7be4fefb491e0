"""The facilitators' pages' own logic: what a plan links to, published addresses, QR codes, navigation."""

from __future__ import annotations

import segno
from facilitation.links import Link, plan_links, published_path, published_url
from facilitation.nav import add_facilitator_pages
from facilitation.qr import QUIET_ZONE, qr_code
from qr_reading import decode, path_matrix

PLAN = "facilitators/session-1.md"


def test_plan_links_keep_order_anchors_and_drop_repeats() -> None:
    markdown = """\
# Session 1

Read [the lesson](../lessons/opening-up.md), then [a section](../lessons/opening-up.md#a-gentle-way-in "title").
Do [the check](../quizzes/opening-up.md#first-question) and [the lesson again](../lessons/opening-up.md).
Later: [ref link][assess] and [Listening][].

[assess]: ../quizzes/how-i-open-up.md
[listening]: <../lessons/listening.md>
"""
    assert plan_links(markdown, PLAN) == [
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
    assert plan_links(markdown, PLAN) == [Link("lessons/kept.md", "", "kept")]


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
    add_facilitator_pages(nav, pages)
    add_facilitator_pages(nav, pages)
    assert nav[1] == {"For facilitators": [{"Guide": "facilitators/index.md"}, "facilitators/one-day.md", *pages]}


def test_sheets_get_their_own_section_when_the_site_has_none() -> None:
    nav = [{"Home": "index.md"}, {"Lessons": ["lessons/a.md"]}]
    add_facilitator_pages(nav, ["facilitators/links.md"])
    assert nav[-1] == {"For facilitators": ["facilitators/links.md"]}
    nested = [{"Course": [{"Resources": [{"Plan": "facilitators/session-1.md"}]}]}]
    add_facilitator_pages(nested, ["facilitators/links.md"])
    assert nested == [{"Course": [{"Resources": [{"Plan": "facilitators/session-1.md"}, "facilitators/links.md"]}]}]
    add_facilitator_pages(None, ["facilitators/links.md"])  # no nav: MkDocs lists every page itself
