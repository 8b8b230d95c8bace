"""The triage rules on both sides of every threshold; plain values, no database."""

import datetime
from dataclasses import replace

import pytest

from triage.rules import (
    RED_FLAG_QUESTIONS,
    RULES,
    RULES_BY_CODE,
    SYMPTOMS,
    URGENCIES,
    EntryFacts,
    Flag,
    RuleConfig,
    Source,
    Urgency,
    default_configs,
    evaluate,
    overall_urgency,
    param_errors,
    parse_entry,
    rules_markdown,
    urgency_rank,
    window_days_meeting,
    window_start,
)

TODAY = datetime.date(2026, 3, 15)


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


def entry(
    ago=0,
    *,
    pain=0,
    symptoms=(),
    radiates_to=(),
    spasms=0,
    painkillers=False,
    self_help=(),
):
    return EntryFacts(
        date=days_ago(ago),
        regions={"upper_back": pain} if pain else {},
        radiates_to=frozenset(radiates_to),
        spasms=spasms,
        symptoms=frozenset(symptoms),
        painkillers=painkillers,
        self_help=frozenset(self_help),
    )


def configs_with(code, **changes):
    """The shipped configs with one rule's config changed."""
    return tuple(
        replace(config, **changes) if config.code == code else config for config in default_configs()
    )


def fired(today, history=(), configs=None):
    """Rule code -> urgency of every flag the entry raises."""
    flags = evaluate(today, history, default_configs() if configs is None else configs)
    return {flag.rule: flag.urgency for flag in flags}


def flag_for(code, today, history=(), configs=None):
    flags = evaluate(today, history, default_configs() if configs is None else configs)
    return next(flag for flag in flags if flag.rule == code)


# --- The rule set matches the spec ----------------------------------------------------

SPEC_RULES = {
    "recurring_spasms": ("soon", "article"),
    "persistent_pain": ("soon", "article"),
    "head_symptoms": ("soon", "article"),
    "systemic_symptoms": ("soon", "article"),
    "painkiller_use": ("routine", "article"),
    "radiating_pain": ("soon", "article"),
    "restricted_movement": ("soon", "article"),
    "slanted_posture": ("soon", "article"),
    "sleep_disturbance": ("routine", "article"),
    "numbness": ("soon", "article"),
    "cauda_equina": ("emergency", "clinical_guidance"),
    "chest_pain": ("emergency", "clinical_guidance"),
    "systemic_red_flags": ("urgent", "clinical_guidance"),
}


def test_the_rules_are_the_thirteen_of_the_spec_with_their_urgency_and_source():
    shipped = {rule.code: (rule.default_urgency, rule.source) for rule in RULES}
    assert shipped == SPEC_RULES


def test_rules_are_sorted_by_code_and_indexed_by_code():
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes)
    assert list(RULES_BY_CODE) == codes


def test_symptoms_are_the_eighteen_codes_in_the_spec_order():
    assert SYMPTOMS == (
        "headache",
        "toothache",
        "eye_pressure",
        "emotional_distress",
        "dizziness",
        "nausea",
        "vomiting",
        "numbness",
        "restricted_movement",
        "slanted_posture",
        "sleep_disturbed",
        "saddle_numbness",
        "bladder_bowel_change",
        "leg_weakness",
        "chest_pain",
        "fever",
        "weight_loss",
        "recent_trauma",
    )


def test_every_urgency_has_a_label_and_they_rank_highest_first():
    assert URGENCIES == ("emergency", "urgent", "soon", "routine")
    assert all(Urgency(code).label for code in URGENCIES)
    assert [urgency_rank(code) for code in URGENCIES] == [0, 1, 2, 3]


def test_an_unknown_urgency_has_no_rank():
    with pytest.raises(ValueError, match="unknown urgency"):
        urgency_rank("whenever")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_is_fully_described(rule):
    assert rule.criterion.endswith(".")
    assert rule.default_message
    assert rule.default_urgency in URGENCIES
    assert rule.source in Source.values
    for param in rule.params:
        assert param.minimum <= param.default <= param.maximum
        assert param.help


