"""The benchmarks compare like with like: their reference projects are set up as the course is."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]


def _lighthouse_bench() -> ModuleType:
    """Load bench/lighthouse.py, which is a script, not a module of a package."""
    spec = importlib.util.spec_from_file_location("lighthouse_bench", ROOT / "bench" / "lighthouse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plain_material_reference_has_the_courses_theme_settings(tmp_path: Path) -> None:
    # Read as text, `font: false` became "false", and the reference loaded Roboto from Google's servers.
    config = json.loads(_lighthouse_bench().plain_material(tmp_path).read_text(encoding="utf-8"))
    course = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {key: value for key, value in course["theme"].items() if key != "custom_dir"}
    assert config["theme"]["font"] is False
    assert config["markdown_extensions"] == course["markdown_extensions"]
    assert config["plugins"] == ["search"] and "hooks" not in config
