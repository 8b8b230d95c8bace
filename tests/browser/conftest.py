"""Browser tests: Playwright driving the system's Chromium against Django's live server.

Chromium comes from the operating system's package (never `playwright install`). Without it the
browser tests are skipped on a developer's machine and fail the run under CI=true.
"""

import os
import shutil
from pathlib import Path

import pytest

from accounts.selectors import user_has_second_factor
from accounts.services import second_factor_add_totp
from tests.factories import UserFactory
from tests.totp import totp_code

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/browser/" in item.nodeid]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and not config.pluginmanager.hasplugin("playwright"):
        skip = pytest.mark.skip(reason="pytest-playwright is not loaded (-p no:playwright)")
        for item in browser_items:
            item.add_marker(skip)
        return
    if browser_items and not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            raise pytest.UsageError(
                f"CI=true but Chromium is missing at {CHROMIUM}: install Debian's chromium."
            )
        skip = pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM}")
        for item in browser_items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def screenshot(page):
    """screenshot(name) saves the whole page to test-artifacts/NAME.png; screenshot(name, other)
    saves another page (a phone-sized one, say) instead; full_page=False keeps to what the window
    shows."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name, of=None, full_page=True):
        path = ARTIFACTS / f"{name}.png"
        (of or page).screenshot(path=str(path), full_page=full_page)
        return path

    return take


# The authenticator app of the staff in browser tests: staff pages need a second factor.
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXP"
PASSWORD = "a-long-test-password"


def sign_in(page, live_server, user, password=PASSWORD):
    """Sign in through the sign-in form, as a person would; staff also type the code of their
    authenticator app (given one here when they have no second factor)."""
    if user.is_staff and not user_has_second_factor(user=user):
        second_factor_add_totp(user=user, secret=STAFF_TOTP_SECRET)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(totp_code(STAFF_TOTP_SECRET))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(lambda url: "/accounts/2fa/" not in url)
    # People land on their dashboard, reviewers on the review queue.


@pytest.fixture
def log_in(page, live_server):
    """log_in(user, password) signs in through the sign-in form, as a person would; staff also type
    the code of their authenticator app (given one here when they have no second factor)."""

    def log_in_as(user, password=PASSWORD):
        sign_in(page, live_server, user, password)
        return user

    return log_in_as


@pytest.fixture
def page_of(browser, live_server):
    """page_of(user, **options): a page of a browser context of its own, logged in as ``user``;
    the options are Playwright's for a new context (a phone's size, no JavaScript, a time zone)."""
    contexts = []

    def open_page(user, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        sign_in(page, live_server, user)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def journal_person(transactional_db):
    return UserFactory(username="robin")
