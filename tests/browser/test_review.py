"""A reviewer finds a person's case in the queue, opens one flagged entry, claims it and resolves it
with a message, then resolves the rest of the case at once; the person reads the outcome and the
message on their entry, and sees on their account page that the reviewer opened it. An admin reads
how precise a rule turned out, from the rule's own page."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from review.models import Review
from review.services import review_resolve
from tests.factories import EntryFactory, UserFactory, make_reviewer


def test_a_reviewer_resolves_a_flag_with_a_message_and_the_person_sees_it(
    page, live_server, log_in, journal_person, screenshot
):
    entry = EntryFactory(user=journal_person, upper_back=6, symptoms=["headache"])
    # Four days of lasting pain before it, flagged long enough ago to be overdue.
    stretch = [
        EntryFactory(user=journal_person, date=day, upper_back=5, symptoms=["headache"])
        for day in (datetime.date(2026, 3, 6), datetime.date(2026, 3, 7), datetime.date(2026, 3, 8))
    ]
    Review.objects.filter(entry__in=stretch).update(waiting_since=timezone.now() - datetime.timedelta(days=4))
    sam = UserFactory(username="sam")
    EntryFactory(user=sam, symptoms=["chest_pain"])  # an emergency of someone else
    reviewer = make_reviewer("rowan")

    log_in(reviewer)
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(page.get_by_text("Soon: 4 waiting, 3 overdue")).to_be_visible()
    cases = page.locator("table.review-cases tbody tr")
    expect(cases).to_have_count(2)
    expect(cases.nth(0)).to_contain_text("sam")
    expect(cases.nth(1)).to_contain_text("robin")
    expect(cases.nth(1)).to_contain_text("Overdue by 1 day")
    expect(cases.nth(1)).to_contain_text("Head complaints together with back pain (4 entries)")
    screenshot("review-queue")

    cases.nth(1).get_by_role("link", name="robin").click()
    expect(page.get_by_role("heading", name="robin: entries waiting for review")).to_be_visible()
    screenshot("review-case")
    page.get_by_role("link", name=f"Entry of {entry.date:%-d %b %Y}").click()
    expect(
        page.get_by_role("heading", name="Head complaints together with back pain (head_symptoms)")
    ).to_be_visible()
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("You hold this entry now.")).to_be_visible()
    page.get_by_label("Needed care").check()
    page.get_by_label("Message to the person (optional)").fill("Please book a visit with your GP this week.")
    screenshot("review-resolve-form")
    page.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("Entry resolved.")).to_be_visible()
    expect(page.get_by_text("resolved it: needed care.")).to_be_visible()
    screenshot("review-resolved")

    # Back to the case: the three days left are one case, resolved together.
    page.get_by_role("link", name="Back to the queue").click()
    page.get_by_role("link", name="robin").click()
    rows = page.locator("table.review-case tbody tr")
    expect(rows).to_have_count(3)
    page.get_by_label("Choose every entry on this page").check()  # the page's small script
    page.locator("fieldset").get_by_label("Already under care").check()
    page.locator("fieldset").get_by_label("Message to the person (optional)").fill(
        "Your physiotherapist is following this; keep to their exercises."
    )
    screenshot("review-case-chosen")
    page.get_by_role("button", name="Resolve the chosen entries").click()
    expect(page.get_by_text("Resolved 3 entries.")).to_be_visible()
    expect(page.get_by_text("None of robin's entries waits for review.")).to_be_visible()
    screenshot("review-case-resolved")
    page.get_by_role("button", name="Log out").click()

    log_in(journal_person)
    messages = page.get_by_role("region", name="Messages from our reviewers")
    expect(messages).to_contain_text("Please book a visit with your GP this week.")
    screenshot("review-message-on-the-dashboard")
    # The message sent with three entries at once shows once, with the newest of them.
    expect(messages.get_by_text("keep to their exercises")).to_have_count(1)
    messages.get_by_role("link", name=f"your entry of {entry.date:%-d %B}").click()
    review = page.get_by_role("region", name="Review by our team")
    expect(review).to_contain_text("A reviewer looked at this entry")
    expect(review).to_contain_text("Please book a visit with your GP this week.")
    expect(page.get_by_role("link", name="Review queue")).to_have_count(0)
    screenshot("review-seen-by-the-person")

    page.get_by_role("link", name="Account (robin)").click()
    # Opened three times: the page itself, then after each redirect following claim and resolve.
    expect(page.get_by_text("Staff members opened your entries 1 time")).to_be_visible()
    expect(page.get_by_text("rowan", exact=True).first).to_be_visible()
    screenshot("review-access-on-account")


def test_an_admin_reads_how_precise_a_rule_is_from_its_page(
    page, live_server, log_in, journal_person, screenshot
):
    reviewer = make_reviewer("rowan")
    for day, outcome in ((1, "needed_care"), (2, "needed_care"), (3, "not_needed"), (4, "not_reached")):
        entry = EntryFactory(
            user=journal_person, date=datetime.date(2026, 3, day), upper_back=6, symptoms=["headache"]
        )
        review = Review.objects.get(entry=entry)
        review_resolve(review=review, actor=reviewer, version=review.version, outcome=outcome)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)

    log_in(admin)
    page.goto(f"{live_server.url}/admin/triage/triagerule/head_symptoms/change/")
    expect(page.get_by_text("How precise it turned out in review")).to_be_visible()
    expect(page.get_by_text("warranted in 2 of the 3 whose outcome tells")).to_be_visible()
    page.get_by_role("link", name="All rules and periods").click()
    row = page.locator("tr#rule-head_symptoms")
    expect(row).to_contain_text("2 of 3 (1 undetermined)")
    expect(row).to_contain_text("67%")
    screenshot("rule-precision")
