"""The Markdown a quiz page is built from: every piece of author text, behind a marker.

The site renders this source with its own Markdown (its extensions, link checks and heading ids), as
it would any page. `split` then cuts the rendered HTML back into pieces for the templates. Rendering
all author text in one ordinary pass is what keeps quiz pages as cheap to build as plain pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from html import escape

from mkdocs_closer.quizcore.checks import FRAGMENT_MARKER
from mkdocs_closer.quizcore.errors import Path
from mkdocs_closer.quizcore.model import Band, Quiz
from mkdocs_closer.quizcore.sanitize import html_text, plain_markdown

_SPLIT = re.compile("^" + re.escape(FRAGMENT_MARKER).replace(r"\{\}", r"(\S+)") + "$", re.M)
END = "end"
"""Anything after this marker (snippets a site appends to every page) is not quiz text, except the footnotes."""
FOOTNOTES = "footnotes"
"""The piece that holds the footnotes of all author text, which the page shows after everything else."""
_FOOTNOTES_START = re.compile(r'\A\s*(<div class="footnote")')
_DIV = re.compile(r"<(/?)div\b[^>]*>")

# Line starts that would make one line of Markdown an ordered list; or a list, heading, quote or rule.
_ORDERED = re.compile(r"^(\d+)([.)]\s)")
_BLOCK = re.compile(r"^([-+*]\s|[#>]|\[[ xX]\]\s|([-*_])(\s*\2){2,}\s*$)")
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_HEADING = re.compile(r"<h2\b.*?</h2>", re.S)
_HEADING_START = re.compile(r"^<h2\b[^>]*>")

Piece = tuple[str, str, str]
INLINE = "inline"
"""One line of Markdown, placed inside a label, a legend or a table cell."""
HEADING = "headings"
"""A heading that gets an anchor and a place in the table of contents."""
BLOCK = "block"
"""Markdown of any length."""
PARAGRAPH = "paragraph"
"""A block piece that is one plain paragraph: it travels in the list of one-line pieces and becomes a `<p>` again."""
# Tags in author text that would make `split` cut a group of pieces in the wrong places.
_GROUP_TAGS = {INLINE: re.compile(r"</?(li|ul|ol)\b", re.I), HEADING: re.compile(r"</?h[1-6]\b", re.I)}

# Anything that could make a block piece more than one plain paragraph: a blank line, a line that starts a
# block (list, quote, heading, table, fence, HTML, admonition, definition, indented code), a hard line
# break, or an attribute list.
_NOT_ONE_PARAGRAPH = re.compile(
    r"\n\s*\n|^(?: {4}|\t| *(?:[-+*>#|<:=~`!?{]|\d+[.)]|\[\^?[^\]]*\]:))|  $|\\$|\{[:#.\s]|\{[\w-]+=", re.M
)


def page_link(source: str, target: str) -> str:
    """Return the relative Markdown link from docs page `source` to docs page `target`."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def inline_markdown(text: str) -> str:
    """Keep one line of Markdown inline: escape a leading character that would start a block."""
    text = text.strip()
    if _ORDERED.match(text):
        return _ORDERED.sub(r"\1\\\2", text, count=1)
    return "\\" + text if _BLOCK.match(text) else text


def _travels_as(kind: str, text: str) -> str:
    """Return PARAGRAPH for a block piece that is one plain paragraph, else `kind`."""
    if kind == BLOCK and text.strip() and not _NOT_ONE_PARAGRAPH.search(text.strip()):
        return PARAGRAPH
    return kind


def _link(source: str, target: str) -> str:
    """Return a Markdown link to a docs page, whose text the hook replaces with the page's title."""
    return f'[{target}]({page_link(source, target)}){{ data-page-title="{target}" }}'


def _prompt(ident: str, html_before: str, text: str) -> str:
    """Write a question prompt as a heading, so it gets the question's anchor and a place in the table of contents."""
    return f"## {html_before}{text.strip()} {{ #{ident} .quiz-question__prompt }}"


def _numbered(heading: str, number: str) -> str:
    """Put a question's short name at the start of its rendered heading (it is not author text)."""
    return _HEADING_START.sub(lambda m: f'{m.group(0)}<span class="quiz-question__number">{number}</span> ', heading, 1)


