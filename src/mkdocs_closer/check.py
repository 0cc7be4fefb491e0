"""Check a site's quiz files as its build would, without building: for editors and pre-commit hooks."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from mkdocs_closer.config import CloserConfig
from mkdocs_closer.quizcore import QuizError, item_problems, load_quizzes, placeholder_problems


def check_site(config_file: Path) -> tuple[list[str], list[str]]:
    """Return the errors and the warnings of the quiz files of the site that `config_file` describes."""
    try:
        # MkDocs logs its own view of the settings; only the quizzes matter here.
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as exc:
        return [f"{config_file}: {exc}"], []
    plugin = config.plugins.get("closer")
    if plugin is None:
        return [f"{config_file}: the closer plugin is not in `plugins`."], []
    options: CloserConfig = plugin.config
    root = config_file.resolve().parent
    docs = Path(config.docs_dir)
    known = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    quiz_dir = root / options.quizzes.dir
    try:
        quizzes = load_quizzes(quiz_dir, root=root, known_pages=known)
    except QuizError as exc:
        return [str(problem) for problem in exc.problems], []
    warnings = [str(problem) for problem in item_problems(quizzes, options.quizzes.checks, root=root,
                                                          directory=quiz_dir)]
    warnings += [str(problem) for problem in placeholder_problems(quizzes, root)]
    return [], warnings
