"""The journal's choices and the triage engine's vocabulary are the same codes, in the same order."""

import pytest

from journal.vocabulary import RED_FLAG_SYMPTOMS, RadiatesTo, Region, SelfHelp, Symptom
from triage import rules


@pytest.mark.parametrize(
    ("choices", "codes"),
    [
        (Region, rules.REGIONS),
        (RadiatesTo, rules.RADIATES_TO),
        (Symptom, rules.SYMPTOMS),
        (SelfHelp, rules.SELF_HELP),
    ],
)
def test_every_code_the_form_offers_is_one_triage_knows(choices, codes):
    assert tuple(choices.values) == tuple(codes)


def test_the_red_flag_questions_are_the_ones_triage_asks_for():
    assert tuple(RED_FLAG_SYMPTOMS) == rules.RED_FLAG_QUESTIONS
