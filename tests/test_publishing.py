"""Publishing: the GitHub Pages workflow, the 404 page, the offline bundle's settings and its vendored shim."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from offline_bundle import SHIM, offline_settings, zip_site
from test_csp import sha256

from mkdocs_closer.csp import KnownCode, policy, shim_frame_script

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow_problems(workflow: dict) -> list[str]:
    """What keeps a workflow from testing every change and publishing only `main` to GitHub Pages."""
    problems = []
    triggers = workflow.get("on", workflow.get(True)) or {}  # YAML 1.1 reads the key `on` as true
    if (triggers.get("push") or {}).get("branches") != ["main"] or "pull_request" not in triggers:
        problems.append("runs on pushes to main and on pull requests")
    jobs = workflow.get("jobs", {})
    build, deploy = jobs.get("build", {}), jobs.get("deploy", {})
    runs = "\n".join(step.get("run", "") for step in build.get("steps", []))
    uses = {step.get("uses", "").split("@")[0]: step for step in build.get("steps", []) if "uses" in step}
    if "bash .ci/run" not in runs or "mkdocs build --strict" not in runs:
        problems.append("build runs .ci/run (the README's test command) and a strict build")
    if not str(build.get("container", "")).endswith("-bookworm"):
        problems.append("build runs on Debian, whose chromium package the browser tests drive")
    pages = uses.get("actions/configure-pages", {})
    site_urls = [step.get("env", {}).get("SITE_URL", "") for step in build.get("steps", [])]
    if not pages.get("id") or f"steps.{pages.get('id')}.outputs.base_url" not in " ".join(site_urls):
        problems.append("the build takes SITE_URL from configure-pages' base_url")
    if uses.get("actions/upload-pages-artifact", {}).get("with", {}).get("path") != "site":
        problems.append("build uploads site/ as the Pages artifact")
    if deploy.get("needs") != "build" or "pull_request" not in str(deploy.get("if", "")):
        problems.append("deploy follows the build, never for a pull request")
    if deploy.get("environment", {}).get("name") != "github-pages":
        problems.append("deploy uses the github-pages environment")
    if deploy.get("permissions") != {"pages": "write", "id-token": "write"}:
        problems.append("deploy may write Pages and get an OIDC token, nothing more")
    if build.get("permissions") != {"contents": "read", "pages": "read"}:
        problems.append("build only reads the repository and the Pages settings")
    if workflow.get("permissions") != {}:
        problems.append("a job gets no permission it does not ask for")
    if uses.get("actions/checkout", {}).get("with", {}).get("persist-credentials") is not False:
        problems.append("checkout leaves no credentials behind for the steps that follow")
    if not any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy.get("steps", [])):
        problems.append("deploy runs actions/deploy-pages")
    steps = build.get("steps", [])
    cache = uses.get("actions/cache", {})
    key = str(cache.get("with", {}).get("key", ""))
    first_build = next((i for i, step in enumerate(steps) if "run" in step and ".ci/run" in step["run"]), -1)
    if (cache.get("with", {}).get("path") != ".cache/quizzes" or "requirements-dev.lock" not in key
            or "src/mkdocs_closer/**" not in key or cache not in steps[:max(first_build, 0)]):
        problems.append("the quiz build cache is restored before the first build, keyed on the lock and the engine")
    restored = str(cache.get("with", {}).get("restore-keys", "")).splitlines()
    if not key.endswith("-${{ github.run_id }}") or key.removesuffix("${{ github.run_id }}") not in restored:
        problems.append("each run saves the cache under a key of its own and the next starts from the newest")
    return problems


def test_the_pages_workflow_tests_builds_and_deploys_main_only() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert not workflow_problems(workflow)


def test_the_workflow_check_rejects_a_deploy_on_pull_requests() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["jobs"]["deploy"]["if"] = "always()"
    workflow["jobs"]["deploy"]["permissions"]["contents"] = "write"
    assert workflow_problems(workflow) == ["deploy follows the build, never for a pull request",
                                           "deploy may write Pages and get an OIDC token, nothing more"]


def test_the_workflow_check_rejects_a_cache_restored_too_late() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    steps.remove(cache)
    steps.append(cache)
    assert workflow_problems(workflow) == [
        "the quiz build cache is restored before the first build, keyed on the lock and the engine"]


def test_the_workflow_check_rejects_a_cache_that_a_hit_would_freeze() -> None:
    # With the same key on every run, the first run's cache is restored for ever and never saved again.
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    cache["with"]["key"] = cache["with"]["key"].removesuffix("-${{ github.run_id }}")
    assert workflow_problems(workflow) == [
        "each run saves the cache under a key of its own and the next starts from the newest"]


def test_the_workflow_check_rejects_wider_permissions_and_kept_credentials() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["permissions"] = {"contents": "read"}
    workflow["jobs"]["build"]["permissions"]["pages"] = "write"
    del workflow["jobs"]["build"]["steps"][0]["with"]
    assert workflow_problems(workflow) == ["build only reads the repository and the Pages settings",
                                           "a job gets no permission it does not ask for",
                                           "checkout leaves no credentials behind for the steps that follow"]


def test_the_404_page_sends_readers_home_to_help_and_to_the_lessons(repo_site: Path, site_prefix: str) -> None:
    page = (repo_site / "404.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    links = re.findall(r'<a href="([^"]+)"', article)
    assert links[:2] == [site_prefix, f"{site_prefix}get-help/"]
    lessons = [link for link in links if link.startswith(f"{site_prefix}lessons/")]
    assert len(lessons) == 9 and lessons[0] == f"{site_prefix}lessons/what-is-intimacy/"
    assert "This page is not here" in article


def test_the_offline_build_drops_instant_navigation_and_keeps_the_address() -> None:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        main = yaml_load(f)
    assert "navigation.instant" in main["theme"]["features"]
    settings = offline_settings(main)
    assert settings["INHERIT"] == "mkdocs.yml" and "site_url" not in settings
    assert settings["theme"]["features"] == [f for f in main["theme"]["features"] if f != "navigation.instant"]
    assert settings["plugins"] == [*main["plugins"], "offline"]
    assert settings["extra"] == {"polyfills": [SHIM]} and "iframe-worker" in SHIM
    assert (ROOT / "overrides" / SHIM).is_file()


def test_the_bundle_zips_every_file_under_one_folder(tmp_path: Path) -> None:
    import zipfile

    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "site" / "a" / "b.css").write_text("b", encoding="utf-8")
    with zipfile.ZipFile(zip_site(tmp_path / "site", tmp_path / "out" / "bundle.zip")) as bundle:
        assert sorted(bundle.namelist()) == ["bundle/a/b.css", "bundle/index.html"]


def test_the_vendored_shim_is_npms_iframe_worker(root: Path, npm_iframe_worker_shim: Path) -> None:
    npm = npm_iframe_worker_shim
    vendored = (root / "overrides" / SHIM).read_text(encoding="utf-8")
    header, body = vendored.split("*/\n", 1)
    assert "MIT" in header and "Martin Donath" in header
    assert body == npm.read_text(encoding="utf-8")
    version = json.loads((root / "package.json").read_text(encoding="utf-8"))["devDependencies"]["iframe-worker"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version) and f"iframe-worker {version}" in header
    assert json.loads(npm.parent.parent.joinpath("package.json").read_text(encoding="utf-8"))["version"] == version


SHIM_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script id="__config" type="application/json">{"base": "..", "search": "../assets/workers/search.js"}</script>
{shim}</head><body><article>x</article></body></html>"""


