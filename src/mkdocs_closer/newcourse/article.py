"""Split an article into a course title, an introduction and lessons, by rules simple enough to predict.

Markdown (the first line is a `# ` heading, or any line a `## ` heading): the first `# ` heading is the title, each
`## ` heading starts a lesson, paragraphs before the first `## ` are the introduction. Plain text: the first non-empty
line is the title; short one-line paragraphs without closing punctuation are headings that start lessons; with none,
paragraphs are grouped a few at a time. Paragraphs are blocks of lines between blank lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

HEADING_MAX = 80
HEADING_ENDS = ".?!:;"
# Closing quotes and brackets do not hide how a line ends: `He said “Stop.”` ends a sentence.
CLOSERS = "\"'\u201d\u2019\u00bb)]"
GROUP_TITLE_MAX = 60
SLUG_MAX = 40
# `lessons/index.md` would be the lessons folder's own page, and `index` is not a quiz id.
RESERVED_SLUGS = frozenset({"index"})

_MD_HEADING = re.compile(r"^ {0,3}(#{1,2})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SENTENCE_END = re.compile(rf"[.?!][{re.escape(CLOSERS)}]*(?=\s|$)")
# Letters that Unicode does not decompose into an ASCII letter and an accent.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d",
                       "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "\u0131": "i"})


class ArticleError(ValueError):
    """An article that cannot become a course; `line` is 1-based, or None for the whole article."""

    def __init__(self, message: str, line: int | None = None) -> None:
        """Keep the message and the line it is about."""
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its position among all the article's paragraphs, its text and its first line."""

    number: int
    text: str
    line: int


@dataclass(frozen=True)
class Section:
    """One lesson's share of the article; `named` is False when its title is only the start of its text."""

    title: str
    slug: str
    paragraphs: list[Paragraph]
    named: bool = True


@dataclass(frozen=True)
class Article:
    """The article as a course: its title, the paragraphs for the home page and one section per lesson."""

    title: str
    introduction: list[Paragraph]
    sections: list[Section]
    markdown: bool = False
    title_line: int = 1
    paragraph_count: int = field(init=False)

    def __post_init__(self) -> None:
        """Count the paragraphs once."""
        count = len(self.introduction) + sum(len(s.paragraphs) for s in self.sections)
        object.__setattr__(self, "paragraph_count", count)


@dataclass
class _Heading:
    """A heading found while reading: its title, its line and the paragraphs up to the next one."""

    title: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)


def read_article(text: str, *, paragraphs: int = 3) -> Article:
    """Split `text` into a course; raise ArticleError when it has no title or no paragraphs."""
    if paragraphs < 1:
        raise ValueError("paragraphs must be at least 1")
    lines = clean(text).split("\n")
    if not any(line.strip() for line in lines):
        raise ArticleError("the article is empty")
    if is_markdown(lines):
        return _read_markdown(lines)
    return _read_plain(lines, paragraphs)


def is_markdown(lines: list[str]) -> bool:
    """Say whether an article is Markdown: its first line is a `# ` heading, or any line is a `## ` heading."""
    first = next(line for line in lines if line.strip())
    heading = _MD_HEADING.match(first)
    return bool(heading) or any((m := _MD_HEADING.match(line)) and m.group(1) == "##" for line in lines)


