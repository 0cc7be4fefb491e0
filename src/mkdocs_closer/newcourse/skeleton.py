"""Render a new course's files from the templates in `templates/`, with article text escaped for where it lands."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from mkdocs_closer.newcourse.article import FENCE, Article, Paragraph, closes_fence, shorten
from mkdocs_closer.quizcore.schema import SCHEMA_FILE

TEMPLATES = Path(__file__).parent / "templates"
DISTRIBUTION = "mkdocs-closer"
QUIZ_TITLE_MAX = 60
EXCERPT_WORDS = 8
CHOICES = 3
"""How many choices the example question has."""
# The course's own files, by path in the new folder, and the template each comes from.
SITE_FILES = {
    "mkdocs.yml": "mkdocs.yml.j2",
    "docs/index.md": "index.md.j2",
    "docs/about.md": "about.md.j2",
    "README.md": "README.md.j2",
    "requirements.txt": "requirements.txt.j2",
    ".gitignore": "gitignore.j2",
    ".github/workflows/pages.yml": "pages.yml.j2",
}

# Characters PyYAML refuses in a stream, or reads as line breaks, even inside a JSON string.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Characters that start Markdown markup anywhere in a line (`|` with the tables extension, which the site uses).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|!])")
# Markup that only counts at the start of a line: lists, setext underlines, fences, admonitions and details.
_MD_LINE_START = (
    (re.compile(r"^(\d+)\."), r"\1\\."),
    (re.compile(r"^([-+])"), r"\\\1"),
    (re.compile(r"^="), "&#61;"),
    (re.compile(r"^~"), "&#126;"),
    (re.compile(r"^\?"), "&#63;"),
)
# In a Markdown article, code spans and autolinks are kept; any other `<` that could open an HTML tag is escaped.
_HTML_IN_MARKDOWN = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>)"
    r"|<(?=[A-Za-z/!?])",
    re.S,
)
_MD_MARKS = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]+|^\s*(?:#+|>|[-+]|\d+\.)\s+", re.M)


@dataclass(frozen=True)
class Lesson:
    """What the templates need of one lesson."""

    number: int
    title: str
    slug: str
    named: bool
    paragraphs: list[Paragraph]
    quiz_title: str
    right: int
    """Where the example question's right answer goes: moved from lesson to lesson, so no position gives it away."""

    @property
    def page(self) -> str:
        """The lesson's page, as a path inside `docs/`."""
        return f"lessons/{self.slug}.md"

    @property
    def choice_kinds(self) -> list[str]:
        """The example question's choices in order: `right`, `wrong` (a misconception) and `other` (another)."""
        kinds = ["wrong", "other"]
        kinds.insert(self.right, "right")
        return kinds


def render_course(article: Article, requirement: str) -> dict[str, str]:
    """Return the new course's files: path in the course folder to text."""
    env = _environment()
    lessons = _lessons(article)
    context = {
        "article": article,
        "lessons": lessons,
        "rows": _about_rows(article, lessons),
        "requirement": requirement,
        "body": lambda paragraph: paragraph_markdown(paragraph, markdown=article.markdown),
    }
    files = {path: env.get_template(name).render(context) for path, name in SITE_FILES.items()}
    for lesson in lessons:
        files[f"docs/{lesson.page}"] = env.get_template("lesson.md.j2").render(context, lesson=lesson)
        files[f"quizzes/{lesson.slug}.yml"] = env.get_template("quiz.yml.j2").render(context, lesson=lesson)
    # The quiz format, for editors that complete and check quiz files as they are typed (each file names it).
    files["quizzes/schema.json"] = SCHEMA_FILE.read_text(encoding="utf-8")
    return files


def _environment() -> Environment:
    """Return the Jinja environment of the templates, with a filter for each place text can land in."""
    # Nothing here is HTML: the filters escape each piece for its own place (YAML, Markdown, HTML in YAML).
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(yaml_str=yaml_str, html_text=html_text, md_text=md_text, quote=quote, excerpt=excerpt)
    return env


def _lessons(article: Article) -> list[Lesson]:
    """Return the article's sections as numbered lessons, each with a quiz title of its own."""
    lessons = []
    seen: set[str] = set()
    for index, section in enumerate(article.sections):
        base = f"Check: {shorten(section.title, QUIZ_TITLE_MAX)}"
        # Every quiz has one name in the whole course: two lessons can share a title, their quizzes cannot.
        title, copy = base, 1
        while title.casefold() in seen:
            copy += 1
            title = f"{base} ({copy})"
        seen.add(title.casefold())
        lessons.append(
            Lesson(index + 1, section.title, section.slug, section.named, section.paragraphs, title, index % CHOICES)
        )
    return lessons


