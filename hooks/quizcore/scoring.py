"""Score ranges of self-assessments, shared by validation and rendering."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ScoreRange:
    """The possible scores of a scale and the step between displayed scores."""

    low: Decimal
    high: Decimal
    step: Decimal

    def on_grid(self, value: Decimal) -> bool:
        """Return whether `value` is a score that can be displayed (a multiple of the step)."""
        return (value - self.low) % self.step == 0


def score_range(values: list[int], item_count: int, method: str) -> ScoreRange:
    """Return the range of a mean (one decimal) or prorated sum (whole number) score."""
    low, high = Decimal(min(values)), Decimal(max(values))
    if method == "sum":
        return ScoreRange(low * item_count, high * item_count, Decimal(1))
    return ScoreRange(low, high, Decimal("0.1"))


def as_decimal(value: float | int) -> Decimal:
    """Convert a YAML number to a Decimal without binary-float noise (2.4 stays 2.4)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