@pytest.mark.parametrize("code", ["cauda_equina", "chest_pain"])
def test_emergency_messages_say_to_seek_care_now_and_not_wait(code):
    message = RULES_BY_CODE[code].default_message
    assert "Seek care now" in message
    assert "emergency number" in message
    assert "Do not wait" in message


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_no_message_names_a_diagnosis(rule):
    words = ("disc", "hernia", "cancer", "tumour", "arthritis", "cauda", "diagnos")
    text = rule.default_message.lower()
    assert not [word for word in words if word in text]


def test_default_configs_enable_every_rule_with_its_defaults():
    configs = default_configs()
    assert [config.code for config in configs] == [rule.code for rule in RULES]
    for config, rule in zip(configs, RULES, strict=True):
        assert config.enabled
        assert config.urgency == rule.default_urgency
        assert config.message == rule.default_message
        assert config.params == {param.name: param.default for param in rule.params}


def test_the_shipped_thresholds_are_those_of_the_spec():
    def defaults(code):
        return {param.name: param.default for param in RULES_BY_CODE[code].params}

    assert defaults("recurring_spasms") == {"min_days": 3, "window_days": 14}
    assert defaults("persistent_pain") == {
        "min_pain": 4,
        "min_days": 10,
        "window_days": 14,
    }


# --- Rules that read one entry --------------------------------------------------------

PAIN_RULES = {
    "head_symptoms": ("headache", "toothache", "eye_pressure"),
    "systemic_symptoms": ("emotional_distress", "dizziness", "nausea", "vomiting"),
    "restricted_movement": ("restricted_movement",),
    "slanted_posture": ("slanted_posture",),
    "sleep_disturbance": ("sleep_disturbed",),
    "systemic_red_flags": ("fever", "weight_loss", "recent_trauma"),
}
PAIN_RULE_SYMPTOMS = [(code, symptom) for code, symptoms in PAIN_RULES.items() for symptom in symptoms]


@pytest.mark.parametrize(("code", "symptom"), PAIN_RULE_SYMPTOMS)
def test_pain_rules_fire_on_each_of_their_symptoms_with_pain_of_one(code, symptom):
    assert code in fired(entry(pain=1, symptoms=[symptom]))


@pytest.mark.parametrize(("code", "symptom"), PAIN_RULE_SYMPTOMS)
def test_pain_rules_stay_quiet_for_their_symptoms_without_pain(code, symptom):
    assert code not in fired(entry(pain=0, symptoms=[symptom]))


@pytest.mark.parametrize("code", PAIN_RULES)
def test_pain_rules_stay_quiet_for_pain_without_their_symptoms(code):
    others = [symptom for symptom in SYMPTOMS if symptom not in PAIN_RULES[code]]
    assert code not in fired(entry(pain=10, symptoms=others))


@pytest.mark.parametrize("code", [*PAIN_RULES, "radiating_pain"])
def test_raising_min_pain_moves_the_threshold(code):
    symptoms = PAIN_RULES.get(code, ())
    configs = configs_with(code, params={"min_pain": 5})

    def at(pain):
        return entry(pain=pain, symptoms=symptoms, radiates_to=["arms"])

    assert code not in fired(at(4), configs=configs)
    assert code in fired(at(5), configs=configs)


def test_pain_rule_reason_names_the_pain_and_the_symptoms():
    today = EntryFacts(
        date=TODAY,
        regions={"neck": 6, "upper_back": 6, "lower_back": 2},
        symptoms=frozenset({"eye_pressure", "headache"}),
    )
    assert flag_for("head_symptoms", today).reason == (
        "This entry records pain of 6/10 in the neck and upper back together with "
        "headache and pressure behind the eyes."
    )


