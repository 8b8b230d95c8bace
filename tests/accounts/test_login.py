import re

from django.urls import reverse

from tests.factories import UserFactory, make_reviewer

PASSWORD = "a-long-test-password"
LOGIN = reverse("account_login")
WRONG = "The username and/or password you specified are not correct."


def test_a_person_logs_in_and_out(client, person):
    response = client.post(LOGIN, {"login": person.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("journal:dashboard")).status_code == 200
    response = client.post(reverse("account_logout"))
    assert response["Location"] == reverse("home")
    assert client.get(reverse("journal:dashboard")).status_code == 302


def test_a_person_logs_in_with_the_email_address_too(client, person):
    response = client.post(LOGIN, {"login": person.email.upper(), "password": PASSWORD})
    assert response["Location"] == reverse("journal:dashboard")


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(client, person):
    wrong_password = client.post(LOGIN, {"login": person.username, "password": "nope"})
    unknown = client.post(LOGIN, {"login": "nobody-here", "password": "nope"})
    assert wrong_password.status_code == unknown.status_code == 200
    assert WRONG in wrong_password.content.decode() and WRONG in unknown.content.decode()


def test_a_username_of_256_characters_or_more_is_refused_without_an_error_page(client, person):
    for length in (255, 256, 300, 5000):
        page = client.post(LOGIN, {"login": "x" * length, "password": "nope"})
        assert page.status_code == 200
        assert "at most 254 characters" in page.content.decode()


def test_a_reviewer_starts_at_the_review_queue(client, db):
    make_reviewer("rowan")
    response = client.post(LOGIN, {"login": "rowan", "password": PASSWORD})
    assert response["Location"] == reverse("review:queue")


def test_a_next_address_still_wins_over_the_start_page(client, person):
    response = client.post(LOGIN + "?next=/journal/new/", {"login": person.username, "password": PASSWORD})
    assert response["Location"] == "/journal/new/"


def test_a_next_address_on_another_site_is_ignored(client, person):
    response = client.post(
        LOGIN + "?next=https://evil.example/", {"login": person.username, "password": PASSWORD}
    )
    assert response["Location"] == reverse("journal:dashboard")


def test_an_inactive_account_cannot_sign_in(client, db):
    UserFactory(username="gone", is_active=False)
    response = client.post(LOGIN, {"login": "gone", "password": PASSWORD})
    assert client.get(reverse("journal:dashboard")).status_code == 302
    assert response.status_code in (200, 302)


def test_the_login_and_signup_pages_carry_no_inline_script_not_even_a_data_block(client, db):
    for url in (LOGIN, reverse("account_signup"), reverse("account_reset_password")):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle\s*=", html), url
