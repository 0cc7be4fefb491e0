"""A site in French shows every piece of engine text in French: no English left on its quiz and reader pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from serve import serve
from sitebuilder import ROOT, build_project, make_project

pytestmark = pytest.mark.browser

LOCALES = ROOT / "src" / "mkdocs_closer" / "quizcore" / "locales"
QUIZZES = {
    "verifier.yml": """\
        # yaml-language-server: $schema=schema.json
        title: "Vérifiez vos acquis : l’intimité"
        type: knowledge-check
        lesson: lessons/one.md
        description: Deux questions et une réflexion sur l’intimité émotionnelle, en français.
        intro: Choisissez, puis vérifiez.
        questions:
          - id: coeur
            type: single
            prompt: Qu’est-ce qui rapproche ?
            choices:
              - {id: a, text: Partager ce qui compte, correct: true}
              - {id: b, text: Gagner la dispute, feedback: La dispute éloigne.}
            explanation: Le partage suivi d’une réponse attentive rapproche.
          - id: parties
            type: multiple
            prompt: Lesquelles aident ?
            choices:
              - {id: a, text: Écouter, correct: true}
              - {id: b, text: Répondre avec soin, correct: true}
              - {id: c, text: Se taire toujours, feedback: Se taire toujours isole.}
            explanation: Écouter et répondre avec soin aident tous les deux.
          - id: moment
            type: reflection
            prompt: Quand vous êtes-vous senti compris ?
    """,
    "bilan.yml": """\
        # yaml-language-server: $schema=schema.json
        title: Comment je m’ouvre
        type: self-assessment
        lesson: lessons/two.md
        intro: Pensez au dernier mois.
        scale:
          - {value: 1, label: Pas du tout d’accord}
          - {value: 2, label: Plutôt pas d’accord}
          - {value: 3, label: Plutôt d’accord}
          - {value: 4, label: Tout à fait d’accord}
        items:
          - {id: dire, text: Je dis vite ce qui me pèse., subscale: partage}
          - id: garder
            text: Je garde mes soucis pour moi.
            reverse: true
            subscale: partage
            note: Garder pour soi est courant.
          - {id: nouvelles, text: Je partage mes bonnes nouvelles., subscale: partage}
          - {id: espoirs, text: Je parle de mes espoirs.}
        scoring: {method: mean, min_answered: 0.75}
        bands:
          - min: 1.0
            max: 2.4
            title: À construire
            text: Partager semble difficile en ce moment.
            read_next: [lessons/two.md]
          - {min: 2.5, max: 4.0, title: Solide, text: Vous partagez volontiers.}
        subscales:
          - id: partage
            title: Partager
            bands:
              - {min: 1.0, max: 2.4, title: Discret, text: Certaines choses restent cachées.}
              - {min: 2.5, max: 4.0, title: Ouvert, text: Vous partagez.}
        safety:
          prompt: Il m’arrive de changer ce que je dis parce que j’ai peur de la réaction de mon ou ma partenaire.
          help: Avoir peur de son ou sa partenaire ne se règle pas par la communication. Demandez de l’aide.
    """,
}
SETTINGS = """
theme:
  name: material
  custom_dir: {root}/overrides
  font: false
  language: fr
  # The course's header: a palette toggle beside the reader's pages, the search and the quick exit.
  palette:
    - {{scheme: default, toggle: {{icon: material/weather-night, name: Passer au thème sombre}}}}
    - {{scheme: slate, toggle: {{icon: material/weather-sunny, name: Passer au thème clair}}}}