@pytest.mark.parametrize("place", ["arms", "lower_back"])
def test_radiating_pain_fires_when_pain_spreads_into_arms_or_lower_back(place):
    assert "radiating_pain" in fired(entry(pain=1, radiates_to=[place]))


def test_radiating_pain_stays_quiet_without_pain():
    assert "radiating_pain" not in fired(entry(pain=0, radiates_to=["arms"]))


def test_radiating_pain_stays_quiet_when_pain_spreads_only_elsewhere():
    today = entry(pain=8, radiates_to=["head", "shoulders", "legs"])
    assert "radiating_pain" not in fired(today)


def test_radiating_pain_reason_names_where_the_pain_spreads():
    today = entry(pain=5, radiates_to=["lower_back", "head", "arms"])
    assert flag_for("radiating_pain", today).reason == (
        "This entry records pain of 5/10 in the upper back spreading into the arms and the lower back."
    )


def test_painkillers_are_flagged_for_the_next_visit_even_without_pain():
    assert fired(entry(painkillers=True)) == {"painkiller_use": "routine"}


def test_no_painkillers_no_painkiller_flag():
    assert "painkiller_use" not in fired(entry(pain=7, painkillers=False))


@pytest.mark.parametrize("symptom", RED_FLAG_QUESTIONS)
def test_each_red_flag_question_is_an_emergency_even_without_pain(symptom):
    assert fired(entry(symptoms=[symptom])) == {"cauda_equina": "emergency"}


def test_chest_pain_is_an_emergency_even_without_pain():
    assert fired(entry(symptoms=["chest_pain"])) == {"chest_pain": "emergency"}


def test_an_ordinary_painful_day_raises_no_flag():
    assert fired(entry(pain=9, self_help=["heat"])) == {}


# --- Numbness escalation --------------------------------------------------------------


def test_numbness_alone_is_soon_even_without_pain():
    assert fired(entry(symptoms=["numbness"])) == {"numbness": "soon"}


def test_numbness_with_dizziness_is_urgent():
    flags = fired(entry(symptoms=["numbness", "dizziness"]))
    assert flags["numbness"] == "urgent"


def test_numbness_escalation_lifts_a_lower_configured_urgency_to_urgent():
    configs = configs_with("numbness", urgency="routine")
    assert fired(entry(symptoms=["numbness"]), configs=configs)["numbness"] == "routine"
    today = entry(symptoms=["numbness", "dizziness"])
    assert fired(today, configs=configs)["numbness"] == "urgent"


def test_numbness_escalation_never_lowers_a_higher_configured_urgency():
    configs = configs_with("numbness", urgency="emergency")
    today = entry(symptoms=["numbness", "dizziness"])
    assert fired(today, configs=configs)["numbness"] == "emergency"


def test_dizziness_without_numbness_raises_no_numbness_flag():
    assert "numbness" not in fired(entry(pain=3, symptoms=["dizziness"]))


def test_numbness_reason_mentions_the_dizziness():
    today = entry(symptoms=["numbness", "dizziness"])
    assert flag_for("numbness", today).reason == ("This entry records numbness together with dizziness.")


# --- Recurring spasms and the window --------------------------------------------------


def spasm_days(*agos):
    return [entry(ago, spasms=1) for ago in agos]


def test_recurring_spasms_fire_on_the_third_day_in_the_window():
    assert "recurring_spasms" in fired(entry(spasms=2), spasm_days(3, 7))


def test_recurring_spasms_stay_quiet_on_the_second_day():
    assert "recurring_spasms" not in fired(entry(spasms=2), spasm_days(3))


def test_recurring_spasms_need_spasms_in_the_entry_itself():
    assert "recurring_spasms" not in fired(entry(spasms=0), spasm_days(1, 2, 3))


def test_the_day_thirteen_days_back_is_inside_the_window():
    assert "recurring_spasms" in fired(entry(spasms=1), spasm_days(5, 13))


def test_the_day_fourteen_days_back_is_outside_the_window():
    assert "recurring_spasms" not in fired(entry(spasms=1), spasm_days(5, 14, 30))


