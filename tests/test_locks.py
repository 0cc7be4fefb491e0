"""The locks pin every package of the ranges, inside its range, and the site's lock is a part of the tests'."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from relock import LOCKS, compile_command

ROOT = Path(__file__).resolve().parents[1]
RANGES = {"requirements.lock": "requirements.txt", "requirements-dev.lock": "requirements-dev.txt"}
PIN = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;]+)( --hash=sha256:[0-9a-f]{64})+")


def ranges(path: Path) -> list[tuple[Requirement, str]]:
    """Every requirement of a range file and of the files it includes with `-r`, with the file it is in."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found += ranges(path.parent / line.removeprefix("-r ").strip())
        elif line:
            found.append((Requirement(line), path.name))
    return found


def lock_entries(path: Path) -> list[str]:
    """The entries of a lock: its lines without comments, each joined to its `\\`-continued hash lines."""
    text = re.sub(r"\s*\\\n\s*", " ", path.read_text(encoding="utf-8"))
    return [entry for line in text.splitlines() if (entry := line.split("#", 1)[0].strip())]


def lock_problems(root: Path) -> list[str]:
    """What keeps the locks in `root` from being a complete, hashed resolution of its ranges."""
    problems = []
    pins: dict[str, dict[str, str]] = {}
    for lock, range_file in RANGES.items():
        path = root / lock
        header = path.read_text(encoding="utf-8").splitlines()[:2]
        if header[1:] != ["#    " + " ".join(compile_command(lock))]:
            problems.append(f"{lock}: the header does not name the command scripts/relock.py runs")
        pins[lock] = {}
        for entry in lock_entries(path):
            if match := PIN.fullmatch(entry):
                pins[lock][canonicalize_name(match["name"])] = match["version"]
            else:
                problems.append(f"{lock}: `{entry.split(' --hash')[0]}` is not `name==version` with its hashes")
        for requirement, source in ranges(root / range_file):
            name = canonicalize_name(requirement.name)
            if (version := pins[lock].get(name)) is None:
                problems.append(f"{lock}: {requirement} ({source}) is not pinned")
            elif not requirement.specifier.contains(version, prereleases=True):
                problems.append(f"{lock}: {name}=={version} is outside {requirement} ({source})")
    site, dev = pins["requirements.lock"], pins["requirements-dev.lock"]
    problems += [f"requirements.lock: {name}=={version} is not in requirements-dev.lock"
                 for name, version in site.items() if dev.get(name) != version]
    return problems


def test_the_relock_script_writes_both_locks() -> None:
    assert set(LOCKS) == set(RANGES)


def test_the_locks_agree_with_the_ranges() -> None:
    assert lock_problems(ROOT) == []


def drift_range(root: Path) -> None:
    path = root / "requirements.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("PyYAML>=6.0.1,<7", "PyYAML>=7,<8"), encoding="utf-8")


def add_a_requirement(root: Path) -> None:
    with (root / "requirements-dev.txt").open("a", encoding="utf-8") as f:
        f.write("left-pad>=1\n")


def unpin(root: Path) -> None:
    path = root / "requirements-dev.lock"
    path.write_text(re.sub(r"^pyyaml==\S+", "pyyaml>=6", path.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")


def move_a_site_pin(root: Path) -> None:
    path = root / "requirements.lock"
    path.write_text(re.sub(r"^segno==\S+", "segno==1.6.0", path.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")


def rewrite_the_header(root: Path) -> None:
    path = root / "requirements.lock"
    path.write_text(path.read_text(encoding="utf-8").replace("--generate-hashes", "", 1), encoding="utf-8")


# Each damage, and what the check says about it ({v}: the locked PyYAML version).
DRIFTS: dict[Callable[[Path], None], list[str]] = {
    drift_range: ["requirements.lock: pyyaml=={v} is outside PyYAML<8,>=7 (requirements.txt)",
                  "requirements-dev.lock: pyyaml=={v} is outside PyYAML<8,>=7 (requirements.txt)"],
    add_a_requirement: ["requirements-dev.lock: left-pad>=1 (requirements-dev.txt) is not pinned"],
    unpin: ["requirements-dev.lock: `pyyaml>=6` is not `name==version` with its hashes",
            "requirements-dev.lock: PyYAML<7,>=6.0.1 (requirements.txt) is not pinned",
            "requirements.lock: pyyaml=={v} is not in requirements-dev.lock"],
    move_a_site_pin: ["requirements.lock: segno==1.6.0 is not in requirements-dev.lock"],
    rewrite_the_header: ["requirements.lock: the header does not name the command scripts/relock.py runs"],
}


@pytest.mark.parametrize("damage", DRIFTS, ids=lambda damage: damage.__name__)
def test_a_lock_that_drifted_from_its_ranges_is_reported(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    for name in [*RANGES, *RANGES.values()]:
        shutil.copy(ROOT / name, tmp_path / name)
    version = next(e for e in lock_entries(ROOT / "requirements-dev.lock") if e.startswith("pyyaml==")).split()[0][8:]
    damage(tmp_path)
    assert lock_problems(tmp_path) == [message.format(v=version) for message in DRIFTS[damage]]
