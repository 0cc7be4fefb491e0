"""Glossary links carry their term's definition, so readers see it on hover and focus."""

from __future__ import annotations

from pathlib import Path

from glossary import definitions, titled_links

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = """# Glossary

## Bids for connection

Small ways of asking for a partner's *attention*, as [Gottman](references.md#gottman-2001) describes. More text.

Taught in: [lesson 7](lessons/safe-harbour.md)

## I-statements

Saying how "you" feel. Second sentence.
"""


def test_definitions_are_first_sentences_in_plain_text() -> None:
    assert definitions(GLOSSARY) == {
        "bids-for-connection": "Small ways of asking for a partner's attention, as Gottman describes.",
        "i-statements": 'Saying how "you" feel.',
    }


def test_links_to_known_terms_get_an_escaped_title() -> None:
    html = '<p><a href="../../glossary/#i-statements">I-statements</a> and <a href="/glossary/#nope">x</a></p>'
    assert titled_links(html, definitions(GLOSSARY)) == (
        '<p><a title="Saying how &#34;you&#34; feel." href="../../glossary/#i-statements">I-statements</a>'
        ' and <a href="/glossary/#nope">x</a></p>'
    )


def test_an_author_title_and_other_pages_are_left_alone() -> None:
    html = '<a href="../glossary/#i-statements" title="Mine">a</a><a href="../references/#i-statements">b</a>'
    assert titled_links(html, definitions(GLOSSARY)) == html


def test_every_term_of_the_course_glossary_has_a_short_definition() -> None:
    explained = definitions((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    assert len(explained) >= 20
    for anchor, sentence in explained.items():
        assert sentence.endswith(".") and len(sentence.split()) <= 30, anchor