def _band_pieces(scope: str, bands: tuple[Band, ...], quiz: Quiz) -> Iterator[Piece]:
    for index, band in enumerate(bands):
        yield f"band/{scope}/{index}", BLOCK, band.text
        # The reader has just come from the quiz's lesson: suggesting it again reads as a dead end.
        if pages := [page for page in band.read_next if page != quiz.lesson]:
            yield f"next/{scope}/{index}", INLINE, ", ".join(_link(quiz.src_uri, page) for page in pages)


def pieces(quiz: Quiz, strings: Mapping[str, str]) -> Iterator[Piece]:
    """Yield (key, kind, Markdown) for every piece of author text on the quiz page, in page order."""
    yield "back", INLINE, _link(quiz.src_uri, quiz.lesson)
    if quiz.intro:
        yield "intro", BLOCK, quiz.intro
    for q in quiz.questions:
        if q.scored:
            yield f"prompt/{q.id}", HEADING, _prompt(q.id, "", q.prompt)
            for c in q.choices:
                yield f"choice/{q.id}/{c.id}", INLINE, inline_markdown(c.text) if c.text else escape(strings[c.id])
                if c.feedback:
                    yield f"feedback/{q.id}/{c.id}", BLOCK, c.feedback
            yield f"explanation/{q.id}", BLOCK, q.explanation
        else:
            label = f'<label for="{q.id}__text">'
            yield f"prompt/{q.id}", HEADING, _prompt(q.id, label, q.prompt + "</label>")
            if q.hint:
                yield f"hint/{q.id}", INLINE, inline_markdown(q.hint)
    if quiz.items:
        yield "statements", HEADING, f"## {escape(strings['statements'])} {{ #quiz-statements }}"
        for item in quiz.items:
            yield f"item/{item.id}", INLINE, inline_markdown(item.text)
    if quiz.safety_prompt:
        yield "safety/prompt", INLINE, inline_markdown(quiz.safety_prompt)
        yield "safety/help", BLOCK, quiz.safety_help
    if quiz.scored:
        yield "results", HEADING, f'## {escape(strings["results"])} {{ #quiz-results tabindex="-1" }}'
        yield from _band_pieces("overall", quiz.bands, quiz)
        for sub in quiz.subscales:
            yield from _band_pieces(sub.id, sub.bands, quiz)
        for item in quiz.items:
            if item.note:
                yield f"note/{item.id}", BLOCK, item.note
    if quiz.outro:
        yield "outro", BLOCK, quiz.outro
    # Item anchors are not headings; listing them lets the site check links such as `page.md#item-id`.
    if quiz.items:
        yield "anchors", BLOCK, "".join(f'<a id="{item.id}"></a>' for item in quiz.items)


def page_meta(quiz: Quiz) -> dict[str, object]:
    """Return the page metadata of the quiz page: what the theme's templates read while rendering it."""
    # The theme writes these into the navigation, `<title>` and meta tags as HTML: they go as escaped text.
    meta: dict[str, object] = {"title": html_text(quiz.title), "quiz": {"id": quiz.id, "type": quiz.type}}
    if quiz.description:
        meta["description"] = html_text(quiz.description)
    return meta


def page_source(quiz: Quiz, strings: Mapping[str, str]) -> str:
    """Return the Markdown source (title and marked pieces, no front matter) of the page for `quiz`.

    One-line pieces go into one list and headings into one run of headings: each marker costs the
    site's Markdown a little, and a quiz has many one-line pieces. The page takes its title from its
    heading; its metadata comes from `page_meta` (see the hook for why it is not front matter).
    """
    parts = [f"# {plain_markdown(quiz.title)}"]
    grouped: dict[str, list[str]] = {INLINE: [], HEADING: []}
    blocks: list[str] = []
    for key, kind, text in pieces(quiz, strings):
        kind = _travels_as(kind, text)
        if kind == BLOCK:
            blocks += [FRAGMENT_MARKER.format(key), text.strip("\n")]
        elif kind == PARAGRAPH:
            # Lazy continuation lines keep the paragraph's own line breaks.
            grouped[INLINE].append(inline_markdown("\n".join(line.strip() for line in text.strip().splitlines())))
        else:
            grouped[kind].append(text)
    if grouped[INLINE]:
        parts += [FRAGMENT_MARKER.format(INLINE), "\n".join(f"- {text}" for text in grouped[INLINE])]
    if grouped[HEADING]:
        parts += [FRAGMENT_MARKER.format(HEADING), "\n\n".join(grouped[HEADING])]
    parts += [*blocks, FRAGMENT_MARKER.format(END)]
    return "\n\n".join(parts) + "\n"