def test_pages_with_the_offline_shim_allow_its_frame_script_and_only_theirs() -> None:
    shim = (ROOT / "overrides" / SHIM).read_text(encoding="utf-8")
    frame = shim_frame_script(shim, "assets/javascripts/workers/search.a7633da7.min.js")
    assert frame.startswith("postMessage=function c(s,n){") and "filename:\"assets/javascripts/workers/" in frame
    # The hash Chromium reported when it blocked the frame's script on an offline home page.
    assert sha256(frame) == "'sha256-zwEeX9SHbdbsDBu4WXpwOZty5sQXKT3c7Ic+TUtFsp0='"
    known = KnownCode((), ())
    page = SHIM_PAGE.replace("{shim}", '<script src="../assets/iframe-worker-shim.js"></script>')
    with_shim = policy(page, known, shim)
    without = policy(SHIM_PAGE.replace("{shim}", ""), known, shim)
    expected = sha256(shim_frame_script(shim, "../assets/workers/search.js"))
    assert expected in with_shim and expected not in without
    assert expected not in policy(page, known)  # a site without a shim of its own
    assert "unsafe-inline" not in with_shim


def test_a_changed_shim_fails_loudly() -> None:
    with pytest.raises(ValueError, match="no longer writes"):
        shim_frame_script("window.Worker = function () {}", "x.js")
