"""Passkeys with Chromium's WebAuthn virtual authenticator (a software security key, driven through
Playwright's CDP session): a person adds a passkey and then logs in with one touch; a reviewer has to
add a second factor before the review queue opens, and is asked for it at the next log-in."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory, make_reviewer

PASSWORD = "a-long-test-password"


@pytest.fixture
def authenticator(page):
    """A platform authenticator that holds passkeys and says yes to every touch."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return lambda: cdp.send("WebAuthn.getCredentials", {"authenticatorId": added["authenticatorId"]})[
        "credentials"
    ]


def add_passkey(page, live_server, *, passwordless):
    page.goto(f"{live_server.url}/accounts/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:  # allauth asks for the password again first
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Name").fill("Laptop")
    if passwordless:
        page.get_by_label(re.compile("Passwordless")).check()
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)


def test_a_person_adds_a_passkey_and_logs_in_with_it(page, live_server, log_in, authenticator, screenshot):
    log_in(UserFactory(username="robin"))
    add_passkey(page, live_server, passwordless=True)
    assert len(authenticator()) == 1
    screenshot("passkey-added")
    page.get_by_role("button", name="Log out").click()

    page.goto(f"{live_server.url}/accounts/login/")
    screenshot("login-with-passkey-button")
    page.get_by_role("button", name="Log in with a passkey").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("link", name="Account (robin)")).to_be_visible()
    screenshot("logged-in-with-passkey")


def test_a_reviewer_needs_a_second_factor_before_the_queue_opens(
    page, live_server, authenticator, screenshot
):
    make_reviewer("rowan")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("rowan")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    # The queue is where reviewers start, but it does not open on a password alone.
    expect(page.get_by_text("Staff pages need a second factor")).to_be_visible()
    screenshot("staff-second-factor-needed")
    add_passkey(page, live_server, passwordless=False)
    page.goto(f"{live_server.url}/review/")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    # Next time the password is followed by the security key.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("rowan")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(re.compile("/accounts/2fa/authenticate/"))
    screenshot("staff-second-factor-asked")
    page.get_by_role("button", name="Use a passkey or security key").click()
    page.wait_for_url(f"{live_server.url}/review/")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    screenshot("staff-queue-after-passkey")
