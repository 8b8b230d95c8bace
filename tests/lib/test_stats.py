"""The Wilson score interval behind the rules' precision figures, against published values."""

import pytest

from lib.stats import wilson_interval


@pytest.mark.parametrize(
    "successes, trials, low, high",
    [
        (8, 10, 0.4902, 0.9433),
        (3, 4, 0.3006, 0.9544),
        (0, 1, 0.0, 0.7935),
        (10, 10, 0.7225, 1.0),
        (50, 100, 0.4038, 0.5962),
    ],
)
def test_the_interval_matches_the_published_values(successes, trials, low, high):
    interval = wilson_interval(successes, trials)
    assert (round(interval[0], 4), round(interval[1], 4)) == (low, high)


def test_no_trials_give_no_interval():
    assert wilson_interval(0, 0) is None


def test_the_interval_stays_between_0_and_1_and_holds_the_share():
    for trials in range(1, 30):
        for successes in range(trials + 1):
            low, high = wilson_interval(successes, trials)
            assert 0 <= low <= successes / trials <= high <= 1


@pytest.mark.parametrize("successes, trials", [(-1, 3), (4, 3)])
def test_impossible_counts_are_refused(successes, trials):
    with pytest.raises(ValueError):
        wilson_interval(successes, trials)
