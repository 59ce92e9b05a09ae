import reversion
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from blog.models import FAQ, Author, Category, OldSlug, Post, Tag
from editing.mixins import CollaborativeEditingMixin
from editing.saving import KeepInputOnDatabaseErrorMixin


@admin.register(Author)
class AuthorAdmin(KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user", "post_count"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(post_count=Count("posts"))

    @admin.display(description="posts", ordering="post_count")
    def post_count(self, obj):
        return obj.post_count


@admin.register(Category, Tag)
class TaxonomyAdmin(KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class OldSlugInline(admin.TabularInline):
    model = OldSlug
    extra = 0
    fields = ["slug", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name_plural = "former addresses (redirect here)"


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    fields = ["order", "question", "answer"]


@admin.register(Post)
class PostAdmin(KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, VersionAdmin):
    list_display = ["title", "status_label", "author", "category", "publish_at", "updated_at"]
    list_filter = ["status", "author", "category", "tags"]
    list_select_related = ["author", "category"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "category", "tags", "related"]
    readonly_fields = ["created_at", "updated_at", "public_link"]
    inlines = [FAQInline, OldSlugInline]
    actions = ["publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "summary", "body"]}),
        ("Hero image", {"fields": ["hero_image", "hero_alt"]}),
        (
            "Publishing",
            {"fields": ["status", "publish_at", "public_link", "created_at", "updated_at"]},
        ),
        ("Classification", {"fields": ["category", "tags", "related"]}),
        ("Search engines", {"fields": ["seo_title", "meta_description"], "classes": ["collapse"]}),
    ]

    @admin.display(description="status", ordering="status")
    def status_label(self, post):
        if post.is_scheduled:
            return "Scheduled"
        return post.get_status_display()

    @admin.display(description="public page")
    def public_link(self, post):
        if not post.pk:
            return "Save the post to get a link."
        label = "View on site" if post.is_public else "Preview (only staff can see it)"
        return format_html('<a href="{}">{}</a>', post.get_absolute_url(), label)

    def _set_status(self, request, queryset, status, comment):
        """Change status post by post, so each change is saved and kept in history."""
        changed = []
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            for post in queryset.exclude(status=status):
                post.status = status
                post.save()
                changed.append(post)
        return changed

    @admin.action(description="Publish selected posts", permissions=["change"])
    def publish(self, request, queryset):
        changed = self._set_status(request, queryset, Post.Status.PUBLISHED, "Published.")
        scheduled = sum(post.is_scheduled for post in changed)
        message = f"Published {len(changed) - scheduled} post(s)."
        if scheduled:
            message += f" {scheduled} post(s) have a future date and are scheduled."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Unpublish selected posts (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        changed = self._set_status(request, queryset, Post.Status.DRAFT, "Unpublished.")
        self.message_user(request, f"Moved {len(changed)} post(s) back to draft.", messages.SUCCESS)
