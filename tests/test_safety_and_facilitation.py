"""Safety and facilitation content: Get help, the quick exit, session plans, the guide, feedback form, sources."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PLANS = ["session-1", "session-2", "session-3", "session-4", "one-day"]
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
# Every help service of the content brief, with the details it gives for each: section 2.3 ("Where they point
# people") and the verification list of section 7, item 1 (which adds local crisis lines such as US 988).
BRIEF_SERVICES = {
    "National Domestic Violence Hotline": ["1-800-799-7233", "1-800-787-3224", "START", "88788", "thehotline.org"],
    "loveisrespect": ["LOVEIS", "22522"],
    "National Domestic Abuse Helpline": ["0808 2000 247", "nationaldahelpline.org.uk"],
    "1800RESPECT": ["1800 737 732"],
    "988 Suicide & Crisis Lifeline": ["988"],
}
# The emergency number of every country or region Get help lists services for, as the brief asks: local emergency
# numbers first.
EMERGENCY_NUMBERS = {
    "United States": ["911"],
    "Canada": ["911"],
    "United Kingdom": ["999", "112"],
    "Australia": ["000"],
    "European Union": ["112"],
}
TROUBLESHOOTING = [
    "A couple arguing in the room",
    "One partner answering for the other",
    "Someone who discloses that they use violence",
    "Someone who leaves upset",
]
# Wording that assumes two facilitators: each needs a solo variant right after it.
TWO_FACILITATORS = re.compile(r"co-facilitator|two facilitators|the facilitators\b|one facilitator taking", re.I)


def page(name: str) -> str:
    """Markdown of a page below the docs folder."""
    return (DOCS / name).read_text(encoding="utf-8")


def section(markdown: str, title: str, level: int = 2) -> str:
    """Text of the heading `title` at `level` down to the next heading of that level or higher."""
    hashes = "#" * level
    match = re.search(rf"^{hashes} {re.escape(title)}[^\n]*\n(.*?)(?=^#{{1,{level}}} |\Z)", markdown, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(1)


def table_rows(markdown: str) -> list[list[str]]:
    """Cells of every body row of the Markdown tables in `markdown` (header and rule rows left out)."""
    rows: list[list[str]] = []
    for line in markdown.splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", cell) for cell in cells):
            rows.pop()  # the line above the rule is the header
            continue
        rows.append(cells)
    return rows


def blocks(markdown: str) -> list[str]:
    """The blank-line-separated blocks of `markdown`: paragraphs, whole lists, whole tables."""
    return [block.strip() for block in re.split(r"\n\s*\n", markdown) if block.strip()]


@cache
def lesson_anchors(lesson: str) -> frozenset[str]:
    """The heading anchors of a lesson, as the toc extension makes them."""
    headings = re.findall(r"^#{1,6} (.+?)\s*$", page(f"lessons/{lesson}.md"), re.M)
    return frozenset(slugify(heading, "-") for heading in headings)


@cache
def reference_entries() -> dict[str, tuple[str, bool]]:
    """Each References entry by anchor: its text on one line, and whether it is under Background reading."""
    text = page("references.md")
    background = text.index("## Background reading")
    return {
        match.group(2): (" ".join(match.group(1).split()), match.start() > background)
        for match in re.finditer(r"^- (.*?)\n\s+\{ #([\w-]+) \}$", text, re.S | re.M)
    }


def teaching_labels(plan: str) -> list[str]:
    """The bold labels of a plan's teaching rows, without the final full stop or comma."""
    labels = []
    for cells in table_rows(section(page(f"facilitators/{plan}.md"), "Timing")):
        match = re.match(r"\*\*(Teaching:.+?)[.,]?\*\*", cells[2]) if len(cells) > 2 else None
        if match:
            labels.append(match.group(1))
    return labels


