"""Small statistics for the figures staff read: a proportion's confidence interval."""

from __future__ import annotations

import math

# The normal quantile for a two-sided 95 % interval.
Z_95 = 1.959963984540054


def wilson_interval(successes: int, trials: int, *, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval for ``successes`` out of ``trials`` (95 % by default), or None
    without trials. Chosen over the textbook normal interval because it stays within 0 and 1 and
    behaves with few trials and with shares near 0 or 1, which is what a rule with a handful of
    reviews gives."""
    if trials <= 0:
        return None
    if not 0 <= successes <= trials:
        raise ValueError(f"{successes} successes out of {trials} trials")
    share = successes / trials
    z2 = z * z
    centre = (share + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z / (1 + z2 / trials) * math.sqrt(share * (1 - share) / trials + z2 / (4 * trials * trials))
    # At 0 or at every trial the bound is exactly 0 or 1; rounding would leave a hair off it.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high