def test_entries_dated_after_the_evaluated_one_are_ignored():
    assert "recurring_spasms" not in fired(entry(spasms=1), spasm_days(-1, -2, 5))


def test_two_entries_on_one_day_count_as_one_day():
    assert "recurring_spasms" not in fired(entry(spasms=1), spasm_days(0, 4, 4))


def test_a_day_counts_when_any_of_its_entries_meets_the_condition():
    history = [entry(4, spasms=0), entry(4, spasms=3), entry(9, spasms=1)]
    assert "recurring_spasms" in fired(entry(spasms=1), history)


def test_history_in_any_order_gives_the_same_flags():
    history = spasm_days(20, 3, -4, 11, 3)
    assert fired(entry(spasms=1), history) == fired(entry(spasms=1), history[::-1])


def test_lowering_min_days_makes_two_spasm_days_enough():
    configs = configs_with("recurring_spasms", params={"min_days": 2, "window_days": 14})
    assert "recurring_spasms" in fired(entry(spasms=1), spasm_days(3), configs)


def test_shortening_the_window_drops_older_spasm_days():
    configs = configs_with("recurring_spasms", params={"min_days": 3, "window_days": 7})
    assert "recurring_spasms" in fired(entry(spasms=1), spasm_days(2, 6), configs)
    assert "recurring_spasms" not in fired(entry(spasms=1), spasm_days(2, 7), configs)


def test_recurring_spasms_reason_says_how_many_days_and_when():
    flag = flag_for("recurring_spasms", entry(spasms=1), spasm_days(2, 9))
    assert flag.reason == "Spasms on 3 of the 14 days from 2 Mar to 15 Mar."


def test_a_window_across_new_year_names_the_years():
    new_year = datetime.date(2026, 1, 5)
    today = replace(entry(spasms=1), date=new_year)
    history = [replace(e, date=new_year - (TODAY - e.date)) for e in spasm_days(1, 2)]
    assert flag_for("recurring_spasms", today, history).reason == (
        "Spasms on 3 of the 14 days from 23 Dec 2025 to 5 Jan 2026."
    )


def test_window_days_meeting_returns_the_qualifying_days_of_the_window():
    history = [*spasm_days(-1, 3, 3, 13, 14), entry(5, spasms=0)]
    days = window_days_meeting(entry(spasms=1), history, 14, lambda e: e.spasms > 0)
    assert days == {TODAY, days_ago(3), days_ago(13)}


# --- Persistent pain ------------------------------------------------------------------


def painful_days(*agos, pain=4, self_help=()):
    return [entry(ago, pain=pain, self_help=self_help) for ago in agos]


NINE_EARLIER_PAINFUL_DAYS = painful_days(*range(1, 10))


def test_persistent_pain_fires_on_the_tenth_painful_day_with_self_help():
    today = entry(pain=4, self_help=["heat"])
    assert "persistent_pain" in fired(today, NINE_EARLIER_PAINFUL_DAYS)


def test_persistent_pain_stays_quiet_on_the_ninth_painful_day():
    today = entry(pain=4, self_help=["heat"])
    assert "persistent_pain" not in fired(today, NINE_EARLIER_PAINFUL_DAYS[:-1])


def test_persistent_pain_needs_the_entry_itself_to_reach_min_pain():
    today = entry(pain=3, self_help=["heat"])
    history = painful_days(*range(1, 12))
    assert "persistent_pain" not in fired(today, history)


def test_days_below_min_pain_do_not_count_as_painful():
    today = entry(pain=4, self_help=["heat"])
    history = [*NINE_EARLIER_PAINFUL_DAYS[:-1], entry(9, pain=3)]
    assert "persistent_pain" not in fired(today, history)


def test_persistent_pain_stays_quiet_without_self_help_in_the_window():
    assert "persistent_pain" not in fired(entry(pain=8), NINE_EARLIER_PAINFUL_DAYS)


