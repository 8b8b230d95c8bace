import re

from django.core import mail
from django.urls import reverse


def test_a_person_changes_the_password(person_client, person):
    response = person_client.post(
        reverse("password_change"),
        {
            "old_password": "a-long-test-password",
            "new_password1": "quiet-meadow-2026",
            "new_password2": "quiet-meadow-2026",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    person.refresh_from_db()
    assert person.check_password("quiet-meadow-2026")


def test_a_forgotten_password_is_reset_through_the_emailed_link(client, person):
    client.post(reverse("password_reset"), {"email": person.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Back pain journal password"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "quiet-meadow-2026", "new_password2": "quiet-meadow-2026"},
    )
    person.refresh_from_db()
    assert person.check_password("quiet-meadow-2026")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
