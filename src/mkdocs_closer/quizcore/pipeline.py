"""Load quiz files from disk: read, validate, check and build, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from mkdocs_closer.placeholders import find_placeholders
from mkdocs_closer.quizcore.cache import SchemaCache
from mkdocs_closer.quizcore.checks import semantic_problems
from mkdocs_closer.quizcore.errors import Problem, QuizError, cap_problems
from mkdocs_closer.quizcore.forked import Stepped, Steps
from mkdocs_closer.quizcore.fragments import PieceError, field_path
from mkdocs_closer.quizcore.itemchecks import Finding, item_findings
from mkdocs_closer.quizcore.itemrules import RULES, RuleSettings
from mkdocs_closer.quizcore.loader import Document, LoadError, read_document
from mkdocs_closer.quizcore.model import Quiz, build_quiz, quiz_page
from mkdocs_closer.quizcore.schema import schema_problems

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SUFFIXES = {".yml", ".yaml"}
_SHARED_FROM = 20
"""From this many quiz files, `load_quizzes` shares them with a forked child. Starting it, and the memory pages this
process then copies as it writes to them, costs about what reading ten files does. (A build starts its child while
MkDocs is busy with work of its own, and so for any number of files.)"""
QUIZ_DIR = "quizzes"
"""Where a site keeps its quiz files (relative to mkdocs.yml) unless it says otherwise."""


def load_quiz(path: Path, *, root: Path, known_pages: set[str], cache: SchemaCache | None = None) -> Quiz:
    """Load one quiz file; raise QuizError listing all its problems."""
    shown = _shown(path, root)
    name_problem = _file_name_problem(path, known_pages)
    if name_problem:
        raise QuizError([Problem(shown, 1, 1, "(file name)", name_problem)])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuizError([Problem(shown, 1, 1, "(file)", f"cannot be read: {exc.strerror}.")]) from None
    data = cache.get(raw) if cache else None
    # Checks beyond the schema depend on the other pages of the site: they run again when those pages changed.
    if cache and data is not None and (cache.checked(raw, known_pages)
                                       or not semantic_problems(Document(shown, data), known_pages)):
        cache.put(raw, data, checked=known_pages)
        return build_quiz(path.stem, shown, data)
    try:
        doc = read_document(raw, shown)
    except LoadError as exc:
        raise QuizError(cap_problems(exc.problems)) from None
    problems, too_large = schema_problems(doc)
    valid = not problems
    if not too_large:
        # The checks beyond the schema compare entries with each other: on a file far beyond the limits they
        # would take long and bury the message that matters under thousands of others.
        problems += semantic_problems(doc, known_pages)
    if valid and cache:
        cache.put(raw, doc.data, checked=None if problems else known_pages)  # type: ignore[arg-type]
    if problems:
        raise QuizError(cap_problems(problems))
    return build_quiz(path.stem, shown, doc.data)  # type: ignore[arg-type]


def _shown(path: Path, root: Path) -> str:
    """Return `path` as problems show it: relative to the site's root where it can be."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _file_name_problem(path: Path, known_pages: set[str]) -> str:
    """Say why the name of quiz file `path` cannot give its quiz id and page, or return ''."""
    if not _ID.match(path.stem):
        return (f"`{path.name}` cannot be a quiz id; name the file with lowercase letters, digits and single hyphens, "
                "like `opening-up.yml`.")
    if path.stem == "index":
        return (f"`index` cannot be a quiz id: `{quiz_page('index')}` is the page of the quizzes folder itself. "
                "Rename the file, like `index-check.yml`.")
    if quiz_page(path.stem) in known_pages:
        return (f"the quiz page `{quiz_page(path.stem)}` would replace the page of that name in docs/; "
                "rename the quiz file or the page.")
    return ""


def load_quizzes(
    directory: Path, *, root: Path, known_pages: set[str], cache: SchemaCache | None = None
) -> list[Quiz]:
    """Load every `*.yml` / `*.yaml` quiz in `directory`, knowledge checks first; raise QuizError with all problems.

    A file whose suffix is in capitals (`x.YML`) is a problem, not silently left out.
    """
    loading = QuizLoading(directory, root=root, pages=lambda: known_pages, cache=cache, fork_from=_SHARED_FROM)
    return loading.finish(known_pages)


class QuizLoading:
    """The quiz files of a folder being loaded: from the first by a forked child, from the last by this process.

    Reading and checking the files is most of what a first build does with quizzes. The child can start before the
    build knows the site's pages (`pages` tells it what they will be); the build starts from the other end once it
    knows them (`finish`), and uses the child's work only if the child saw the same pages.
    """

    def __init__(self, directory: Path, *, root: Path, pages: Callable[[], set[str]], cache: SchemaCache | None,
                 fork_from: int = 1) -> None:
        self.root = root
        self.cache = cache
        self.paths, self.problems = quiz_files(directory, root)
        work = partial(_load_from_first, self.paths, root, pages, cache)
        self.child: Stepped[_ChildLoad] | None = Stepped(work) if len(self.paths) >= fork_from else None

    def finish(self, known_pages: set[str]) -> list[Quiz]:
        """Return the quizzes, knowledge checks first, once the child and this process have met; raise QuizError."""
        child, self.child = self.child, None
        last: list[Quiz | list[Problem]] = []
        meet = len(self.paths)
        while meet > (child.steps_done() if child else 0):
            meet -= 1
            last.append(_load_one(self.paths[meet], self.root, known_pages, self.cache))
        theirs = child.stop() if child else None
        if theirs is not None and theirs[0] == known_pages:
            first = theirs[1][:meet]
            if self.cache:
                self.cache.used.update(theirs[2])
        else:
            first = [_load_one(path, self.root, known_pages, self.cache) for path in self.paths[:meet]]
        quizzes: list[Quiz] = []
        problems = list(self.problems)
        for loaded in [*first, *reversed(last)]:
            if isinstance(loaded, Quiz):
                quizzes.append(loaded)
            else:
                problems += loaded
        if self.cache:
            self.cache.save()
        ids: dict[str, str] = {}
        for quiz in quizzes:
            if quiz.id in ids:
                message = f"quiz id `{quiz.id}` is also used by {ids[quiz.id]}; rename one file."
                problems.append(Problem(quiz.source, 1, 1, "(file name)", message))
            ids[quiz.id] = quiz.source
        if problems:
            raise QuizError(problems)
        # Readers check what they learned before they reflect on themselves, in the lesson box and in the navigation.
        return sorted(quizzes, key=lambda quiz: quiz.type != "knowledge-check")

    def cancel(self) -> None:
        """Stop the child: the build failed before it needed the quizzes."""
        if self.child:
            self.child.cancel()
        self.child = None