nav: [index.md, lessons/one.md, lessons/two.md, progress.md, journal/index.md]
"""


def english_leftovers(text: str) -> list[str]:
    """English engine phrases (pieces between placeholders, 5+ characters) found in `text`."""
    english = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    french = json.loads((LOCALES / "fr.json").read_text(encoding="utf-8"))
    found = []
    for key, value in english.items():
        if value == french[key]:
            continue
        pieces = [piece.strip() for piece in re.split(r"\{\w+\}", value) if len(piece.strip()) >= 5]
        found += [f"{key}: {p}" for p in pieces if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]
    return found


@pytest.fixture(scope="module")
def french_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("french-site")
    config = make_project(tmp, QUIZZES, fixture_quizzes=False, config_extra=SETTINGS.format(root=ROOT.as_posix()),
                          closer="{facilitators: {enabled: false}, reader: {quick_exit: 'https://weather.com/'}}")
    for name in ("one", "two"):
        (tmp / "docs" / "lessons" / f"{name}.md").write_text(f"# Leçon {name}\n\nUn texte en français.\n", "utf-8")
    (tmp / "docs" / "index.md").write_text("# Accueil\n\nBienvenue.\n", encoding="utf-8")
    site = build_project(config)
    with serve(site) as url:
        yield url


def test_every_engine_string_is_french(page, french_url: str) -> None:
    texts = []
    page.goto(f"{french_url}quizzes/verifier/")
    page.click("[data-question=coeur] [data-action=check]")  # no choice yet: "choose first"
    texts.append(page.locator("article").inner_text())
    page.check("#coeur__b")
    page.click("[data-question=coeur] [data-action=check]")
    page.check("#parties__a")
    page.click("[data-question=parties] [data-action=check]")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    expect(page.locator(".quiz-summary")).not_to_be_empty()
    texts.append(page.locator("article").inner_text())
    page.click("[data-action=download]")
    texts.append(page.locator(".quiz-status").inner_text())

    page.goto(f"{french_url}quizzes/bilan/")
    page.check("#dire__4")
    page.click("[data-action=results]")  # too few answers
    texts.append(page.locator("article").inner_text())
    for item in ("garder", "nouvelles", "espoirs"):
        page.check(f"#{item}__2")
    page.check("#quiz-safety__yes")
    page.click("[data-action=results]")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    texts.append(page.locator("article").inner_text())

    for reader_page in ("progress/", "journal/", "lessons/one/"):
        page.goto(french_url + reader_page)
        texts.append(page.locator("article").inner_text())
    text = "\n".join(texts)
    assert "Vérifier" in text and "Ma progression" in text and "Mon journal" in text
    assert not english_leftovers(text)


def test_the_french_quick_exit_fits_the_narrowest_phone(browser, french_url: str) -> None:
    # French words run longer than English ones; the header must still hold its quick exit at 320 px (WCAG 1.4.10).
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(french_url + "lessons/one/")
        leave = page.get_by_role("link", name="Quitter ce site", exact=True)
        expect(leave.locator(".closer-exit__short")).to_have_text("Quitter")
        box = leave.bounding_box()
        assert box and box["x"] + box["width"] <= 320, box
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


@pytest.mark.parametrize("table", sorted(LOCALES.glob("*.json")), ids=lambda path: path.stem)
def test_every_language_table_is_complete(table: Path) -> None:
    english = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    translated = json.loads(table.read_text(encoding="utf-8"))
    assert list(translated) == list(english)
    for key, value in english.items():
        assert set(re.findall(r"\{\w+\}", translated[key])) == set(re.findall(r"\{\w+\}", value)), key
        assert translated[key].strip(), key


def test_the_leftover_check_can_fail() -> None:
    assert english_leftovers("Press Try again to answer.") == ["retry: Try again"]


def test_the_authoring_guide_documents_every_key_and_the_languages(root: Path) -> None:
    guide = (root / "docs" / "authoring.md").read_text(encoding="utf-8").replace("\\{", "{")  # escaped for attr_list
    assert "src/mkdocs_closer/quizcore/locales/fr.json" in guide
    english = json.loads((LOCALES / "en.json").read_text(encoding="utf-8"))
    assert [key for key in english if f"| `{key}` | {english[key]} |" not in guide] == []
