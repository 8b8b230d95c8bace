"""A reviewer finds a flagged entry in the queue, claims it and resolves it with a message; the
person then reads the outcome and the message on their entry, and sees on their account page that
the reviewer opened it."""

import re

from playwright.sync_api import expect

from tests.factories import EntryFactory, UserFactory, make_reviewer


def test_a_reviewer_resolves_a_flag_with_a_message_and_the_person_sees_it(
    page, live_server, log_in, journal_person, screenshot
):
    entry = EntryFactory(user=journal_person, upper_back=6, symptoms=["headache"])
    UserFactory(username="sam")  # someone else, with nothing flagged
    reviewer = make_reviewer("rowan")

    log_in(reviewer)
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(page.get_by_text("Soon: 1 waiting")).to_be_visible()
    screenshot("review-queue")

    page.get_by_role("link", name=f"Entry of {entry.date:%-d %b %Y}").click()
    expect(
        page.get_by_role("heading", name="Head complaints together with back pain (head_symptoms)")
    ).to_be_visible()
    page.get_by_role("button", name="Claim").click()
    expect(page.get_by_text("You hold this entry now.")).to_be_visible()
    page.get_by_label("Advised care").check()
    page.get_by_label("Message to the person (optional)").fill("Please book a visit with your GP this week.")
    screenshot("review-resolve-form")
    page.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("Entry resolved.")).to_be_visible()
    expect(page.get_by_text("resolved it: advised care.")).to_be_visible()
    screenshot("review-resolved")
    page.get_by_role("button", name="Log out").click()

    log_in(journal_person)
    messages = page.get_by_role("region", name="Messages from our reviewers")
    expect(messages).to_contain_text("Please book a visit with your GP this week.")
    screenshot("review-message-on-the-dashboard")
    messages.get_by_role("link", name=re.compile("your entry of")).click()
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
