"""The facilitators' generated pages in a MkDocs build: link sheets with QR codes, the answer key, the pack."""

from __future__ import annotations

import fnmatch
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_closer.config import FacilitatorsConfig
from mkdocs_closer.facilitation.links import Link, is_course_page, plan_links, published_url
from mkdocs_closer.facilitation.nav import add_facilitator_pages
from mkdocs_closer.facilitation.pack import Exercise, Session, covered, exercise, rebase_links, summary
from mkdocs_closer.facilitation.qr import QrCode, QrCodes
from mkdocs_closer.quizcore import Quiz
from mkdocs_closer.quizcore.cache import versions_digest
from mkdocs_closer.quizcore.fragments import inline_markdown, page_link
from mkdocs_closer.quizcore.nav import NavItem
from mkdocs_closer.quizcore.sanitize import html_text, plain_text, sanitize, text_filters


@dataclass(frozen=True)
class Entry:
    """One page on a link sheet: its title (and section's), kind, link from the sheet, published address, QR code."""

    title: str
    section: str
    kind: str
    href: str
    url: str
    qr: QrCode


class FacilitatorPages:
    """The link sheets, answer key and participant pack of one build, and what they are made from."""

    def __init__(
        self, options: FacilitatorsConfig, strings: dict[str, str], lessons: str, cache_dir: Path | None
    ) -> None:
        self.options = options
        self.strings = strings
        folder = options.folder
        self.link_sheet = f"{folder}links.md"
        self.answer_key = f"{folder}answer-key.md"
        self.pack = f"{folder}pack.md"
        self.course_folders = (lessons, "quizzes/")
        self.directory_urls = True
        self.site_url = ""
        self.sheets: dict[str, tuple[str, list[Link]]] = {}
        self.course: list[Page] = []
        self.quizzes: dict[str, Quiz] = {}
        self.env: Any = None
        self.codes = QrCodes(cache_dir and cache_dir / "qr-codes.json", versions_digest())

    def configure(self, config: MkDocsConfig) -> None:
        """Remember how the published site spells its addresses; link sheets need the site's own address."""
        if not config.site_url:
            raise PluginError("Link sheets print each page's web address: set `site_url` in mkdocs.yml, or turn the "
                              "facilitators' pages off (`facilitators: {enabled: false}` under the closer plugin).")
        self.site_url = config.site_url
        self.directory_urls = config.use_directory_urls

    def add(self, files: Files, config: MkDocsConfig, quizzes: list[Quiz], env: Any) -> None:
        """Add the link sheet, one sheet per session plan, the answer key and the pack, and list them in the nav."""
        self.quizzes = {quiz.src_uri: quiz for quiz in quizzes}
        plans = sorted((f for f in files.documentation_pages() if self._plan_name(f.src_uri)), key=self._plan_order)
        for plan in plans:
            sheet = f"{self.options.folder}links/{self._plan_name(plan.src_uri)}.md"
            self.sheets[sheet] = (plan.src_uri, plan_links(plan.content_string, plan.src_uri, self.course_folders))
        # A pack with no session in it would be an empty page: it comes with the first plan that has a page there.
        in_pack = any(fnmatch.fnmatchcase(self._plan_name(plan), self.options.pack) for plan, _ in self.sheets.values())
        t = self.strings
        entries: list[NavItem] = [{t["link_sheet_title"]: self.link_sheet}, *self.sheets,
                                  {t["answer_key_title"]: self.answer_key}]
        if in_pack:
            entries.append({t["pack_title"]: self.pack})
        for uri in (self.link_sheet, *self.sheets, self.answer_key, *([self.pack] if in_pack else [])):
            files.append(File.generated(config, uri, content=""))
        add_facilitator_pages(config.nav, entries, self.options.folder, self.options.section)
        self.env = env
        self.env.filters.update(text_filters(), inline_markdown=inline_markdown,
                                page_link=lambda target: page_link(self.answer_key, target))
        self.env.globals["t"] = self.strings

    def learn_order(self, nav: Navigation) -> None:
        """Note the lessons and quizzes in the order of the navigation; start drawing the QR codes of the sheets."""
        self.course = [page for page in nav.pages if is_course_page(page.file.src_uri, self.course_folders)]
        # The sheets come after every other page: there is time to draw their codes beside the build.
        planned = [link for _, links in self.sheets.values() for link in links]
        links = [*(Link(page.file.src_uri) for page in self.course), *planned]
        self.codes.draw_ahead(published_url(self.site_url, link, self.directory_urls) for link in links)

    def write(self, page: Page, files: Files) -> str | None:
        """Write a generated page; the pages it lists were read before it, so their titles and headings are known."""
        uri, t = page.file.src_uri, self.strings
        if uri == self.link_sheet:
            page.meta["description"] = html_text(t["link_sheet_description"])
            links = [Link(course_page.file.src_uri) for course_page in self.course]
            return self._link_sheet(page, files, t["link_sheet_title"], links)
        if uri in self.sheets:
            plan_uri, links = self.sheets[uri]
            plan = files.get_file_from_path(plan_uri).page  # type: ignore[union-attr]
            plan_title = plain_text(str(plan.title if plan else plan_uri))
            page.meta["description"] = html_text(t["plan_sheet_description"].replace("{plan}", plan_title))
            return self._link_sheet(page, files, t["plan_sheet_title"].replace("{plan}", plan_title), links,
                                    plan={"title": plan_title, "href": page_link(uri, plan_uri)})
        if uri == self.pack:
            page.meta["description"] = html_text(t["pack_description"])
            # A one-day workshop hands out the pages of the sessions it joins: the pack has a page per session plan.
            sessions = [self._session(files, plan_uri, links) for plan_uri, links in self.sheets.values()
                        if fnmatch.fnmatchcase(self._plan_name(plan_uri), self.options.pack)]
            codes = {session.id: self._entries(page, files, session.pages) for session in sessions}
            return str(self.env.get_template("facilitators/pack.html").render(sessions=sessions, codes=codes))
        if uri == self.answer_key:
            page.meta.update(description=html_text(t["answer_key_description"]), search={"exclude": True})
            ordered = [self.quizzes[p.file.src_uri] for p in self.course if p.file.src_uri in self.quizzes]
            return str(self.env.get_template("facilitators/answer-key.html").render(quizzes=ordered))
        return None

    def clean(self, html: str, page: Page) -> str | None:
        """Strip anything executable from the answer key's quiz text, as quiz pages do; list only its quizzes."""
        if page.file.src_uri != self.answer_key:
            return None
        # Every question's whole prompt under its quiz made a table of contents too long to find a quiz in.
        for title in page.toc:
            for quiz in title.children:
                quiz.children = []
        return sanitize(html)

    def remember(self) -> None:
        """Keep this build's QR codes for the next."""
        self.codes.save()

    def cancel(self) -> None:
        """Stop the work begun for the build."""
        self.codes.cancel()

    def _link_sheet(self, page: Page, files: Files, title: str, links: Iterable[Link], **context: Any) -> str:
        entries = self._entries(page, files, links)
        template = self.env.get_template("facilitators/link-sheet.html")
        return str(template.render(title=title, entries=entries, **context))

    def _entries(self, page: Page, files: Files, links: Iterable[Link]) -> list[Entry]:
        """Describe each linked course page for `page`: title, section, kind, link, web address and QR code."""
        entries = []
        for link in links:
            target = files.get_file_from_path(link.page)
            if target is None or target.page is None:
                continue  # MkDocs reports a plan's broken link itself.
            url = published_url(self.site_url, link, self.directory_urls)
            quiz = self.quizzes.get(link.page)
            entries.append(Entry(
                title=plain_text(str(target.page.title)),
                section=(_heading(target.page.toc, link.anchor) or link.text) if link.anchor else "",
                kind=quiz.type if quiz else "lesson",
                href=get_relative_url(target.url, page.url) + (f"#{link.anchor}" if link.anchor else ""),
                url=url,
                qr=self.codes.get(url),
            ))
        return entries

    def _session(self, files: Files, plan_uri: str, links: list[Link]) -> Session:
        """Read one session's page of the pack from its plan and the lessons the plan says it covers.

        The page holds those lessons' summaries, the steps of each of their exercises the plan uses, and the pages
        to open: those lessons and the plan's quizzes.
        """
        plan = files.get_file_from_path(plan_uri).page  # type: ignore[union-attr]
        session = Session(self._plan_name(plan_uri), plain_text(str(plan.title)))  # type: ignore[union-attr]
        plan_text = plan.markdown or ""  # type: ignore[union-attr]
        lessons: dict[str, Page] = {
            uri: file.page for uri in covered(plan_text, plan_uri, self.course_folders)
            if uri not in self.quizzes and (file := files.get_file_from_path(uri)) and file.page}
        for uri, lesson in lessons.items():
            text = rebase_links(summary(lesson.markdown or "", self.options.summary), uri, self.pack)
            session.summaries.append((plain_text(str(lesson.title)), text))
        for link in links:
            used = lessons.get(link.page)
            heading = _heading(used.toc, link.anchor) if used and link.anchor else ""
            found = exercise(used.markdown or "", heading) if used and heading.startswith(self.options.exercises) \
                else None
            if found and found.title not in [e.title for e in session.exercises]:
                session.exercises.append(Exercise(found.title, rebase_links(found.steps, link.page, self.pack)))
        opened = [link.page for link in links if link.page in lessons or link.page in self.quizzes]
        session.pages = [Link(uri) for uri in dict.fromkeys(opened)]
        return session

    def _plan_name(self, src_uri: str) -> str:
        """Return the name of the session plan at `src_uri` (`session-1`), or "" if it is not one."""
        folder = self.options.folder
        if not src_uri.startswith(folder) or not src_uri.endswith(".md"):
            return ""
        name = src_uri[len(folder):-3]
        return name if "/" not in name and any(fnmatch.fnmatchcase(name, p) for p in self.options.plans) else ""

    def _plan_order(self, file: File) -> tuple[bool, list[int | str]]:
        """Plans of the pack first, in number order (session-2 before session-10), then the others."""
        name = self._plan_name(file.src_uri)
        in_pack = fnmatch.fnmatchcase(name, self.options.pack)
        return not in_pack, [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def _heading(toc: Iterable[Any], anchor: str) -> str:
    """Return the text of the heading with id `anchor` in a page's table of contents, or ""."""
    for item in toc:
        if item.id == anchor:
            return html.unescape(item.title)
        if found := _heading(item.children, anchor):
            return found
    return ""