def test_get_help_sends_readers_to_clear_everything_and_never_to_clear_my_answers() -> None:
    """Get help points to Clear everything on My progress, which deletes all answers, not one page's."""
    help_page = page("get-help.md")
    assert "](progress.md#clear-everything)" in help_page
    assert "**Clear everything**" in help_page
    assert "Clear my answers" not in help_page


def test_the_guide_checklist_clears_shared_computers_with_clear_everything() -> None:
    """The facilitator checklist clears shared computers with Clear everything."""
    checklist = section(page("facilitators/index.md"), "Facilitator checklist")
    assert "Clear my answers" not in checklist
    assert "**Clear everything** on [My progress](../progress.md#clear-everything)" in checklist


def test_get_help_never_claims_a_date_it_was_checked() -> None:
    """Get help says details may have changed, not when they were 'last checked'."""
    help_page = page("get-help.md")
    assert not re.search(r"last checked", help_page, re.I)
    assert "may have changed" in help_page and "own website" in help_page


def test_every_service_on_get_help_names_its_own_site_and_the_source_of_its_details() -> None:
    """Each service in Get help's tables has a row in 'Where these details come from' with its site and a source."""
    help_page = page("get-help.md")
    sources = {cells[0]: cells for cells in table_rows(section(help_page, "Where these details come from"))}
    services = [
        cells[1]
        for title in ("If you are not safe in your relationship", "If you are feeling low or in crisis")
        for cells in table_rows(section(help_page, title))
    ]
    assert len(services) >= 10
    for service in services:
        named = [name for name in sources if name in service]
        assert named, f"{service!r} has no row in 'Where these details come from'"
        _, site, source = sources[named[0]]
        assert re.search(r"\]\(https://", site), f"{named[0]}: link the organisation's own site"
        assert len(source.split()) >= 3, f"{named[0]}: say where the details were taken from"


@pytest.mark.parametrize(("service", "details"), BRIEF_SERVICES.items())
def test_every_service_of_the_research_brief_is_on_get_help(service: str, details: list[str]) -> None:
    """Get help lists each service the content brief names, with the contact details it gives."""
    help_page = page("get-help.md")
    assert service in help_page
    for detail in details:
        assert detail in help_page, f"{service}: {detail} is missing"


@pytest.mark.parametrize(("place", "numbers"), EMERGENCY_NUMBERS.items())
def test_get_help_gives_emergency_numbers_first(place: str, numbers: list[str]) -> None:
    """The emergency box comes before any service and gives each listed place's emergency number."""
    help_page = page("get-help.md")
    box = re.search(r'^!!! danger "In an emergency"\n((?:    .*\n|\n)+)', help_page, re.M)
    assert box and box.start() < help_page.index("| Where you are |"), "emergency numbers come first"
    line = next((line for line in box.group(1).splitlines() if place in line), "")
    for number in numbers:
        assert f"[{number}](tel:{number})" in line, f"{place}: {number}"


def test_get_help_explains_what_the_quick_exit_does_and_does_not_do() -> None:
    """'Leaving this site quickly' covers Escape twice, Back, history, other tabs, saved answers and onlookers."""
    quick_exit = section(page("get-help.md"), "Leaving this site quickly", level=3)
    for words in (
        "Leave this site",
        "Escape",
        "Back",
        "history",
        "other tabs",
        "Clear everything",
        "watching",
        "JavaScript",
    ):
        assert words in quick_exit, words


def test_before_you_begin_explains_the_quick_exit_and_links_to_get_help() -> None:
    """Before you begin says what the quick exit does not do and links to the fuller explanation."""
    preface = page("before-you-begin.md")
    assert "**Leave this site**" in preface and "Escape" in preface
    assert "history" in preface and "other" in preface and "tabs" in preface
    assert "](get-help.md#leaving-this-site-quickly)" in preface


