"""Re-resolve the locks from the ranges to the newest versions they allow, install them, and run the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Any Python 3.11 on Linux, the CI container's and a Debian 12 machine's alike.
TARGET = ("--python-version", "3.11", "--python-platform", "linux", "--generate-hashes")
# The tests' lock is resolved first; the site's takes the same versions, so it is a part of the tests' lock.
LOCKS = {
    "requirements-dev.lock": ("requirements-dev.txt",),
    "requirements.lock": ("requirements.txt", "--constraint", "requirements-dev.lock"),
}


def compile_command(lock: str) -> list[str]:
    """Return the `uv pip compile` arguments that write `lock`, as its header repeats them."""
    return ["uv", "pip", "compile", *LOCKS[lock], *TARGET, "-o", lock]


def main() -> int:
    """Re-resolve both locks with `--upgrade`, install the tests' lock, recompile the schema, then run every test."""
    for lock in LOCKS:
        uv, *arguments = compile_command(lock)
        subprocess.run([sys.executable, "-m", uv, *arguments, "--upgrade", "--quiet"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-r", "requirements-dev.lock"], cwd=ROOT, check=True)
    # A new fastjsonschema may compile the schema differently: the compiled check follows the lock.
    subprocess.run([sys.executable, "scripts/compile_schema.py"], cwd=ROOT, check=True)
    # A new Jinja may compile templates differently: the compiled templates follow the lock, too.
    subprocess.run([sys.executable, "scripts/compile_templates.py"], cwd=ROOT, check=True)
    return subprocess.run([sys.executable, "-m", "pytest"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
