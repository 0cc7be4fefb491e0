"""The `closer` command: start a course from an article, check quizzes without building, write the quiz schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs_closer import __version__
from mkdocs_closer.quizcore.schema import SCHEMA_FILE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (default: the process's); return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not hasattr(arguments, "run"):
        parser.print_help()
        return 2
    status: int = arguments.run(arguments)
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="closer", description=__doc__)
    parser.add_argument("--version", action="version", version=f"closer {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    new = commands.add_parser("new", help="write a new course folder from an article",
                              description="Write a course folder from a plain-text or Markdown article: lessons, "
                              "a knowledge check per lesson, an About page, the site's settings and a Pages "
                              "workflow. Placeholders left to write read [TODO: …]; a strict build lists them.")
    new.add_argument("directory", type=Path, help="the new course's folder (must not exist, or be empty)")
    new.add_argument("--from", dest="article", type=Path, required=True, metavar="ARTICLE",
                     help="the article: a title line and paragraphs, or Markdown with #/## headings")
    new.add_argument("--paragraphs", type=int, default=3, metavar="N",
                     help="paragraphs per lesson when the article has no headings (default: 3)")
    new.set_defaults(run=_new)

    check = commands.add_parser("check", help="check the quiz files without building the site",
                                description="Check every quiz file as a build would: errors with file, line, "
                                "column and field, then the warnings of the item-writing checks.")
    check.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                       help="the site's settings (default: mkdocs.yml)")
    check.add_argument("--strict", action="store_true", help="fail on warnings too, as `mkdocs build --strict`")
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="write the quiz files' JSON schema, for editors",
                                 description="Write the JSON schema of quiz files, which editors use to complete "
                                 "and check them as they are typed.")
    schema.add_argument("-o", "--output", type=Path, default=Path("quizzes/schema.json"), metavar="FILE",
                        help="where to write it (default: quizzes/schema.json; - for standard output)")
    schema.set_defaults(run=_schema)
    return parser


def _new(arguments: argparse.Namespace) -> int:
    from mkdocs_closer.newcourse import NewCourseError, create_course

    try:
        written = create_course(arguments.directory, arguments.article, paragraphs=arguments.paragraphs)
    except NewCourseError as exc:
        print(f"closer new: {exc}", file=sys.stderr)
        return 1
    target = arguments.directory
    print(f"Wrote {len(written)} files to {target}. Next:\n  cd {target}\n  mkdocs serve --livereload\n"
          "and write what each [TODO: …] asks for; `mkdocs build --strict` lists those left.")
    return 0


def _check(arguments: argparse.Namespace) -> int:
    from mkdocs_closer.check import check_site

    errors, warnings = check_site(arguments.config_file)
    for line in [*errors, *warnings]:
        print(line)
    failed = bool(errors) or (arguments.strict and bool(warnings))
    print(f"{len(errors)} errors, {len(warnings)} warnings.", file=sys.stderr)
    return 1 if failed else 0


def _schema(arguments: argparse.Namespace) -> int:
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    json.loads(text)  # the packaged schema is valid JSON, or this is a broken install
    if str(arguments.output) == "-":
        sys.stdout.write(text)
        return 0
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(text, encoding="utf-8")
    print(f"Wrote {arguments.output}.")
    return 0