def test_persistent_pain_stays_quiet_when_self_help_is_only_outside_the_window():
    history = [*NINE_EARLIER_PAINFUL_DAYS, *painful_days(14, 20, self_help=["heat"])]
    assert "persistent_pain" not in fired(entry(pain=8), history)


def test_self_help_on_any_earlier_day_of_the_window_counts():
    history = [*NINE_EARLIER_PAINFUL_DAYS, entry(13, self_help=["stretching"])]
    assert "persistent_pain" in fired(entry(pain=8), history)


def test_self_help_dated_after_the_entry_does_not_count():
    history = [*NINE_EARLIER_PAINFUL_DAYS, entry(-1, self_help=["stretching"])]
    assert "persistent_pain" not in fired(entry(pain=8), history)


def test_a_painful_day_thirteen_days_back_counts_and_fourteen_does_not():
    today = entry(pain=4, self_help=["heat"])
    eight_more = painful_days(*range(1, 9))
    assert "persistent_pain" in fired(today, [*eight_more, *painful_days(13)])
    assert "persistent_pain" not in fired(today, [*eight_more, *painful_days(14)])


def test_changed_persistent_pain_thresholds_change_the_result():
    today = entry(pain=5, self_help=["heat"])
    history = painful_days(1, 2, 3, 4, pain=5)
    fewer_days = configs_with("persistent_pain", params={"min_days": 5})
    higher_pain = configs_with("persistent_pain", params={"min_days": 5, "min_pain": 6})
    assert "persistent_pain" in fired(today, history, fewer_days)
    assert "persistent_pain" not in fired(today, history, higher_pain)


def test_persistent_pain_reason_says_how_often_and_which_self_help():
    today = entry(pain=6, self_help=["stretching"])
    history = [*NINE_EARLIER_PAINFUL_DAYS, entry(30, self_help=["massage"])]
    history[0] = entry(1, pain=4, self_help=["heat", "stretching"])
    assert flag_for("persistent_pain", today, history).reason == (
        "Pain of 4/10 or more on 10 of the 14 days from 2 Mar to 15 Mar, although "
        "self-help (heat and stretching) was recorded on 2 days of that time."
    )


# --- Configuration --------------------------------------------------------------------


def test_a_disabled_rule_does_not_fire():
    configs = configs_with("chest_pain", enabled=False)
    assert fired(entry(symptoms=["chest_pain"]), configs=configs) == {}


def test_a_rule_without_a_config_does_not_run():
    configs = [c for c in default_configs() if c.code == "painkiller_use"]
    today = entry(symptoms=["chest_pain"], painkillers=True)
    assert fired(today, configs=configs) == {"painkiller_use": "routine"}


def test_the_configured_urgency_is_used():
    configs = configs_with("painkiller_use", urgency="urgent")
    assert fired(entry(painkillers=True), configs=configs) == {"painkiller_use": "urgent"}


def test_the_configured_message_is_used():
    configs = configs_with("painkiller_use", message="Tell your GP.")
    assert flag_for("painkiller_use", entry(painkillers=True), configs=configs).message == ("Tell your GP.")


def test_a_blank_message_falls_back_to_the_default():
    configs = configs_with("painkiller_use", message="  ")
    flag = flag_for("painkiller_use", entry(painkillers=True), configs=configs)
    assert flag.message == RULES_BY_CODE["painkiller_use"].default_message


def test_missing_params_fall_back_to_the_defaults_and_unknown_ones_are_ignored():
    configs = configs_with("recurring_spasms", params={"min_pain": 9})
    assert "recurring_spasms" in fired(entry(spasms=1), spasm_days(3, 7), configs)
    assert "recurring_spasms" not in fired(entry(spasms=1), spasm_days(3), configs)


def test_a_config_for_an_unknown_rule_is_ignored():
    retired = RuleConfig("retired_rule", True, "emergency", {}, "Old.")
    assert fired(entry(painkillers=True), configs=[retired]) == {}


