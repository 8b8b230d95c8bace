"""The triage rule's history page in the admin loads without a failed request (its icon included)
and without anything the Content-Security-Policy blocks."""

from playwright.sync_api import expect

from tests.factories import UserFactory


def test_the_rule_history_page_loads_cleanly(page, live_server, log_in, transactional_db, screenshot):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    failures, console_errors = [], []
    page.on("response", lambda response: response.status >= 400 and failures.append(response.url))
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    log_in(admin)
    page.goto(f"{live_server.url}/admin/triage/triagerule/recurring_spasms/auditlog/")
    page.wait_for_load_state("networkidle")
    screenshot("rule-history")
    assert failures == [] and console_errors == []
    expect(page.locator("link[rel=icon]")).to_have_attribute("href", "/static/img/favicon.svg")
