"""Score ranges of self-assessments, shared by validation and rendering."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


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


def round_score(value: float | Decimal, decimals: int = 0) -> Decimal:
    """Round half away from zero to `decimals` places, as on paper; quiz pages use the same rule (`Closer.round`).

    The value is first taken to 12 significant digits, the decimal number a float stands for:
    1.005 * 100 is 100.49999999999999 in binary floating point, and rounds as 100.5.
    """
    scaled = Decimal(f"{abs(float(value)) * 10**decimals:.12g}").quantize(Decimal(1), ROUND_HALF_UP)
    return (-scaled if value < 0 else scaled).scaleb(-decimals)