@pytest.mark.parametrize("plan", PLANS)
def test_every_teaching_row_has_talking_points_a_question_and_lesson_links(plan: str) -> None:
    """Each teaching row has a talking-points section: 3-6 bullets, an Ask-the-room line, deep links to lessons."""
    markdown = page(f"facilitators/{plan}.md")
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings.index("Talking points") == headings.index("Timing") + 1, "talking points follow the timing"
    points = section(markdown, "Talking points")
    labels = teaching_labels(plan)
    assert labels and re.findall(r"^### (.+)$", points, re.M) == labels
    for label in labels:
        part = section(points, label, level=3)
        bullets = re.findall(r"^- ", part, re.M)
        assert 3 <= len(bullets) <= 6, f"{label}: {len(bullets)} talking points"
        assert re.search(r"^\*\*Ask the room:\*\* \S", part, re.M), f"{label}: no question for the room"
        source = re.search(r"^\*\*From the lesson:\*\* (.+?)(?:\n\n|\Z)", part, re.M | re.S)
        assert source, f"{label}: no lesson sections"
        targets = [target for _, target in MARKDOWN_LINK.findall(source.group(1))]
        deep = [re.fullmatch(r"\.\./lessons/([\w-]+)\.md#([\w-]+)", target) for target in targets]
        assert deep and all(deep), f"{label}: link lesson sections, {targets}"
        for match in deep:
            assert match and match.group(2) in lesson_anchors(match.group(1)), match and match.group(0)


@pytest.mark.parametrize("plan", PLANS)
def test_every_plan_lists_its_link_sheet_the_answer_key_and_the_participant_pack(plan: str) -> None:
    """A plan's materials link its own link sheet, the answer key and its pages of the participant pack."""
    materials = section(page(f"facilitators/{plan}.md"), "Materials")
    targets = [target for _, target in MARKDOWN_LINK.findall(materials)]
    assert f"links/{plan}.md" in targets
    assert "answer-key.md" in targets
    pack = "pack.md" if plan == "one-day" else f"pack.md#{plan}"  # a one-day workshop hands out every session's
    assert pack in targets


@pytest.mark.parametrize("plan", PLANS)
def test_every_plans_ground_rules_row_links_the_confidentiality_script(plan: str) -> None:
    """The first row where a plan goes over the ground rules links the script for the limits of confidentiality."""
    rows = [" | ".join(cells) for cells in table_rows(section(page(f"facilitators/{plan}.md"), "Timing"))]
    ground_rules = next(row for row in rows if "index.md#ground-rules" in row)
    assert "[What to say about confidentiality](index.md#what-to-say-about-confidentiality)" in ground_rules


@pytest.mark.parametrize("plan", PLANS)
def test_a_solo_variant_follows_every_mention_of_two_facilitators(plan: str) -> None:
    """Every block of a plan that assumes two facilitators is followed by an On-your-own paragraph."""
    parts = blocks(page(f"facilitators/{plan}.md"))
    for i, block in enumerate(parts):
        if TWO_FACILITATORS.search(block):
            following = parts[i + 1] if i + 1 < len(parts) else ""
            assert following.startswith("**On your own:** "), f"no solo variant after: {block[:80]!r}"


def test_the_guide_reads_out_the_limits_of_confidentiality() -> None:
    """The guide has a plain script for the limits of confidentiality, as a blockquote to read aloud."""
    script = section(page("facilitators/index.md"), "What to say about confidentiality", level=3)
    quote = " ".join(line.lstrip("> ") for line in script.splitlines() if line.startswith(">"))
    assert len(quote.split()) >= 60
    assert "child" in quote and "danger" in quote and "pass" in quote


@pytest.mark.parametrize("title", TROUBLESHOOTING)
def test_the_guide_troubleshoots_hard_moments_step_by_step(title: str) -> None:
    """Each troubleshooting case in the guide gives at least four numbered steps."""
    troubleshooting = section(page("facilitators/index.md"), "Troubleshooting")
    steps = re.findall(r"^\d+\. \*\*", section(troubleshooting, title, level=3), re.M)
    assert len(steps) >= 4