def clean(text: str) -> str:
    """Return `text` with one kind of line break and without control characters or a byte order mark."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Control characters (and Unicode's own line separators) have no place in a title or a paragraph.
    return "".join(" " if _unwanted(ch) else ch for ch in text)


def _unwanted(ch: str) -> bool:
    """Say whether `ch` is a control character or a line separator other than a newline or a tab."""
    return ch not in "\n\t" and (unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029")


def _read_markdown(lines: list[str]) -> Article:
    """Split a Markdown article at its `# ` and `## ` headings."""
    title: tuple[str, int] | None = None
    introduction: list[Paragraph] = []
    headings: list[_Heading] = []
    count = 0
    for kind, body, line in _markdown_blocks(lines):
        if kind == "#" and title is None:
            title = (body, line)
        elif kind == "##":
            headings.append(_Heading(body, line))
        else:
            # A later `# ` heading is only text: it stays in its lesson's source with the paragraphs.
            count += 1
            paragraph = Paragraph(count, f"# {body}" if kind == "#" else body, line)
            (headings[-1].paragraphs if headings else introduction).append(paragraph)
    if title is None:
        first = headings[0].line if headings else 1
        raise ArticleError("a Markdown article needs a `# ` heading as its title; none was found", first)
    if count == 0:
        raise ArticleError("the article has a title but no paragraphs", title[1])
    taken = set(RESERVED_SLUGS)
    sections = [Section(h.title, slugify(h.title, taken), h.paragraphs) for h in headings]
    return Article(title[0], introduction, sections, markdown=True, title_line=title[1])


def _markdown_blocks(lines: list[str]) -> list[tuple[str, str, int]]:
    """Return the blocks of a Markdown text as (kind, text, first line): `#`, `##` or `p` for a paragraph."""
    blocks: list[tuple[str, str, int]] = []
    current: list[str] = []
    start = 0
    fence = ""

    def flush() -> None:
        if current:
            blocks.append(("p", "\n".join(current), start))
            current.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if fence:
            current.append(line)
            fence = "" if closes_fence(fence, line) else fence
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.append((heading.group(1), heading.group(2), number))
        elif not line.strip():
            flush()
        else:
            opening = FENCE.match(line)
            if opening:
                fence = opening.group(1)
            if not current:
                start = number
            current.append(line)
    flush()
    return blocks


def closes_fence(fence: str, line: str) -> bool:
    """Say whether `line` closes a code block opened by `fence`: as many of its characters or more, and nothing else."""
    return line.strip().startswith(fence) and not line.strip().strip(fence[0])


def _read_plain(lines: list[str], size: int) -> Article:
    """Split a plain-text article: the first line is the title, then heading lines or groups of paragraphs."""
    blocks = _plain_blocks(lines)
    (title_line, title), *rest = blocks[0]
    if rest:
        # The title is one line: the lines right under it are already the first paragraph.
        blocks[0] = rest
    else:
        del blocks[0]
    heading_flags = [_is_heading_line(block) for block in blocks]
    paragraphs: list[Paragraph] = []
    headings: list[_Heading] = []
    for block, is_heading in zip(blocks, heading_flags, strict=True):
        if is_heading:
            headings.append(_Heading(block[0][1], block[0][0]))
            continue
        paragraph = Paragraph(len(paragraphs) + 1, "\n".join(text for _, text in block), block[0][0])
        paragraphs.append(paragraph)
        if headings:
            headings[-1].paragraphs.append(paragraph)
    if not paragraphs:
        raise ArticleError("the article has a title but no paragraphs", title_line)
    taken = set(RESERVED_SLUGS)
    if headings:
        introduction = [p for p in paragraphs if p.line < headings[0].line]
        sections = [Section(h.title, slugify(h.title, taken), h.paragraphs) for h in headings]
        return Article(title, introduction, sections, title_line=title_line)
    groups = [paragraphs[i : i + size] for i in range(0, len(paragraphs), size)]
    sections = []
    for group in groups:
        name = group_title(group[0].text)
        sections.append(Section(name, slugify(name, taken), group, named=False))
    return Article(title, [], sections, title_line=title_line)


def _plain_blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Return the blocks of a plain text: runs of non-blank lines, each line stripped, with its number."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_heading_line(block: list[tuple[int, str]]) -> bool:
    """Say whether a plain-text block is a heading: one short line, with a letter, not ending a sentence."""
    if len(block) != 1:
        return False
    text = block[0][1]
    return len(text) <= HEADING_MAX and any(ch.isalnum() for ch in text) and not text.rstrip(CLOSERS).endswith(
        tuple(HEADING_ENDS)
    )


def group_title(text: str) -> str:
    """Return a lesson title made of the first sentence of `text`, shortened at a word to at most 60 characters."""
    flat = " ".join(text.split())
    end = _SENTENCE_END.search(flat)
    sentence = flat[: end.start()] if end else flat
    return shorten(sentence, GROUP_TITLE_MAX)


def shorten(text: str, limit: int) -> str:
    """Return `text` cut at a word boundary to at most `limit` characters, with `…` when something was cut."""
    text = " ".join(text.split()).rstrip(",;:")
    if len(text) <= limit:
        return text
    cut = text[: limit].rfind(" ")
    kept = text[:cut] if cut > 0 else text[: limit - 1]
    return kept.rstrip(" ,;:.-\u2013\u2014") + "…"


def slugify(title: str, taken: set[str]) -> str:
    """Return a slug for `title` not yet in `taken` (and add it): lowercase ASCII words joined by `-`."""
    ascii_text = unicodedata.normalize("NFKD", title.translate(_FOLD)).encode("ascii", "ignore").decode()
    # An apostrophe joins a word rather than splitting it: "don't" becomes "dont" (a typographic one is not ASCII).
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", "")) or ["lesson"]
    slug = _join_words(words, SLUG_MAX)
    number = 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = _join_words(words, SLUG_MAX - len(suffix)) + suffix
    taken.add(slug)
    return slug


def _join_words(words: list[str], limit: int) -> str:
    """Join `words` with `-` as far as `limit` characters allow; a first word that is too long is cut."""
    slug = words[0][:limit]
    for word in words[1:]:
        if len(slug) + 1 + len(word) > limit:
            break
        slug += f"-{word}"
    return slug
