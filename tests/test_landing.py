from django.urls import reverse


def test_the_landing_page_says_what_the_app_is_and_that_it_is_not_a_diagnosis(client, db):
    html = client.get("/").content.decode()
    assert "A daily journal for your back" in html
    assert "information, never a diagnosis" in html
    assert reverse("account_signup") in html and reverse("account_login") in html


def test_a_logged_in_person_goes_straight_to_the_dashboard(person_client):
    assert person_client.get("/")["Location"] == reverse("journal:dashboard")


def test_error_pages_use_the_sites_look(client, db):
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert "Page not found" in page.content.decode()
    assert "Back pain journal" in page.content.decode()
