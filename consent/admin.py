from cookie_consent.admin import CookieAdmin, CookieGroupAdmin
from cookie_consent.models import Cookie, CookieGroup
from django.contrib import admin
from django.db.models import Count
from django.template.loader import render_to_string

from consent.catalogue import current_catalogue
from consent.models import BannerVersion, ConsentRecord, CookieDetail, PolicyPage
from consent.records import Visitor
from editing.saving import KeepInputOnDatabaseErrorMixin, ValidSelectionMixin


def render_snapshot(snapshot: BannerVersion | None, choices: dict | None = None) -> str:
    """What a banner version showed, readable: its words, then each group's cookies;
    with `choices`, what the reader chose for each optional group."""
    groups = [
        {**group, "choice": (choices or {}).get(group["varname"])}
        for group in (snapshot.groups if snapshot else [])
    ]
    return render_to_string("consent/admin/snapshot.html", {"snapshot": snapshot, "groups": groups})


class ReadOnlyAdmin(ValidSelectionMixin, admin.ModelAdmin):
    """Proof is read, never written, here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CookieDetailInline(admin.StackedInline):
    model = CookieDetail
    can_delete = False
    min_num = 1
    verbose_name = "provider and lifetime"
    verbose_name_plural = "provider and lifetime"


# The cookie policy needs each cookie's provider and lifetime beside the library's fields;
# both of the library's admins also keep an editor's input when the database refuses a save.
admin.site.unregister(Cookie)
admin.site.unregister(CookieGroup)


@admin.register(CookieGroup)
class SafeCookieGroupAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CookieGroupAdmin):
    pass


@admin.register(Cookie)
class CookieWithDetailAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CookieAdmin):
    inlines = [CookieDetailInline]
    list_display = ["name", "cookiegroup", "provider", "lifetime", "domain", "path"]
    list_select_related = ["cookiegroup", "detail"]

    @admin.display(ordering="detail__provider")
    def provider(self, obj):
        return getattr(getattr(obj, "detail", None), "provider", "")

    @admin.display(ordering="detail__lifetime")
    def lifetime(self, obj):
        return getattr(getattr(obj, "detail", None), "lifetime", "")


@admin.register(PolicyPage)
class PolicyPageAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "updated_at"]
    readonly_fields = ["updated_at"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    """Proof of consent is read, never written, here; only pruning removes it."""

    list_display = ["confirmed_at", "visitor_short", "banner_version", "method", "choice_summary"]
    list_filter = ["method", "banner_version"]
    search_fields = ["=visitor_id"]
    search_help_text = "The visitor id, or the value of the reader's consent_visitor cookie."
    date_hierarchy = "confirmed_at"
    fields = [
        "created_at",
        "confirmed_at",
        "visitor_id",
        "method",
        "choices",
        "banner_version",
        "shown",
    ]
    readonly_fields = fields

    @admin.display(description="visitor", ordering="visitor_id")
    def visitor_short(self, obj):
        return f"{obj.visitor_id[:12]}…"

    @admin.display(description="choices")
    def choice_summary(self, obj):
        return ", ".join(
            f"{group}: {'yes' if accepted else 'no'}"
            for group, accepted in sorted(obj.choices.items())
        )

    @admin.display(description="what the visitor was shown")
    def shown(self, obj):
        return render_snapshot(obj.snapshot, obj.choices)

    def get_search_results(self, request, queryset, search_term):
        """Also find records by the raw consent_visitor cookie value a reader sends us."""
        term = search_term.strip()
        if not term:
            return super().get_search_results(request, queryset, search_term)
        pseudonym = Visitor(token=term, is_new=False).pseudonym
        return queryset.filter(visitor_id__in=[term, pseudonym]), False


@admin.register(BannerVersion)
class BannerVersionAdmin(ReadOnlyAdmin):
    """Each banner version's snapshot: made by the site, never edited, kept while needed."""

    list_display = ["version", "first_recorded_at", "record_count", "is_current"]
    date_hierarchy = "first_recorded_at"
    fields = ["version", "first_recorded_at", "shown"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(record_count=Count("records"))

    @admin.display(description="records", ordering="record_count")
    def record_count(self, obj):
        return obj.record_count

    @admin.display(description="shown now", boolean=True)
    def is_current(self, obj):
        return obj.version == current_catalogue().version

    @admin.display(description="what readers were shown")
    def shown(self, obj):
        return render_snapshot(obj)
