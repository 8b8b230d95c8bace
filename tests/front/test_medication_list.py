"""A person keeps their own medication list (name, usual dose) on a page of their own: adding,
changing and removing, each name once, and nobody else's list within reach."""

import datetime

import pytest
from django.urls import reverse

from front.services import entry_create
from journal.models import Medication
from journal.services import medication_create

LIST = reverse("journal:medication-list")


def edit_url(medication):
    return reverse("journal:medication-update", args=[medication.pk])


def delete_url(medication):
    return reverse("journal:medication-delete", args=[medication.pk])


def test_an_empty_list_says_so_and_offers_to_add(person_client):
    html = person_client.get(LIST).content.decode()
    assert "Your list is empty." in html
    assert "Add to my list" in html


def test_a_person_adds_a_medication_and_finds_it_listed_by_name(person_client, person):
    person_client.post(LIST, {"name": "Paracetamol", "dose": "500 mg"})
    response = person_client.post(LIST, {"name": " Ibuprofen ", "dose": "400 mg"}, follow=True)
    html = response.content.decode()
    assert "Ibuprofen is on your list." in html
    assert [(m.name, m.dose) for m in Medication.objects.filter(user=person)] == [
        ("Ibuprofen", "400 mg"),
        ("Paracetamol", "500 mg"),
    ]
    assert html.index("Ibuprofen</span>") < html.index("Paracetamol</span>")
    assert "Not recorded in an entry yet" in html


def test_a_name_already_on_the_list_is_refused_beside_the_name_whatever_its_case(person_client, person):
    medication_create(user=person, name="Ibuprofen", dose="400 mg")
    page = person_client.post(LIST, {"name": "IBUPROFEN", "dose": "800 mg"})
    assert page.status_code == 200
    assert page.context["form"].errors["name"] == ["You already have a medication of this name in your list."]
    assert 'value="800 mg"' in page.content.decode()
    assert Medication.objects.filter(user=person).count() == 1


def test_the_same_name_on_two_peoples_lists_is_fine(person_client, person, other_person):
    medication_create(user=other_person, name="Ibuprofen")
    person_client.post(LIST, {"name": "Ibuprofen", "dose": ""})
    assert Medication.objects.filter(name="Ibuprofen").count() == 2


def test_a_name_is_needed(person_client, person):
    page = person_client.post(LIST, {"name": "  ", "dose": "400 mg"})
    assert page.context["form"].errors["name"]
    assert not Medication.objects.exists()


def test_the_list_says_how_often_and_when_each_was_last_taken(person_client, person):
    ibuprofen = medication_create(user=person, name="Ibuprofen", dose="400 mg")
    for day in (3, 9):
        entry_create(
            user=person,
            data={"date": datetime.date(2026, 3, day), "medications": [{"medication": ibuprofen}]},
        )
    assert "Taken 2 times, last on 9 March 2026" in person_client.get(LIST).content.decode()


def test_a_medication_is_changed_on_its_own_page(person_client, person):
    ibuprofen = medication_create(user=person, name="Ibuprofen", dose="400 mg")
    response = person_client.post(edit_url(ibuprofen), {"name": "Ibuprofen", "dose": "600 mg"})
    assert response["Location"] == LIST
    ibuprofen.refresh_from_db()
    assert ibuprofen.dose == "600 mg"


def test_removing_asks_first_and_keeps_the_intakes_already_recorded(person_client, person):
    ibuprofen = medication_create(user=person, name="Ibuprofen", dose="400 mg")
    entry = entry_create(
        user=person, data={"date": datetime.date(2026, 3, 3), "medications": [{"medication": ibuprofen}]}
    )
    page = person_client.get(delete_url(ibuprofen)).content.decode()
    assert "Remove Ibuprofen from your list?" in page
    assert "The 1 intake already recorded stay" in page
    assert Medication.objects.filter(pk=ibuprofen.pk).exists()

    person_client.post(delete_url(ibuprofen))
    assert not Medication.objects.filter(pk=ibuprofen.pk).exists()
    assert list(entry.intakes.values_list("name", "dose")) == [("Ibuprofen", "400 mg")]


@pytest.mark.parametrize("url", [edit_url, delete_url])
def test_another_persons_medication_answers_404_and_stays_as_it_is(person_client, other_person, url):
    theirs = medication_create(user=other_person, name="Tramadol", dose="50 mg")
    assert person_client.get(url(theirs)).status_code == 404
    assert person_client.post(url(theirs), {"name": "Mine now", "dose": ""}).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.dose) == ("Tramadol", "50 mg")


def test_a_missing_medication_answers_404_like_another_persons(person_client):
    assert person_client.get(reverse("journal:medication-update", args=[999999])).status_code == 404


def test_the_list_shows_only_the_persons_own_medications(person_client, other_person):
    medication_create(user=other_person, name="Tramadol")
    assert "Tramadol" not in person_client.get(LIST).content.decode()


@pytest.mark.parametrize("url", [LIST, reverse("journal:medication-update", args=[1])])
def test_a_logged_out_visitor_is_sent_to_log_in(client, db, url):
    assert client.get(url)["Location"].startswith(reverse("account_login"))


def test_the_list_is_never_cached(person_client):
    assert "no-store" in person_client.get(LIST)["Cache-Control"]