def test_when_a_rule_is_configured_twice_the_later_config_wins():
    later = RuleConfig("painkiller_use", True, "soon", {}, "")
    configs = [*configs_with("painkiller_use", urgency="urgent"), later]
    assert fired(entry(painkillers=True), configs=configs) == {"painkiller_use": "soon"}


def test_an_unknown_configured_urgency_is_an_error():
    configs = configs_with("painkiller_use", urgency="whenever")
    with pytest.raises(ValueError, match="whenever"):
        evaluate(entry(painkillers=True), [], configs)


def test_the_default_params_pass_their_own_checks():
    for rule in RULES:
        defaults = {param.name: param.default for param in rule.params}
        assert param_errors(rule.code, defaults) == []


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"min_days": 1}, "min_days must be a whole number from 2 to 90."),
        ({"window_days": 91}, "window_days must be a whole number from 1 to 90."),
        ({"window_days": True}, "window_days must be a whole number from 1 to 90."),
        ({"min_days": 8, "window_days": 7}, "min_days cannot be more than window_days."),
    ],
)
def test_param_errors_explain_what_an_admin_got_wrong(params, error):
    assert param_errors("recurring_spasms", params) == [error]


# --- Flags and overall urgency --------------------------------------------------------


def test_flags_are_sorted_by_rule_code():
    today = entry(
        pain=6,
        symptoms=["headache", "numbness", "chest_pain", "fever", "sleep_disturbed"],
        radiates_to=["arms"],
        painkillers=True,
    )
    codes = [flag.rule for flag in evaluate(today, [], reversed(default_configs()))]
    assert codes == [
        "chest_pain",
        "head_symptoms",
        "numbness",
        "painkiller_use",
        "radiating_pain",
        "sleep_disturbance",
        "systemic_red_flags",
    ]


def test_a_flag_carries_message_reason_and_source():
    flag = flag_for("chest_pain", entry(symptoms=["chest_pain"]))
    assert flag == Flag(
        rule="chest_pain",
        urgency="emergency",
        message=RULES_BY_CODE["chest_pain"].default_message,
        reason="This entry records chest pain.",
        source="clinical_guidance",
    )


def flags_of(*urgencies):
    return [Flag("any", urgency, "", "", "article") for urgency in urgencies]


@pytest.mark.parametrize(
    ("urgencies", "overall"),
    [
        ((), "none"),
        (("routine",), "routine"),
        (("routine", "soon", "routine"), "soon"),
        (("soon", "urgent"), "urgent"),
        (("routine", "emergency", "urgent"), "emergency"),
    ],
)
def test_overall_urgency_is_the_highest_flag_or_none(urgencies, overall):
    assert overall_urgency(flags_of(*urgencies)) == overall


# --- Reading entries ------------------------------------------------------------------


def test_parse_entry_gives_missing_fields_their_empty_value():
    assert parse_entry({"date": "2026-01-15"}) == EntryFacts(
        date=datetime.date(2026, 1, 15),
        regions={},
        radiates_to=frozenset(),
        spasms=0,
        symptoms=frozenset(),
        painkillers=False,
        self_help=frozenset(),
    )


def test_parse_entry_treats_null_as_missing():
    data = {"date": "2026-01-15", "regions": None, "symptoms": None, "spasms": None}
    assert parse_entry(data) == parse_entry({"date": "2026-01-15"})


def test_parse_entry_reads_the_case_file_shape_and_ignores_unknown_keys():
    facts = parse_entry(
        {
            "date": "2026-01-15",
            "regions": {"upper_back": 6, "neck": 0},
            "radiates_to": ["arms"],
            "spasms": 2,
            "symptoms": ["headache", "numbness"],
            "painkillers": True,
            "self_help": ["heat", "massage"],
            "sitting_hours": 9,
            "running_surface": "hard",
        }
    )
    assert facts == EntryFacts(
        date=datetime.date(2026, 1, 15),
        regions={"upper_back": 6, "neck": 0},
        radiates_to=frozenset({"arms"}),
        spasms=2,
        symptoms=frozenset({"headache", "numbness"}),
        painkillers=True,
        self_help=frozenset({"heat", "massage"}),
    )
    assert facts.pain == 6


