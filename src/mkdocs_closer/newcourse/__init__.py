"""Start a new course from an article: `closer new DIR --from ARTICLE` writes a folder that builds at once."""

from __future__ import annotations

from pathlib import Path

from mkdocs_closer.newcourse.article import ArticleError, read_article
from mkdocs_closer.newcourse.skeleton import engine_requirement, render_course

__all__ = ["NewCourseError", "create_course"]


class NewCourseError(Exception):
    """A course that cannot be written; the message names the file and, where it applies, the line."""


def create_course(target: Path, article: Path, *, paragraphs: int = 3) -> list[Path]:
    """Write a new course folder at `target` from the article file `article`; return the files written."""
    if paragraphs < 1:
        raise NewCourseError(f"paragraphs per lesson must be 1 or more, not {paragraphs}")
    _check_target(target)
    text = _read(article)
    try:
        parsed = read_article(text, paragraphs=paragraphs)
    except ArticleError as exc:
        where = f"{article}:{exc.line}" if exc.line else f"{article}"
        raise NewCourseError(f"{where}: {exc.message}") from None
    return _write(target, render_course(parsed, engine_requirement()))


def _check_target(target: Path) -> None:
    """Refuse a target that is a file or a folder with anything in it: nothing is ever written over or merged."""
    if target.is_dir():
        if any(target.iterdir()):
            raise NewCourseError(f"{target}: the folder is not empty; choose a new folder for the course")
    elif target.exists() or target.is_symlink():
        raise NewCourseError(f"{target}: exists and is not a folder; choose a new folder for the course")


def _read(article: Path) -> str:
    """Return the text of the article file, which must be UTF-8."""
    try:
        data = article.read_bytes()
    except OSError as exc:
        raise NewCourseError(f"{article}: cannot read the article: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NewCourseError(
            f"{article}:{line}: the article is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None


def _write(target: Path, files: dict[str, str]) -> list[Path]:
    """Write `files` (path in `target` to text) and return their paths; fail rather than replace any file."""
    written = []
    for name, text in files.items():
        path = target / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # "x": a file that appeared meanwhile is never written over.
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as exc:
            raise NewCourseError(f"{path}: cannot write: {exc.strerror or exc}") from None
        written.append(path)
    return written
