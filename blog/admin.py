import reversion
from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.admin import VersionAdmin

from blog import review
from blog.models import FAQ, WORDS_PER_MINUTE, Author, Category, OldSlug, Post, ReviewEvent, Tag
from editing.mixins import CollaborativeEditingMixin
from editing.saving import KeepInputOnDatabaseErrorMixin, ValidSelectionMixin
from markup.widgets import ArticleEditor

# A change to any of these after publication is an edit readers are told about
# ("updated" on the page, dateModified for search engines, the feed's updated date).
EDITED_FIELDS = frozenset(
    {"title", "summary", "body", "hero_image", "hero_alt", "category", "tags", "related"}
)


@admin.register(Author)
class AuthorAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
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
class TaxonomyAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
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


class PostAdminForm(forms.ModelForm):
    review_comment = forms.CharField(
        label="Comment for the writer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required to send the post back: what should the writer change?",
    )
    # Set by PostAdmin.get_form for the request at hand.
    review_action = None
    stored_status = None
    publisher = False

    class Meta:
        model = Post
        # The admin's fieldsets choose the fields; these are the ones every post form has.
        fields = ["title", "slug", "author", "summary", "body"]
        widgets = {
            "body": ArticleEditor(
                words_per_minute=WORDS_PER_MINUTE, title_field="title", summary_field="summary"
            )
        }  # the admin's fieldsets add the rest

    def clean(self):
        cleaned = super().clean()
        problem = review.refusal(
            action=self.review_action,
            before=self.stored_status,
            publisher=self.publisher,
            comment=cleaned.get("review_comment", ""),
        )
        if problem:
            field = "review_comment" if "before sending" in problem else None
            self.add_error(field, problem)
        return cleaned