def test_pain_is_zero_when_no_region_is_given():
    assert parse_entry({"date": "2026-01-15"}).pain == 0


def test_entry_facts_freeze_the_lists_they_are_given():
    facts = EntryFacts(date=TODAY, symptoms=["fever", "fever"], self_help=("heat",))
    assert facts.symptoms == frozenset({"fever"})
    assert facts.self_help == frozenset({"heat"})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": None}, "date"),
        ({"date": "2026-13-01"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "15.01.2026"}, "date"),
        ({"date": "2026-W03-4"}, "date"),
        ({"date": 20260115}, "date"),
        ({"regions": {"knee": 3}}, "regions"),
        ({"regions": ["neck"]}, "regions"),
        ({"regions": {"neck": 11}}, "regions.neck"),
        ({"regions": {"neck": -1}}, "regions.neck"),
        ({"regions": {"neck": 5.0}}, "regions.neck"),
        ({"regions": {"neck": "5"}}, "regions.neck"),
        ({"regions": {"neck": True}}, "regions.neck"),
        ({"radiates_to": ["knee"]}, "radiates_to"),
        ({"radiates_to": "arms"}, "radiates_to"),
        ({"symptoms": ["sneezing"]}, "symptoms"),
        ({"symptoms": [1]}, "symptoms"),
        ({"self_help": ["yoga"]}, "self_help"),
        ({"spasms": -1}, "spasms"),
        ({"spasms": 1.5}, "spasms"),
        ({"spasms": "2"}, "spasms"),
        ({"spasms": True}, "spasms"),
        ({"painkillers": "yes"}, "painkillers"),
        ({"painkillers": 1}, "painkillers"),
    ],
)
def test_parse_entry_rejects_a_bad_value_naming_the_field(changes, field):
    with pytest.raises(ValueError) as error:
        parse_entry({"date": "2026-01-15", **changes})
    assert str(error.value).startswith(f"{field}:")


def test_parse_entry_rejects_something_that_is_not_an_object():
    with pytest.raises(ValueError, match="^entry:"):
        parse_entry(["2026-01-15"])


def test_parse_entry_error_says_what_was_wrong():
    with pytest.raises(ValueError) as error:
        parse_entry({"date": "2026-01-15", "regions": {"neck": 11}})
    assert str(error.value) == ("regions.neck: intensity must be a whole number from 0 to 10, got 11")


# --- Documentation --------------------------------------------------------------------


def test_rules_markdown_has_a_row_per_rule_with_thresholds_urgency_and_source():
    lines = rules_markdown().splitlines()
    assert lines[0].startswith("| code | fires when |")
    rows = {line.split(" | ")[0].strip("| `"): line for line in lines[2:]}
    assert list(rows) == [rule.code for rule in RULES]
    assert rows["recurring_spasms"].endswith(
        "| `min_days` = 3 (2-90); `window_days` = 14 (1-90) | soon | article |"
    )
    assert rows["chest_pain"].endswith("| none | emergency | clinical guidance |")


def test_a_window_reaching_back_before_the_calendar_starts_on_its_first_day():
    first = datetime.date(1, 1, 1)
    assert window_start(first, 14) == first
    assert window_start(datetime.date(1, 1, 5), 14) == first
    assert window_start(datetime.date(1, 1, 20), 14) == datetime.date(1, 1, 7)
    spasms = replace(entry(spasms=1), date=datetime.date(1, 1, 3))
    earlier = [replace(entry(spasms=1), date=datetime.date(1, 1, day)) for day in (1, 2)]
    assert [flag.rule for flag in evaluate(spasms, earlier, default_configs())] == ["recurring_spasms"]
