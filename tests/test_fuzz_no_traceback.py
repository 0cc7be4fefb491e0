"""Whatever bytes an author saves, `load_quiz` returns a Quiz or raises QuizError: never anything else."""

from __future__ import annotations

import copy
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_closer.quizcore import Quiz, QuizError, load_quiz

ROOT = Path(__file__).resolve().parents[1]
KNOWN_PAGES = {"index.md", "lessons/one.md", "lessons/two.md"}
LINE = re.compile(r"^quizzes/fuzz\.yml:[1-9]\d*:[1-9]\d*: \S.*?: \S.*$", re.DOTALL)
FIXTURES = [
    yaml.safe_load((ROOT / "tests" / "fixtures" / "quizzes" / name).read_text(encoding="utf-8"))
    for name in ("check-one.yml", "assess-two.yml")
]
# No example database: the suite must not write into the repository, and each run explores afresh.
FUZZ = settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Words quiz files are made of, so that random input often gets past the parser and into the checks.
KEYS = [
    "title", "type", "lesson", "intro", "questions", "id", "prompt", "choices", "text", "correct",
    "answer", "explanation", "hint", "feedback", "scale", "value", "label", "items", "reverse", "subscale",
    "subscales", "scoring", "method", "min_answered", "bands", "min", "max", "read_next", "safety", "help", "<<",
]
WORDS = [
    "knowledge-check", "self-assessment", "single", "multiple", "true-false", "reflection", "mean", "sum",
    "lessons/one.md", "lessons/nine.md", "/abs.md", "quiz-x", "a", "yes", "no", "~", "", "1.5", "2",
]
ODD = [
    ": ", "- ", "\n", "\n  ", "\n    - ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "'", '"', "#", "|", ">", "---",
    "...", "? ", "%YAML 1.1", "\\", "\x00", "\ufeff", "é", "\u2028", "=", "<<", ".inf", "!!python/object ",
    "!!python/name:os.system ", "!!binary ", "!!set ", "!tag ",
]
TOKENS = st.sampled_from([*KEYS, *WORDS, *ODD])
LINES = st.builds(
    "{}{}{}: {}".format,
    st.sampled_from(["", "", "  ", "    ", "      ", " ", "\t"]),
    st.sampled_from(["", "- "]),
    TOKENS,
    st.lists(TOKENS, max_size=3).map(" ".join),
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS), st.text(max_size=12),
)
DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children, max_size=6),
    ),
    max_leaves=20,
)


def check(raw: bytes) -> None:
    """Load `raw` as a quiz file: it must give a Quiz or a QuizError with well-formed problem lines."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "quizzes").mkdir()
        path = root / "quizzes" / "fuzz.yml"
        path.write_bytes(raw)
        try:
            result = load_quiz(path, root=root, known_pages=KNOWN_PAGES)
        except QuizError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert LINE.match(str(problem)), str(problem)
        else:
            assert isinstance(result, Quiz)


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@FUZZ
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_yamlish_text(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(LINES, max_size=15).map("\n".join))
def test_yamlish_lines(text: str) -> None:
    check(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=200))
def test_random_bytes(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(DATA)
def test_random_data_dumped_as_yaml(data: object) -> None:
    check(dump(data))


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside `node`."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_quiz(draw: st.DrawFn) -> object:
    """A valid fixture quiz with a few values replaced, removed or given new keys: input deep in the checks."""
    data = copy.deepcopy(draw(st.sampled_from(FIXTURES)))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(DATA)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = draw(DATA)
        else:
            parent.append(draw(DATA))
    return data


@FUZZ
@given(mutated_quiz())
def test_mutated_valid_quizzes(data: object) -> None:
    check(dump(data))


def test_fixtures_are_valid() -> None:
    # The mutation test starts from these; if they broke, it would fuzz only the error paths.
    for data in FIXTURES:
        check(dump(data))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "quizzes" / "fixture.yml"
            path.parent.mkdir()
            path.write_bytes(dump(data))
            assert isinstance(load_quiz(path, root=Path(tmp), known_pages=KNOWN_PAGES), Quiz)
