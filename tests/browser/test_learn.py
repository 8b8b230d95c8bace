"""A visitor reads an article from /learn/; a person follows a tip from the dashboard to its article."""

from decimal import Decimal

from playwright.sync_api import expect

from accounts.selectors import user_today
from learn.models import Article, Status, Tip, Topic
from tests.factories import EntryFactory

CSP_ERRORS = "Content Security Policy"


def content(journal_person=None):
    """Content of this test only: a flush by an earlier browser test may have removed the starter set."""
    Tip.objects.all().delete()
    Article.objects.filter(slug__in=["sitting-well", "draft-only"]).delete()
    from django.utils import timezone

    article = Article.objects.create(
        title="Sitting well at a screen",
        slug="sitting-well",
        summary="How to sit for hours without paying for it.",
        body="## Move often\n\nStand up **every half hour**.\n\n- Screen at eye level\n- Feet flat",
        topic=Topic.PREVENTION,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    Article.objects.create(title="Not ready", slug="draft-only", summary="s", body="b", topic=Topic.CAUSES)
    Tip.objects.create(
        condition="long_sitting", text="A long day at the screen: get up and walk.", article=article
    )
    return article


def test_a_visitor_reads_an_article_from_learn(page, live_server, screenshot, transactional_db):
    content()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(live_server.url)
    page.get_by_role("link", name="Learn", exact=True).click()
    expect(page.get_by_role("heading", name="Learn about back pain")).to_be_visible()
    expect(page.get_by_role("heading", name="Prevention")).to_be_visible()
    expect(page.get_by_text("Not ready")).to_have_count(0)
    screenshot("learn-list")

    page.get_by_role("link", name="Sitting well at a screen").click()
    expect(page.get_by_role("heading", level=1, name="Sitting well at a screen")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Move often")).to_be_visible()
    expect(page.locator(".learn-body strong")).to_have_text("every half hour")
    screenshot("learn-article")
    assert not [text for text in console if CSP_ERRORS in text]


def test_a_person_follows_a_tip_from_the_dashboard(page, live_server, screenshot, log_in, journal_person):
    content()
    EntryFactory(user=journal_person, date=user_today(user=journal_person), sitting_hours=Decimal(8))
    log_in(journal_person)

    tips = page.get_by_role("region", name="Tips for your day")
    expect(tips.get_by_text("A long day at the screen: get up and walk.")).to_be_visible()
    screenshot("dashboard-with-tip")
    tips.get_by_role("link", name="Read more: Sitting well at a screen").click()

    expect(page).to_have_url(f"{live_server.url}/learn/sitting-well/")
    expect(page.get_by_role("heading", level=1, name="Sitting well at a screen")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("learn-article-mobile")
