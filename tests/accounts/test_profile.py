from django.urls import reverse

URL = reverse("accounts:profile")


def test_a_person_sets_hemisphere_and_time_zone(person_client, person):
    response = person_client.post(URL, {"hemisphere": "south", "time_zone": "America/Santiago"})
    assert response["Location"] == URL
    person.refresh_from_db()
    assert (person.hemisphere, person.time_zone) == ("south", "America/Santiago")


def test_an_unknown_time_zone_is_refused(person_client, person):
    page = person_client.post(URL, {"hemisphere": "north", "time_zone": "Mars/Olympus"})
    assert page.context["form"].errors["time_zone"]
    person.refresh_from_db()
    assert person.time_zone == "UTC"


def test_the_account_page_shows_the_consent_given(person_client):
    html = person_client.get(URL).content.decode()
    assert "Given to version" in html
