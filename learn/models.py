"""Educational content curated in the admin: articles, and short tips that point to them."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from learn.rendering import render_markdown
from learn.tips import Condition


class Topic(models.TextChoices):
    CAUSES = "causes", "Causes"
    PREVENTION = "prevention", "Prevention"
    SELF_HELP = "self_help", "Self-help"
    WHEN_TO_SEE_A_DOCTOR = "when_to_see_a_doctor", "When to see a doctor"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> "ArticleQuerySet":
        return self.filter(status=Status.PUBLISHED)


class Article(models.Model):
    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True, help_text="The article's address: /learn/<slug>/.")
    summary = models.CharField(max_length=300, help_text="One or two sentences, shown in the list.")
    body = models.TextField(
        help_text="Markdown. Start headings at ## (the title is the page's only top heading). "
        "Links to other articles may be relative, such as /learn/when-to-see-a-doctor/."
    )
    topic = models.CharField(max_length=20, choices=Topic)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Required when published; the publish action fills it in."
    )
    updated_at = models.DateTimeField(auto_now=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_clinical_review = models.DateField(
        null=True, blank=True, help_text="When a clinician last checked this text. Leave empty if never."
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(topic__in=Topic.values), name="article_topic_valid"),
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="article_status_valid"),
            models.CheckConstraint(
                condition=models.Q(status=Status.DRAFT) | models.Q(published_at__isnull=False),
                name="article_published_has_published_at",
                violation_error_message="A published article needs a publication time.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learn:article-detail", args=[self.slug])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def body_html(self):
        # Rendered on every read rather than stored, so the page can never disagree with the Markdown.
        return render_markdown(self.body)


class Tip(models.Model):
    """A short piece of advice offered when a day's entry meets its condition (learn.tips).

    Several tips may share a condition; the day chooses among them (learn.tips.pick).
    """

    condition = models.CharField(max_length=40, choices=Condition)
    text = models.CharField(max_length=280, help_text="One or two sentences, shown as written.")
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="tips",
        help_text="The article behind 'Read more'. A tip whose article is a draft is not shown.",
    )
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["condition", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(condition__in=Condition.values), name="tip_condition_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_condition_display()}: {self.text[:60]}"
