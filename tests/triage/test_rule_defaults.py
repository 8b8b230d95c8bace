"""After migrate, every rule has its row with the spec's defaults, matching the rule code."""

from triage import rules
from triage.engine import rule_configs
from triage.models import TriageRule


def test_migrate_creates_one_enabled_row_per_rule_with_the_shipped_defaults(db):
    assert sorted(rule_configs(), key=lambda c: c.code) == sorted(
        rules.default_configs(), key=lambda c: c.code
    )


def test_each_rows_source_is_the_rules_source(db):
    assert {row.code: row.source for row in TriageRule.objects.all()} == {
        rule.code: rule.source for rule in rules.RULES
    }


def test_the_spec_defaults_are_what_ships(db):
    rows = {row.code: row for row in TriageRule.objects.all()}
    assert rows["recurring_spasms"].params == {"min_days": 3, "window_days": 14}
    assert rows["persistent_pain"].params == {"min_pain": 4, "min_days": 10, "window_days": 14}
    assert rows["cauda_equina"].urgency == "emergency"
    assert rows["systemic_red_flags"].urgency == "urgent"
    assert rows["painkiller_use"].urgency == "routine"


def test_a_missing_rule_row_comes_back_with_its_defaults_and_others_are_kept(db, set_rule):
    from triage.engine import rules_create_missing

    set_rule("head_symptoms", urgency="urgent")
    TriageRule.objects.filter(code="chest_pain").delete()
    rules_create_missing()
    rows = {row.code: row for row in TriageRule.objects.all()}
    assert rows["chest_pain"].urgency == "emergency" and rows["chest_pain"].enabled
    assert rows["head_symptoms"].urgency == "urgent"