def _about_rows(article: Article, lessons: list[Lesson]) -> list[tuple[Paragraph, Lesson | None]]:
    """Return every paragraph of the article with the lesson it went to (None: the home page), in order."""
    rows: list[tuple[Paragraph, Lesson | None]] = [(p, None) for p in article.introduction]
    rows += [(p, lesson) for lesson in lessons for p in lesson.paragraphs]
    return sorted(rows, key=lambda row: row[0].number)


def yaml_str(value: str) -> str:
    """Return `value` as a YAML double-quoted string: JSON's, with what YAML would misread escaped too."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def html_text(value: str) -> str:
    """Escape plain text for the places MkDocs themes write as HTML: `site_name` and navigation titles."""
    return escape(value, quote=True)


def md_text(value: str) -> str:
    """Escape plain text, line by line, so that Markdown shows every character of it and makes no markup."""
    return "\n".join(_md_line(line.strip()) for line in value.split("\n"))


def _md_line(line: str) -> str:
    """Escape one line of plain text for Markdown."""
    line = _MD_INLINE.sub(r"\\\1", escape(line, quote=False))
    for pattern, replacement in _MD_LINE_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def md_source(value: str) -> str:
    """Return a Markdown paragraph of the article with raw HTML shown as text; code is left as it is."""
    lines = value.split("\n")
    if all(line.startswith(("    ", "\t")) for line in lines):
        return value  # an indented code block shows `<` as it is
    out: list[str] = []
    prose: list[str] = []
    fence = ""

    def flush() -> None:
        if prose:
            out.append(_escape_html_in("\n".join(prose)))
            prose.clear()

    for line in lines:
        opening = FENCE.match(line)
        if fence:
            out.append(line)
            fence = "" if closes_fence(fence, line) else fence
        elif opening:
            flush()
            out.append(line)
            fence = opening.group(1)
        else:
            prose.append(line)
    flush()
    return "\n".join(out)


def _escape_html_in(text: str) -> str:
    """Escape each `<` of `text` that could open an HTML tag, outside code spans and autolinks."""
    return _HTML_IN_MARKDOWN.sub(lambda m: m.group("code") or m.group("autolink") or "&lt;", text)


def paragraph_markdown(paragraph: Paragraph, *, markdown: bool) -> str:
    """Return a paragraph as Markdown for a page: a Markdown article's as written, a plain one's escaped."""
    return md_source(paragraph.text) if markdown else md_text(paragraph.text)


def quote(value: str) -> str:
    """Return Markdown `value` as a blockquote: every line prefixed with `> `."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in value.split("\n"))


def excerpt(value: str, markdown: bool = False, words: int = EXCERPT_WORDS) -> str:
    """Return the first `words` words of a paragraph (a Markdown one without its marks), with `…` if it goes on."""
    if markdown:
        value = _MD_MARKS.sub(lambda m: m.group(1) or " ", value)
    found = value.split()
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def engine_requirement(lookup: Callable[[str], metadata.Distribution] | None = None) -> str:
    """Return the `requirements.txt` line that installs the engine this course was made with."""
    try:
        distribution = (lookup or metadata.distribution)(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return DISTRIBUTION
    origin = vcs_origin(distribution.read_text("direct_url.json"))
    return f"{DISTRIBUTION} @ {origin}" if origin else f"{DISTRIBUTION}=={distribution.version}"


def vcs_origin(direct_url: str | None) -> str | None:
    """Return `git+<url>@<commit>` from a PEP 610 `direct_url.json`, or None when it was not installed from a VCS."""
    try:
        data = json.loads(direct_url or "null")
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("vcs_info"), dict):
        return None
    url, info = data.get("url"), data["vcs_info"]
    commit, vcs = info.get("commit_id"), info.get("vcs", "git")
    if not (isinstance(url, str) and isinstance(commit, str) and isinstance(vcs, str)):
        return None
    url = without_credentials(url)
    return f"{'' if url.startswith(f'{vcs}+') else f'{vcs}+'}{url}@{commit}"


def without_credentials(url: str) -> str:
    """Drop a user name and password from `url`: the line goes into a repository that others read."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, path = rest.partition("/")
    user, at, host = authority.rpartition("@")
    # PEP 610 keeps `git@` (SSH's user, not a secret) and `${VARIABLE}`s, which installers fill in.
    if not at or user == "git" or re.fullmatch(r"\$\{\w+\}(:\$\{\w+\})?", user):
        return url
    return f"{scheme}://{host}{slash}{path}"
