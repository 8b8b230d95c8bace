from django.contrib import admin, messages
from django.utils.html import format_html

from learn import services
from learn.models import Article, Tip


class TipInline(admin.TabularInline):
    model = Tip
    extra = 0
    fields = ("condition", "text", "enabled")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "topic",
        "status",
        "published_at",
        "updated_at",
        "last_clinical_review",
        "author",
    )
    list_filter = ("topic", "status", "last_clinical_review")
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    list_select_related = ("author",)
    raw_id_fields = ("author",)
    readonly_fields = ("rendered_preview", "updated_at")
    date_hierarchy = "published_at"
    actions = ("publish", "unpublish")
    inlines = (TipInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "topic", "summary", "body")}),
        (
            "Preview",
            {"fields": ("rendered_preview",), "description": "The body as readers see it, after saving."},
        ),
        (
            "Publication",
            {"fields": ("status", "published_at", "updated_at", "author", "last_clinical_review")},
        ),
    )

    @admin.display(description="Rendered body")
    def rendered_preview(self, obj):
        if not obj.pk:
            return "Save the article to see it rendered."
        return format_html('<div class="learn-preview">{}</div>', obj.body_html)

    def save_model(self, request, obj, form, change):
        services.article_save(article=obj, author=request.user)

    @admin.action(description="Publish the selected articles", permissions=["change"])
    def publish(self, request, queryset):
        count = services.articles_publish(articles=queryset)
        self.message_user(request, f"Published {count} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected articles (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.articles_unpublish(articles=queryset)
        self.message_user(request, f"Unpublished {count} article(s).", messages.SUCCESS)


@admin.register(Tip)
class TipAdmin(admin.ModelAdmin):
    list_display = ("condition", "text", "article", "enabled")
    list_editable = ("enabled",)
    list_filter = ("condition", "enabled", "article__topic")
    search_fields = ("text", "article__title")
    list_select_related = ("article",)
    autocomplete_fields = ("article",)
