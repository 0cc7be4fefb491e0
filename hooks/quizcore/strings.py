"""Interface text of quiz pages: one table, overridable from the site configuration."""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_STRINGS: dict[str, str] = {
    "privacy": "Your answers stay in this browser on this device. Nothing is sent anywhere.",
    "privacy_nojs": "Nothing you choose on this page is saved or sent anywhere.",
    "clear_answers": "Clear my answers",
    "clear_confirm": "Clear all your answers on this page?",
    "cleared": "Your answers on this page were cleared.",
    "question": "Question",
    "check": "Check",
    "retry": "Try again",
    "choose_first": "Choose an answer first.",
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partly": "You found {found} of {total} right answers.",
    "show_answer": "Show the answer",
    "answer_is": "Answer:",
    "answers_are": "Answers:",
    "about_choices": "About each choice",
    "true": "True",
    "false": "False",
    "summary": "{correct} of {total} correct so far.",
    "summary_done": "You got {correct} of {total} right.",
    "back_to_lesson": "Back to the lesson:",
    "lesson_quizzes": "Check what you learned",
    "questions_count": "{count} questions",
    "statements_count": "{count} statements",
    "statements": "Statements",
    "skip": "Skip",
    "see_results": "See my results",
    "results": "Your results",
    "too_few": "Answer at least {needed} of the {total} statements to see a result. You have answered {answered}.",
    "overall": "Overall",
    "score_of": "{score} (from {low} to {high})",
    "read_next": "Read next:",
    "strongest": "Your strongest statements",
    "explore": "Statements you might explore",
    "results_announce": "Your results are shown below.",
    "paper": "Score it on paper",
    "paper_values": "Give each answer its number: {values}.",
    "paper_reverse": "Statements marked “reversed” count the other way round: use {total} minus your number.",
    "paper_mean": "Your score is the average of your numbers, to one decimal.",
    "paper_sum": "Your score is the total of your numbers. If you skipped some, add your average for each one skipped.",
    "paper_min": "Answer at least {percent}% of the statements for the score to mean something.",
    "reversed": "reversed",
    "number": "No.",
    "statement": "Statement",
    "group": "Group",
    "safety_note": "This question is not scored and your answer is never saved.",
    "yes": "Yes",
    "no": "No",
    "prefer_not": "Prefer not to say",
    "safety_announce": "Support information is shown below the question.",
}


def merge_strings(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """Return the default strings updated with a site's overrides (unknown keys are an error)."""
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(DEFAULT_STRINGS))
    if unknown:
        raise KeyError(", ".join(unknown))
    return {**DEFAULT_STRINGS, **overrides}
