import datetime

from django.urls import reverse

from tests.factories import UserFactory


def test_times_are_shown_in_the_persons_time_zone(client, db, monkeypatch):
    moment = datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    person = UserFactory(time_zone="Asia/Tokyo")  # 08:30 on 11 March there
    client.force_login(person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "11 March 2026, 08:30" in page  # when the consent was given