class PieceError(ValueError):
    """The rendered pieces do not have the structure they were written with; `key` names the likely culprit."""

    def __init__(self, message: str, key: str | None) -> None:
        super().__init__(message)
        self.key = key


def _culprit(keys: list[str], group: str, quiz: Quiz, strings: Mapping[str, str]) -> str | None:
    """Return the first piece of `group` whose text holds a tag of the element the group is cut at."""
    tag = _GROUP_TAGS[group]
    return next((key for key, _, text in pieces(quiz, strings) if key in keys and tag.search(text)), None)


def field_path(quiz: Quiz, key: str) -> Path | None:
    """Return where in the quiz file the author text of piece `key` is, or None for text the engine writes."""
    kind, _, rest = key.partition("/")
    if kind in {"intro", "outro"}:
        return (kind,)
    if kind == "safety":
        return ("safety", rest)
    if kind in {"item", "note"}:
        index = next(i for i, item in enumerate(quiz.items) if item.id == rest)
        return ("items", index, "text" if kind == "item" else "note")
    if kind in {"band", "next"}:
        scope, _, band = rest.rpartition("/")
        owner: Path = ("bands",)
        bands = quiz.bands
        if scope != "overall":
            index = next(i for i, sub in enumerate(quiz.subscales) if sub.id == scope)
            owner, bands = ("subscales", index, "bands"), quiz.subscales[index].bands
        return (*owner, bands[int(band)].position, "text" if kind == "band" else "read_next")
    question_id, _, choice_id = rest.partition("/")
    number, question = next(((i, q) for i, q in enumerate(quiz.questions) if q.id == question_id), (-1, None))
    if question is None:
        return None
    if kind in {"prompt", "explanation", "hint"}:
        return ("questions", number, kind)
    if question.type == "true-false":
        return ("questions", number, f"feedback_{choice_id}") if kind == "feedback" else ("questions", number)
    index = next(i for i, c in enumerate(question.choices) if c.id == choice_id)
    return ("questions", number, "choices", index, "text" if kind == "choice" else "feedback")


def split(html: str, quiz: Quiz, strings: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """Cut the rendered page into (HTML before the first piece, {key: HTML of the piece}).

    Raise PieceError when the site's Markdown changed the pieces' structure beyond recognition.
    """
    keys: dict[str, list[str]] = {INLINE: [], HEADING: []}
    paragraphs: list[str] = []
    for key, kind, text in pieces(quiz, strings):
        kind = _travels_as(kind, text)
        if kind == PARAGRAPH:
            paragraphs.append(key)
        if kind != BLOCK:
            keys[INLINE if kind == PARAGRAPH else kind].append(key)
    chunks = _SPLIT.split(html)
    found: dict[str, str] = {}
    for marker, chunk in zip(chunks[1::2], chunks[2::2], strict=True):
        if marker == END:
            # The site's Markdown puts the footnotes of all author text after the last piece.
            found[FOOTNOTES] = _footnotes(chunk)
            break
        if marker in keys:
            parts = (_LIST_ITEM if marker == INLINE else _HEADING).findall(chunk)
            if len(parts) != len(keys[marker]):
                raise PieceError(f"expected {len(keys[marker])} {marker} pieces, found {len(parts)}",
                                 _culprit(keys[marker], marker, quiz, strings))
            found.update(zip(keys[marker], parts, strict=True))
        else:
            found[marker] = chunk.strip()
    found.update((key, f"<p>{found[key]}</p>") for key in paragraphs)
    for ident, label in question_labels(quiz, strings).items():
        key = f"prompt/{ident}"
        found[key] = _numbered(found[key], f"{html_text(label)}.")
    return chunks[0].strip(), found


def question_labels(quiz: Quiz, strings: Mapping[str, str]) -> dict[str, str]:
    """Return each question's short name by id, as plain text: "Question 2", "Reflection 1"."""
    # Scored questions and reflections are counted apart, as the answer key lists them.
    counts = {True: 0, False: 0}
    labels = {}
    for q in quiz.questions:
        counts[q.scored] += 1
        labels[q.id] = f"{strings['question' if q.scored else 'reflection']} {counts[q.scored]}"
    return labels


def _footnotes(html: str) -> str:
    """Return the footnotes block (`<div class="footnote">…</div>`) at the start of `html`, or ''."""
    start = _FOOTNOTES_START.search(html)
    if not start:
        return ""
    depth = 0
    for tag in _DIV.finditer(html, start.start(1)):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return html[start.start(1) : tag.end()]
    return ""

