"""MkDocs hook: the facilitators' generated pages, link sheets with QR codes and the answer key (thin glue)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitation.links import Link, is_course_page, plan_links, published_url
from facilitation.nav import add_facilitator_pages
from facilitation.pack import Exercise, Session, covered, exercise, rebase_links, summary
from facilitation.qr import QrCode, qr_code
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from quizcore import QUIZ_DIR, Quiz, latest_quizzes
from quizcore.fragments import inline_markdown, page_link
from quizcore.sanitize import html_text, plain_text, sanitize, text_filters
from quizcore.strings import merge_strings

LINK_SHEET = "facilitators/links.md"
ANSWER_KEY = "facilitators/answer-key.md"
PACK = "facilitators/pack.md"
_PLAN = re.compile(r"^facilitators/(?P<name>session-[^/]+|one-day)\.md$")
_DESCRIPTION = {
    LINK_SHEET: "Every lesson, knowledge check and self-assessment of Closer, with its web address and a QR code to "
    "print or show to a group.",
    ANSWER_KEY: "Right answers and explanations for every knowledge check, and how each self-assessment is scored: "
    "reversed statements and score bands.",
    PACK: "A page per session to print for each participant: the key ideas, the exercise, room to write and QR codes "
    "to the session's lessons and checks.",
}


@dataclass(frozen=True)
class Entry:
    """One page on a link sheet: its title (and section's), kind, link from the sheet, published address, QR code."""

    title: str
    section: str
    kind: str
    href: str
    url: str
    qr: QrCode


class _State:
    """What one build learns before the pages are rendered; reset by `on_config` for `mkdocs serve`."""

    def __init__(self) -> None:
        self.directory_urls = True
        self.sheets: dict[str, tuple[str, list[Link]]] = {}
        self.course: list[Page] = []
        self.quizzes: dict[str, Quiz] = {}
        self.env: Any = None


state = _State()


@event_priority(100)  # Before Material's offline plugin turns directory URLs off: QR codes show the published site.
def on_config(config: MkDocsConfig) -> None:
    """Remember how the published site spells its addresses; link sheets need the site's own address."""
    state.__init__()
    if not config.site_url:
        raise PluginError("Link sheets print each page's web address: set `site_url` in mkdocs.yml.")
    state.directory_urls = config.use_directory_urls


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the link sheet, one sheet per session plan and the answer key, and list them in the navigation."""
    settings = config.extra.get("quizzes") or {}
    try:
        quizzes = latest_quizzes(Path(config.config_file_path).parent / settings.get("dir", QUIZ_DIR))
    except KeyError:
        raise PluginError("The answer key needs the quizzes: list hooks/quizzes.py before this hook.") from None
    state.quizzes = {quiz.src_uri: quiz for quiz in quizzes}
    plans = sorted((f for f in files.documentation_pages() if _PLAN.match(f.src_uri)), key=_plan_order)
    for plan in plans:
        sheet = f"facilitators/links/{_PLAN.match(plan.src_uri)['name']}.md"  # type: ignore[index]
        state.sheets[sheet] = (plan.src_uri, plan_links(plan.content_string, plan.src_uri))
    for uri in (LINK_SHEET, *state.sheets, ANSWER_KEY, PACK):
        files.append(File.generated(config, uri, content=""))
    add_facilitator_pages(config.nav, [{"Link sheet": LINK_SHEET}, *state.sheets, {"Answer key": ANSWER_KEY},
                                       {"Participant pack": PACK}])
    state.env = config.theme.get_env()
    state.env.filters.update(text_filters(), inline_markdown=inline_markdown,
                             page_link=lambda target: page_link(ANSWER_KEY, target))
    state.env.globals["t"] = merge_strings(settings.get("strings"), config.theme.get("language") or "en")
    return files


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
    """Note the lessons and quizzes in the order of the navigation."""
    state.course = [page for page in nav.pages if is_course_page(page.file.src_uri)]


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Write a generated page; the pages it lists were read before it, so their titles and headings are known."""
    uri = page.file.src_uri
    if uri == LINK_SHEET:
        page.meta["description"] = _DESCRIPTION[uri]
        links = [Link(course_page.file.src_uri) for course_page in state.course]
        return _link_sheet(page, files, config, "Link sheet", links)
    if uri in state.sheets:
        plan_uri, links = state.sheets[uri]
        plan = files.get_file_from_path(plan_uri).page  # type: ignore[union-attr]
        plan_title = plain_text(str(plan.title))
        page.meta["description"] = html_text(
            f"Web addresses and QR codes of the pages that {plan_title} uses, to print or show.")
        return _link_sheet(page, files, config, f"Link sheet: {plan_title}", links,
                           plan={"title": plan_title, "href": page_link(uri, plan_uri)})
    if uri == PACK:
        page.meta["description"] = _DESCRIPTION[uri]
        # A one-day workshop hands out the pages of the sessions it joins: the pack has a page per session plan.
        sessions = [_session(files, plan_uri, links) for plan_uri, links in state.sheets.values()
                    if plan_uri.startswith("facilitators/session-")]
        codes = {session.id: _entries(page, files, config, session.pages) for session in sessions}
        return state.env.get_template("facilitators/pack.html").render(sessions=sessions, codes=codes)
    if uri == ANSWER_KEY:
        page.meta.update(description=_DESCRIPTION[uri], search={"exclude": True})
        ordered = [state.quizzes[p.file.src_uri] for p in state.course if p.file.src_uri in state.quizzes]
        return state.env.get_template("facilitators/answer-key.html").render(quizzes=ordered)
    return None


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Strip anything executable from the answer key's quiz text, as quiz pages do."""
    return sanitize(html) if page.file.src_uri == ANSWER_KEY else None


def _link_sheet(
    page: Page, files: Files, config: MkDocsConfig, title: str, links: Iterable[Link], **context: Any
) -> str:
    entries = _entries(page, files, config, links)
    return state.env.get_template("facilitators/link-sheet.html").render(title=title, entries=entries, **context)


def _entries(page: Page, files: Files, config: MkDocsConfig, links: Iterable[Link]) -> list[Entry]:
    """Describe each linked course page for `page`: title, section, kind, link, web address and QR code."""
    entries = []
    for link in links:
        target = files.get_file_from_path(link.page)
        if target is None or target.page is None:
            continue  # MkDocs reports a plan's broken link itself.
        url = published_url(config.site_url or "", link, state.directory_urls)
        quiz = state.quizzes.get(link.page)
        entries.append(Entry(
            title=plain_text(str(target.page.title)),
            section=(_heading(target.page.toc, link.anchor) or link.text) if link.anchor else "",
            kind=quiz.type if quiz else "lesson",
            href=get_relative_url(target.url, page.url) + (f"#{link.anchor}" if link.anchor else ""),
            url=url,
            qr=qr_code(url),
        ))
    return entries


def _session(files: Files, plan_uri: str, links: list[Link]) -> Session:
    """Read one session's page of the pack from its plan and the lessons the plan says it covers.

    The page holds those lessons' "In short", the steps of each of their exercises the plan uses, and the pages to
    open: those lessons and the plan's quizzes.
    """
    plan = files.get_file_from_path(plan_uri).page  # type: ignore[union-attr]
    session = Session(_PLAN.match(plan_uri)["name"], plain_text(str(plan.title)))  # type: ignore[index, union-attr]
    lessons = {uri: file.page for uri in covered(plan.markdown or "", plan_uri)  # type: ignore[union-attr]
               if uri not in state.quizzes and (file := files.get_file_from_path(uri)) and file.page}
    for uri, lesson in lessons.items():
        text = rebase_links(summary(lesson.markdown or ""), uri, PACK)
        session.summaries.append((plain_text(str(lesson.title)), text))
    for link in links:
        lesson = lessons.get(link.page)
        heading = _heading(lesson.toc, link.anchor) if lesson and link.anchor else ""
        found = exercise(lesson.markdown or "", heading) if lesson and heading.startswith("Practice") else None
        if found and found.title not in [e.title for e in session.exercises]:
            session.exercises.append(Exercise(found.title, rebase_links(found.steps, link.page, PACK)))
    opened = [link.page for link in links if link.page in lessons or link.page in state.quizzes]
    session.pages = [Link(uri) for uri in dict.fromkeys(opened)]
    return session


def _heading(toc: Iterable[Any], anchor: str) -> str:
    """Return the text of the heading with id `anchor` in a page's table of contents, or ""."""
    for item in toc:
        if item.id == anchor:
            return html.unescape(item.title)
        if found := _heading(item.children, anchor):
            return found
    return ""


def _plan_order(file: File) -> tuple[bool, list[int | str]]:
    """Sessions in number order (session-2 before session-10), then the one-day plan."""
    name = file.src_uri.removeprefix("facilitators/")
    return name.startswith("one-day"), [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]
