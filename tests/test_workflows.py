"""The GitHub workflows meet the standard of trusted projects: zizmor finds nothing, every action is pinned."""

from __future__ import annotations

import json
import re
import subprocess
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
# An action pinned to a commit, the release it is in a comment: `uses: owner/name@<40 hex>  # v1.2.3`.
PINNED = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+")


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    zizmor = Path(sysconfig.get_path("scripts")) / "zizmor"
    # JSON, not the report for people: on CI, zizmor colours its words.
    result = subprocess.run([str(zizmor), "--offline", "--format", "json", ".github/workflows/"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout


def uses_lines(text: str) -> list[str]:
    return [line.strip().removeprefix("- ") for line in text.splitlines() if re.match(r"\s*(- )?uses:", line)]


def test_every_action_is_pinned_to_a_release_commit() -> None:
    lines = [line for path in WORKFLOWS.glob("*.yml") for line in uses_lines(path.read_text(encoding="utf-8"))]
    assert len(lines) == 6 and [line for line in lines if not PINNED.fullmatch(line)] == []


def test_the_pin_check_rejects_a_tag_and_a_pin_without_its_release() -> None:
    text = """
      - uses: actions/checkout@v5
      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444
        uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128  # v5.0.0
    """
    assert [bool(PINNED.fullmatch(line)) for line in uses_lines(text)] == [False, False, True]
