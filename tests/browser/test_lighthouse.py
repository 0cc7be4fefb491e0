"""Lighthouse's accessibility, best-practices and SEO audits score 100 on each kind of page of the course."""

from __future__ import annotations

import pytest
from checkers import lighthouse

pytestmark = pytest.mark.browser

CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = ("", "lessons/safe-harbour/", "quizzes/safe-harbour/", "quizzes/feeling-safe/")


def failed_audits(report: dict) -> list[str]:
    """The scored audits below full marks, with Lighthouse's own explanation."""
    weighted = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"] if ref["weight"]}
    return [
        f"{audit['id']}: {audit['title']} {audit.get('explanation') or ''}".strip()
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"} and (audit.get("score") or 0) < 1
        and audit["id"] in weighted
    ]


@pytest.mark.parametrize("path", PAGES, ids=["home", "lesson", "knowledge-check", "self-assessment"])
def test_lighthouse_gives_full_marks(browser, lighthouse_installed, repo_url: str, path: str) -> None:
    report = lighthouse(repo_url + path, list(CATEGORIES))
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    assert scores == dict.fromkeys(CATEGORIES, 1), (scores, failed_audits(report))