@admin.register(Post)
class PostAdmin(
    ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, VersionAdmin
):
    form = PostAdminForm
    list_display = ["title", "status_label", "author", "category", "publish_at"]
    list_filter = ["status", "author", "category", "tags"]
    list_select_related = ["author", "category"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "category", "tags", "related"]
    readonly_fields = ["created_at", "updated_at", "public_link", "review_state"]
    inlines = [FAQInline, OldSlugInline]
    actions = ["publish", "unpublish"]
    save_on_top = True

    def get_fieldsets(self, request, obj=None):
        review_fields = ["review_state"]
        if review.can_publish(request.user) and obj is not None:
            review_fields.append("review_comment")
        review_set = ("Review", {"fields": review_fields, "classes": ["review"]})
        main = (None, {"fields": ["title", "slug", "author", "summary", "body"]})
        needs_attention = obj is not None and (
            obj.status == Post.Status.REVIEW or review.latest_feedback(obj) is not None
        )
        return [
            *([review_set] if needs_attention else []),
            main,
            ("Hero image", {"fields": ["hero_image", "hero_alt"]}),
            (
                "Publishing",
                {"fields": ["status", "publish_at", "public_link", "created_at", "updated_at"]},
            ),
            *([] if needs_attention else [review_set]),
            ("Classification", {"fields": ["category", "tags", "related"]}),
            (
                "Search engines",
                {"fields": ["seo_title", "meta_description"], "classes": ["collapse"]},
            ),
        ]

    # Writers: their own posts, until published; the status moves only by review steps.

    def _is_own(self, request, post) -> bool:
        return post.author.user_id is not None and post.author.user_id == request.user.pk

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or review.can_publish(request.user):
            return True
        return self._is_own(request, obj) and obj.status != Post.Status.PUBLISHED

    def has_publish_permission(self, request):
        return review.can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not review.can_publish(request.user):
            fields.append("status")
        return fields

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if review.can_publish(request.user):
            return fields
        return [field for field in fields if field != "author"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author" and not review.can_publish(request.user):
            kwargs["queryset"] = Author.objects.filter(user=request.user)
            kwargs["help_text"] = (
                "Your byline. Missing? Ask an editor to link your account to an author."
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        own = Author.objects.filter(user=request.user).first()
        if own is not None:
            initial.setdefault("author", own.pk)
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        stored = obj and Post.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        return type(
            form_class.__name__,
            (form_class,),
            {
                "review_action": review.action_from(request.POST),
                "stored_status": stored,
                "publisher": review.can_publish(request.user),
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        publisher = review.can_publish(request.user)
        status = obj.status if obj is not None and obj.pk else Post.Status.DRAFT
        if obj is not None and obj.pk:
            can_edit = self.has_change_permission(request, obj)
        else:
            can_edit = self.has_add_permission(request)
        context["review_buttons"] = {
            "submit": can_edit and status == Post.Status.DRAFT,
            "send_back": can_edit and publisher and status == Post.Status.REVIEW,
            "publish": can_edit and publisher and status != Post.Status.PUBLISHED,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        before = form.stored_status if change else None
        outcome = review.decide(
            before=before,
            wanted=obj.status,
            action=form.review_action,
            publisher=form.publisher,
            scheduled=obj.publish_at > timezone.now(),
        )
        obj.status = outcome.status
        if change and set(form.changed_data) & EDITED_FIELDS and self._was_public(obj):
            obj.edited_at = timezone.now()
        super().save_model(request, obj, form, change)
        if outcome.event:
            request.review_event = ReviewEvent.objects.create(
                post=obj,
                actor=request.user,
                kind=outcome.event,
                comment=form.cleaned_data.get("review_comment", "").strip()
                if outcome.event == ReviewEvent.Kind.SENT_BACK
                else "",
            )

    @staticmethod
    def _was_public(post) -> bool:
        """Whether readers could see the post before this save: only then is a change an
        edit they are told about."""
        return Post.objects.published().filter(pk=post.pk).exists()

    def save_related(self, request, form, formsets, change):
        edited = change and any(formset.has_changed() for formset in formsets)
        if edited and self._was_public(form.instance):
            form.instance.edited_at = timezone.now()
            Post.objects.filter(pk=form.instance.pk).update(edited_at=form.instance.edited_at)
        super().save_related(request, form, formsets, change)

    def _with_review_step(self, request, entry):
        event = getattr(request, "review_event", None)
        if event is not None and reversion.is_active():
            reversion.set_comment(f"{event.summary} {entry.get_change_message()}".strip())
        return entry

    def log_addition(self, request, obj, message):
        return self._with_review_step(request, super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self._with_review_step(request, super().log_change(request, obj, message))

    def response_change(self, request, obj):
        event = getattr(request, "review_event", None)
        if event is not None:
            self.message_user(request, f"“{obj}”: {event.summary}", messages.SUCCESS)
        return super().response_change(request, obj)

    @admin.display(description="review")
    def review_state(self, post):
        if post.pk is None:
            return "Write the post, then submit it for review."
        feedback = review.latest_feedback(post)
        if feedback is not None:
            return format_html(
                '<div class="review-feedback"><p><strong>Sent back by {} on {}:</strong></p>'
                "<blockquote>{}</blockquote><p>Change the post, then submit it for review "
                "again.</p></div>",
                feedback.actor_name,
                timezone.localtime(feedback.created_at).strftime("%d %B, %H:%M"),
                feedback.comment,
            )
        steps = list(post.review_events.select_related("actor")[:5])
        if not steps:
            return "No review steps yet."
        return format_html(
            '<ul class="review-steps">{}</ul>',
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (timezone.localtime(step.created_at).strftime("%d %B, %H:%M"), step.summary)
                    for step in steps
                ),
            ),
        )

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

    def _set_status(self, request, queryset, status, kind):
        """Change status post by post, so each change is saved, logged and kept in history."""
        changed = []
        with reversion.create_revision():
            reversion.set_user(request.user)
            for post in queryset.exclude(status=status):
                post.status = status
                post.save()
                event_kind = kind
                if kind == ReviewEvent.Kind.PUBLISHED and post.is_scheduled:
                    event_kind = ReviewEvent.Kind.SCHEDULED
                event = ReviewEvent.objects.create(post=post, actor=request.user, kind=event_kind)
                self.log_change(request, post, event.summary)
                changed.append(post)
            reversion.set_comment(
                "Bulk action: "
                + ("published." if kind == ReviewEvent.Kind.PUBLISHED else "unpublished.")
            )
        return changed

    @admin.action(description="Publish selected posts", permissions=["publish"])
    def publish(self, request, queryset):
        changed = self._set_status(
            request, queryset, Post.Status.PUBLISHED, ReviewEvent.Kind.PUBLISHED
        )
        scheduled = sum(post.is_scheduled for post in changed)
        message = f"Published {len(changed) - scheduled} post(s)."
        if scheduled:
            message += f" {scheduled} post(s) have a future date and are scheduled."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Unpublish selected posts (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        changed = self._set_status(
            request, queryset, Post.Status.DRAFT, ReviewEvent.Kind.UNPUBLISHED
        )
        self.message_user(request, f"Moved {len(changed)} post(s) back to draft.", messages.SUCCESS)