_ChildLoad = tuple[set[str], list[Quiz | list[Problem]], dict[str, tuple[str, bytes]]]
"""What the child sends: the pages it checked against, each file's quiz or problems, and the cache entries used."""


def quiz_files(directory: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Return the quiz files in `directory`, in order, and a problem for each file whose suffix is in capitals."""
    problems: list[Problem] = []
    paths: list[Path] = []
    for path in sorted(p for p in directory.glob("*") if p.suffix.lower() in _SUFFIXES and p.is_file()):
        if path.suffix in _SUFFIXES:
            paths.append(path)
            continue
        fix = path.with_suffix(path.suffix.lower()).name
        problems.append(Problem(_shown(path, root), 1, 1, "(file name)",
                                f"quiz files end in lowercase `.yml`; rename `{path.name}` to `{fix}`."))
    return paths, problems


def _load_from_first(paths: list[Path], root: Path, pages: Callable[[], set[str]], cache: SchemaCache | None,
                     steps: Steps) -> _ChildLoad:
    """Load the files of `paths` in order, in a child, until the parent has the rest."""
    known_pages = pages()
    loaded: list[Quiz | list[Problem]] = []
    for path in paths:
        loaded.append(_load_one(path, root, known_pages, cache))
        if not steps.go_on():
            break
    return known_pages, loaded, cache.used if cache else {}


def _load_one(path: Path, root: Path, known_pages: set[str], cache: SchemaCache | None) -> Quiz | list[Problem]:
    """Return the quiz of one file, or its problems."""
    try:
        return load_quiz(path, root=root, known_pages=known_pages, cache=cache)
    except QuizError as exc:
        return exc.problems


def placeholder_problems(quizzes: list[Quiz], root: Path) -> list[Problem]:
    """Return a warning for each `[TODO: …]` placeholder left in the quiz files: what is still to write."""
    problems = []
    for quiz in quizzes:
        raw = (root / quiz.source).read_bytes()
        if b"[TODO:" in raw:
            problems += [Problem(quiz.source, found.line, found.column, "to write", found.what)
                         for found in find_placeholders(raw.decode("utf-8"))]
    return problems


def item_problems(quizzes: list[Quiz], settings: RuleSettings, *, root: Path, directory: Path) -> list[Problem]:
    """Return the item-writing warnings of a site's quizzes, each located in its file (see `itemchecks`)."""
    findings = item_findings(quizzes, settings)
    documents = {source: _positions(root, source) for source in sorted({f.quiz.source for f in findings if f.quiz})}
    problems: dict[str, list[Problem]] = {}
    for finding in findings:
        message = _item_message(finding)
        if finding.quiz is None:
            problem = Problem(_shown(directory, root) + "/", 0, 0, "(all knowledge checks)", message)
        else:
            problem = documents[finding.quiz.source].problem(finding.path, message)
        problems.setdefault(problem.file, []).append(problem)
    return [problem for file in sorted(problems) for problem in cap_problems(problems[file])]


def _positions(root: Path, source: str) -> Document:
    """Read a quiz file again for its line numbers, which cached files do not keep."""
    try:
        return read_document((root / source).read_bytes(), source)
    except (OSError, LoadError):
        return Document(source)  # Changed or gone since it was loaded: point at its first line.


def _item_message(finding: Finding) -> str:
    """Name the rule, and for a rule about one question, how to keep an item that is fair despite it."""
    waiver = finding.path[-2:] == ("waive", finding.rule)
    if finding.quiz is None or waiver:
        return f"{finding.rule}: {finding.message}"
    owner = "question" if RULES[finding.rule].scope == "question" else "quiz"
    return (f"{finding.rule}: {finding.message} If the {owner} is fair as it is, say why with "
            f"`waive: {{{finding.rule}: \"<reason>\"}}` on the {owner}.")


def piece_problem(quiz: Quiz, error: PieceError, root: Path) -> Problem:
    """Locate in its quiz file the author text that the site's Markdown turned into page structure."""
    path = field_path(quiz, error.key) if error.key else None
    if path is None:
        return Problem(quiz.source, 1, 1, "(file)", f"the site's Markdown extensions reshaped the quiz text ({error}).")
    return _positions(root, quiz.source).problem(
        path, "this text turned into HTML that breaks the quiz page's structure (an element it closes or opens that "
              "it does not own); remove the HTML tags, or put them in backticks to show them as code.")
