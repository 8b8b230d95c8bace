"""Admins edit a rule's thresholds, urgency, message and switch; every change is kept by auditlog."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tests.factories import UserFactory
from triage.models import TriageRule

CHANGE = reverse("admin:triage_triagerule_change", args=["recurring_spasms"])


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def form(**overrides):
    rule = TriageRule.objects.get(code="recurring_spasms")
    data = {
        "enabled": "on",
        "urgency": rule.urgency,
        "message": rule.message,
        "min_days": "3",
        "window_days": "14",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_change_page_shows_the_rules_own_thresholds_only(admin_client):
    page = admin_client.get(CHANGE).content.decode()
    assert 'name="min_days"' in page and 'name="window_days"' in page
    assert 'name="min_pain"' not in page
    assert "a single day is a one-off" in page  # the threshold's help


def test_an_admin_changes_thresholds_and_urgency(admin_client):
    response = admin_client.post(CHANGE, form(min_days="4", window_days="21", urgency="urgent"))
    assert response.status_code == 302
    rule = TriageRule.objects.get(code="recurring_spasms")
    assert (rule.params, rule.urgency) == ({"min_days": 4, "window_days": 21}, "urgent")


def test_an_admin_switches_a_rule_off(admin_client):
    admin_client.post(CHANGE, form(enabled=None))
    assert TriageRule.objects.get(code="recurring_spasms").enabled is False


@pytest.mark.parametrize(
    "overrides, error",
    [
        ({"min_days": "1"}, "greater than or equal to 2"),
        ({"window_days": "91"}, "less than or equal to 90"),
        ({"min_days": "15", "window_days": "14"}, "min_days cannot be more than window_days."),
        ({"min_days": "three"}, "Enter a whole number."),
        ({"message": "   "}, "This field is required."),
    ],
)
def test_out_of_range_values_are_refused(admin_client, overrides, error):
    page = admin_client.post(CHANGE, form(**overrides))
    assert page.status_code == 200
    assert error in page.content.decode()
    assert TriageRule.objects.get(code="recurring_spasms").params == {"min_days": 3, "window_days": 14}


def test_every_change_is_recorded_with_who_and_old_and_new_values(admin_client):
    admin_client.post(CHANGE, form(min_days="5", urgency="urgent"))
    record = LogEntry.objects.get_for_object(TriageRule.objects.get(code="recurring_spasms")).get()
    assert record.actor.username == "boss"
    assert record.changes_dict["urgency"] == ["soon", "urgent"]
    assert "5" in record.changes_dict["params"][1]


def test_the_history_is_reachable_from_the_rules_page(admin_client):
    admin_client.post(CHANGE, form(min_days="5"))
    history = reverse("admin:triage_triagerule_auditlog", args=["recurring_spasms"])
    assert history in admin_client.get(CHANGE).content.decode()
    page = admin_client.get(history)
    assert page.status_code == 200
    assert "boss" in page.content.decode()
    assert "<style" not in page.content.decode()  # the site's CSP forbids inline styles


def test_rules_can_be_neither_added_nor_deleted(admin_client):
    assert admin_client.get(reverse("admin:triage_triagerule_add")).status_code == 403
    delete = reverse("admin:triage_triagerule_delete", args=["recurring_spasms"])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert TriageRule.objects.count() == 13


def test_a_person_without_staff_rights_cannot_see_the_rules(person_client):
    response = person_client.get(CHANGE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_saving_a_rule_says_how_to_bring_stored_advice_in_line(admin_client):
    page = admin_client.post(CHANGE, form(min_days="4"), follow=True).content.decode()
    assert "python manage.py retriage" in page


def test_the_admins_history_button_opens_the_audit_log(admin_client):
    history = reverse("admin:triage_triagerule_history", args=["recurring_spasms"])
    response = admin_client.get(history)
    assert response["Location"] == reverse("admin:triage_triagerule_auditlog", args=["recurring_spasms"])


def test_the_history_page_names_the_sites_icon_like_every_admin_page(admin_client):
    icon = '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">'
    history = admin_client.get(reverse("admin:triage_triagerule_auditlog", args=["recurring_spasms"]))
    assert history.status_code == 200
    assert icon in history.content.decode()
    assert icon in admin_client.get(CHANGE).content.decode()
    assert "<style" not in history.content.decode()
