"""The person chooses on their account whether and when to be reminded."""

import datetime

from django.urls import reverse

from reminders.selectors import plan_of


def test_the_account_page_says_reminders_are_off_and_links_to_them(person_client):
    html = person_client.get(reverse("accounts:profile")).content.decode()
    assert "Daily e-mail reminder: off" in html
    assert reverse("reminders:settings") in html


def test_the_settings_page_starts_with_reminders_off_at_eight_pm(person_client):
    response = person_client.get(reverse("reminders:settings"))
    form = response.context["form"]
    assert form.initial == {"enabled": False, "at": "20:00"}
    assert "no-store" in response["Cache-Control"]


def test_switching_reminders_on_at_a_chosen_time(person_client, person):
    response = person_client.post(
        reverse("reminders:settings"), {"enabled": "on", "at": "07:30"}, follow=True
    )
    assert "Daily reminder on, at 07:30 your time." in response.content.decode()
    plan = plan_of(user=person)
    assert (plan.enabled, plan.at) == (True, datetime.time(7, 30))
    html = person_client.get(reverse("accounts:profile")).content.decode()
    assert "Daily e-mail reminder: on, at 07:30 your time" in html


def test_switching_reminders_off_keeps_the_time(person_client, person, remind):
    remind(person, at=datetime.time(21, 0))
    person_client.post(reverse("reminders:settings"), {"at": "21:00"})
    assert (plan_of(user=person).enabled, plan_of(user=person).at) == (False, datetime.time(21, 0))


def test_a_time_not_on_the_list_is_refused_with_a_message_and_nothing_changes(person_client, person):
    response = person_client.post(reverse("reminders:settings"), {"enabled": "on", "at": "25:99"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert plan_of(user=person).enabled is False


def test_the_page_shows_the_persons_time_zone(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(time_zone="Europe/Berlin"))
    assert "Europe/Berlin" in client.get(reverse("reminders:settings")).content.decode()


def test_a_person_without_an_address_is_told_why_no_mail_can_come(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(email=""))
    assert "no e-mail address" in client.get(reverse("reminders:settings")).content.decode()


def test_the_settings_need_a_login(client, db):
    response = client.get(reverse("reminders:settings"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_settings_page_runs_a_fixed_number_of_queries(
    person_client, person, remind, django_assert_num_queries
):
    remind(person)
    # Session, user, the plan, and the request's transaction (savepoint and release in a test).
    with django_assert_num_queries(5):
        person_client.get(reverse("reminders:settings"))