def test_the_guide_expects_many_participants_to_have_lived_with_violence() -> None:
    """The guide follows RIViR: programmes should expect that many, not some, participants have lived with it."""
    guide = page("facilitators/index.md")
    sentence = re.search(r"[^.]*\(\[Office of Planning, Research and Evaluation, n\.d\.\]", guide)
    assert sentence and "expect that many people" in sentence.group(0)


def test_the_feedback_form_is_anonymous_and_asks_for_no_name() -> None:
    """The feedback form says it is anonymous and has no field for a name."""
    form = page("facilitators/feedback-form.md")
    assert "**This form is anonymous.**" in form
    assert not re.search(r"(?im)^\W*(your\s+)?(first\s+)?name\b|\|\s*name\s*\||name\s*:|_{3,}", form)
    for sentence in re.split(r"(?<=[.?!])\s+", " ".join(form.split())):
        if re.search(r"\bnames?\b", sentence, re.I):
            assert re.search(r"\b(do not|don't|never)\b", sentence), sentence


def test_the_feedback_form_prints_boxes_to_tick_and_space_to_write() -> None:
    """Ratings are a table of boxes to tick; open questions are boxes that print with lines to write on."""
    form = page("facilitators/feedback-form.md")
    rows = table_rows(form)
    assert len(rows) >= 5 and all(cells[1:] == ["☐"] * (len(cells) - 1) for cells in rows)
    # The print stylesheet rules lines into boxes marked for writing.
    assert len(re.findall(r'^!!! note writing "[^"]+\?"', form, re.M)) >= 2


def test_the_feedback_form_is_in_the_facilitators_navigation() -> None:
    """The feedback form is listed under For facilitators."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]
    pages = next(entry["For facilitators"] for entry in nav if isinstance(entry, dict) and "For facilitators" in entry)
    assert "facilitators/feedback-form.md" in [next(iter(entry.values())) for entry in pages]


@pytest.mark.parametrize("lesson", sorted(path.stem for path in (DOCS / "lessons").glob("*.md")))
def test_a_lessons_sources_are_exactly_the_references_it_cites(lesson: str) -> None:
    """A lesson's Sources list gives, word for word, the References entry of every work it cites, and no other."""
    body, sources = page(f"lessons/{lesson}.md").split('??? info "Sources"')
    listed = [" ".join(item.split()) for item in re.findall(r"^    - (.*?)(?=^    - |\Z)", sources, re.S | re.M)]
    cited = dict.fromkeys(re.findall(r"references\.md#([\w-]+)", body))
    assert sorted(listed) == sorted(reference_entries()[anchor][0] for anchor in cited)


def test_background_reading_holds_exactly_the_works_nothing_cites() -> None:
    """Works cited anywhere are in the main sections of References; works cited nowhere are under Background reading."""
    cited = {
        anchor
        for path in DOCS.rglob("*.md")
        if path.name != "references.md"
        for anchor in re.findall(r"references\.md#([\w-]+)", path.read_text(encoding="utf-8"))
    }
    for anchor, (text, background) in reference_entries().items():
        assert background == (anchor not in cited), f"{anchor}: {text[:60]}"


def test_the_relationship_cure_and_the_couple_therapy_meta_analysis_are_cited_in_full() -> None:
    """The relationship cure names both authors; Roddy et al. (2020) names its journal."""
    entries = reference_entries()
    assert entries["gottman-2001"][0].startswith("Gottman, J. M., & DeClaire, J. (2001). *The relationship cure")
    assert "*Journal of Consulting and Clinical Psychology, 88*(7), 583–596." in entries["roddy-2020"][0]
    for path in DOCS.rglob("*.md"):
        assert "[Gottman, 2001]" not in path.read_text(encoding="utf-8"), path.relative_to(ROOT)
