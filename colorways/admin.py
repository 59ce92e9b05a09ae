import csv

from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from import_export.results import RowResult

from colorways import illustration, importing
from colorways.forms import ColorwayAdminForm, DrawingPreviewForm, PaletteFormSet
from colorways.models import (
    Collaborator,
    Colorway,
    ColorwayImage,
    Gender,
    ImportBatch,
    Listing,
    Milestone,
    PaletteColour,
    ReleaseStatus,
    ResaleObservation,
    Retailer,
    RetailPrice,
    Source,
)
from colorways.resources import (
    COLUMNS,
    TEMPLATE_ROWS,
    ColorwayImportForm,
    ColorwayResource,
    check_upload,
    problems,
)
from colorways.seo import drawing_fills
from colorways.templatetags.colorway_tags import drawing_url
from editing.mixins import CollaborativeEditingMixin
from editing.saving import KeepInputOnDatabaseErrorMixin, ValidSelectionMixin


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ReleaseStatus.choices

    def queryset(self, request, queryset):
        if self.value() in ReleaseStatus.values:
            return queryset.with_status(self.value())
        return queryset


class GenderFilter(admin.SimpleListFilter):
    title = "gender (from the style code)"
    parameter_name = "gender"

    def lookups(self, request, model_admin):
        return [*Gender.choices, ("unknown", "No style code")]

    def queryset(self, request, queryset):
        if self.value() in Gender.values:
            return queryset.with_gender(self.value())
        if self.value() == "unknown":
            return queryset.filter(style_code="")
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "release year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            model_admin.get_queryset(request)
            .filter(release_date__isnull=False)
            .values_list("release_date__year", flat=True)
            .distinct()
            .order_by("-release_date__year")
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() in {value for value, _ in self.lookup_choices}:
            return queryset.filter(release_date__year=int(self.value()))
        return queryset


class DeskTabularInline(admin.TabularInline):
    """A table of related rows that becomes a list of labelled cards on a phone."""

    template = "admin/colorways/tabular_inline.html"


class PaletteInline(DeskTabularInline):
    model = PaletteColour
    formset = PaletteFormSet
    extra = 0
    fields = ["order", "name", "hex", "family"]


class ImageInline(DeskTabularInline):
    model = ColorwayImage
    extra = 0
    fields = ["order", "image", "alt"]


class RetailPriceInline(DeskTabularInline):
    model = RetailPrice
    extra = 0


class ListingInline(DeskTabularInline):
    model = Listing
    extra = 0
    autocomplete_fields = ["retailer"]
    fields = ["retailer", "url", "price", "currency", "availability", "last_checked"]


class ResaleInline(DeskTabularInline):
    model = ResaleObservation
    extra = 0


class SourceInline(DeskTabularInline):
    model = Source
    extra = 0
    fields = ["fact", "claim", "publication", "url", "checked_on"]


@admin.register(Colorway)
class ColorwayAdmin(
    ValidSelectionMixin,
    KeepInputOnDatabaseErrorMixin,
    CollaborativeEditingMixin,
    ImportExportModelAdmin,
):
    form = ColorwayAdminForm
    resource_classes = [ColorwayResource]
    formats = [base_formats.CSV]
    import_form_class = ColorwayImportForm
    import_template_name = "admin/colorways/colorway/import.html"
    list_display = [
        "name_and_nickname",
        "style_code",
        "collaborator",
        "release_display",
        "status_and_disputes",
        "swatches",
    ]
    list_filter = [StatusFilter, "collaborator", YearFilter, GenderFilter, "release_precision"]
    list_select_related = ["collaborator"]
    search_fields = ["name", "nickname", "style_code", "pack", "collaborator__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["collaborator"]
    readonly_fields = [
        "status_label",
        "gender_label",
        "public_link",
        "created_at",
        "updated_at",
        "drawing",
    ]
    inlines = [
        PaletteInline,
        ImageInline,
        RetailPriceInline,
        ListingInline,
        ResaleInline,
        SourceInline,
    ]
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "nickname",
                    "slug",
                    "style_code",
                    "gender_label",
                    "collaborator",
                    "pack",
                    "public_link",
                ]
            },
        ),
        ("Release", {"fields": ["release_date", "release_precision", "status_label", "region"]}),
        ("About", {"fields": ["materials", "story"]}),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
        (
            "Drawing",
            {
                "fields": ["drawing_regions"],
                "description": "Cards, the colorway’s page and its link previews show this "
                "drawing until a photo is added under Images. Its colours come from the "
                "palette below.",
                "classes": ["drawing-fieldset"],
            },
        ),
    ]

    class Media(CollaborativeEditingMixin.Media):
        js = [*CollaborativeEditingMixin.Media.js, "js/colorway-drawing.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("palette", "sources")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Who may only look sees the drawing, not the assignments behind it.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "drawing" if field == "drawing_regions" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "drawing/preview/",
                wrap(require_POST(self.drawing_preview_view)),
                name="colorways_colorway_drawing_preview",
            ),
            path(
                "import/template.csv",
                wrap(self.import_template_view),
                name="colorways_colorway_import_template",
            ),
            path(
                "import/batches/",
                wrap(require_POST(self.import_stage_view)),
                name="colorways_colorway_import_stage",
            ),
            path(
                "import/batches/<uuid:batch_id>/check/",
                wrap(require_POST(self.import_check_view)),
                name="colorways_colorway_import_check",
            ),
            path(
                "import/batches/<uuid:batch_id>/commit/",
                wrap(require_POST(self.import_commit_view)),
                name="colorways_colorway_import_commit",
            ),
            *super().get_urls(),
        ]

    def drawing_preview_view(self, request):
        """The drawing as the form's palette and choices colour it: its SVG markup and the
        fill of each region, as JSON; 400 with the problems for a palette or a choice that
        cannot be drawn."""
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        form = DrawingPreviewForm(request.POST)
        if not form.is_valid():
            found = [message for messages in form.errors.values() for message in messages]
            return JsonResponse({"problems": found}, status=400)
        fills, svg = form.drawing()
        return JsonResponse({"fills": fills, "svg": svg})

    def import_template_view(self, request):
        """A CSV file with every column and example rows, to fill in."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="colorways-template.csv"'
        writer = csv.writer(response)
        writer.writerow(COLUMNS)
        writer.writerows(TEMPLATE_ROWS)
        return response

    # The page's script imports a file in steps (colorways.importing), each a short request.

    def _batch(self, request, batch_id) -> ImportBatch:
        if not self.has_import_permission(request):
            raise PermissionDenied
        return get_object_or_404(ImportBatch, pk=batch_id, user=request.user)

    def import_stage_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        upload = request.FILES.get("import_file")
        if upload is None:
            return JsonResponse({"problems": ["Choose a CSV file to import."]}, status=400)
        try:
            data = check_upload(upload)
            batch = importing.stage(user=request.user, data=data, file_name=upload.name)
        except ValidationError as error:
            return JsonResponse({"problems": error.messages}, status=400)
        except importing.ImportRefused as refused:
            return JsonResponse({"problems": refused.problems}, status=400)
        return JsonResponse(
            {"batch": str(batch.pk), "total": len(batch.rows), "chunk": importing.CHUNK_ROWS}
        )

    def import_check_view(self, request, batch_id):
        batch = self._batch(request, batch_id)
        try:
            chunk = importing.check_part(batch=batch, start=int(request.POST.get("start", "")))
        except ValueError:
            return JsonResponse({"problems": ["Say which rows to check."]}, status=400)
        except importing.ImportRefused as refused:
            return JsonResponse({"problems": refused.problems}, status=400)
        return JsonResponse(
            {
                "done": chunk.start + chunk.size,
                "total": len(batch.rows),
                "problems": chunk.problems,
                "totals": chunk.totals,
            }
        )

    def import_commit_view(self, request, batch_id):
        batch = self._batch(request, batch_id)
        try:
            saved = importing.commit(batch=batch, user=request.user)
        except importing.ImportRefused as refused:
            return JsonResponse({"problems": refused.problems}, status=409)
        self.message_user(
            request,
            f"Imported the file: {saved.added} colorway(s) added, {saved.changed} changed.",
            messages.SUCCESS,
        )
        return JsonResponse(
            {
                "redirect": reverse("admin:colorways_colorway_changelist"),
                "added": saved.added,
                "changed": saved.changed,
            }
        )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            found = problems(result)
            shown = " ".join(found[:5]) + (
                f" (and {len(found) - 5} more)" if len(found) > 5 else ""
            )
            self.message_user(
                request,
                f"Nothing was imported: {shown} Check the file again.",
                messages.ERROR,
            )
            return redirect("admin:colorways_colorway_import")
        return super().process_result(result, request)

    def generate_log_entries(self, result, request):
        """One change-log entry per added or changed colorway, in the editors' words."""
        for import_type, action, message in (
            (RowResult.IMPORT_TYPE_NEW, ADDITION, "Added by a CSV import."),
            (RowResult.IMPORT_TYPE_UPDATE, CHANGE, "Changed by a CSV import."),
        ):
            instances = [row.instance for row in result if row.import_type == import_type]
            if instances:
                LogEntry.objects.log_actions(
                    request.user.pk,
                    instances,
                    action,
                    change_message=message,
                    single_object=len(instances) == 1,
                )

    def has_import_permission(self, request):
        # An import both adds and changes colorways.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    @admin.display(description="name", ordering="name")
    def name_and_nickname(self, colorway):
        drawing = format_html(
            '<img class="desk-drawing" src="{}" alt="" width="96" height="{}" loading="lazy">',
            drawing_url(colorway),
            round(96 * illustration.VIEW_HEIGHT / illustration.VIEW_WIDTH),
        )
        if not colorway.nickname:
            return format_html("{}{}", drawing, colorway.name)
        return format_html("{}{}<small>{}</small>", drawing, colorway.name, colorway.nickname)

    @admin.display(description="release date", ordering="release_date")
    def release_display(self, colorway):
        return colorway.release_display

    @admin.display(description="status", ordering="release_until")
    def status_label(self, colorway):
        if not colorway.pk:
            return "Derived from the date when saved."
        return colorway.current_status.label

    @admin.display(description="gender")
    def gender_label(self, colorway):
        return colorway.gender.label if colorway.gender else "—"

    @admin.display(description="palette")
    def swatches(self, colorway):
        return format_html_join(
            "",
            '<svg width="14" height="14" role="img" aria-label="{}"><title>{}</title>'
            '<rect width="14" height="14" fill="{}" stroke="#888"/></svg>',
            ((c.name, c.name, c.hex) for c in colorway.palette.all()),
        )

    @admin.display(description="status", ordering="release_until")
    def status_and_disputes(self, colorway):
        if not colorway.is_disputed:
            return colorway.current_status.label
        return format_html(
            '{}<small class="disputed">Sources disagree</small>', colorway.current_status.label
        )

    @admin.display(description="drawing")
    def drawing(self, colorway):
        if not colorway.pk:
            return "Save the colorway to see its drawing."
        # Markup the illustration module builds from checked colours and an escaped title.
        svg = illustration.render_svg(fills=drawing_fills(colorway), title=colorway.title)
        return format_html('<div class="drawing-editor-picture">{}</div>', mark_safe(svg))

    @admin.display(description="public page")
    def public_link(self, colorway):
        if not colorway.pk:
            return "Save the colorway to get a link."
        return format_html('<a href="{}">View on site</a>', colorway.get_absolute_url())


@admin.register(Collaborator)
class CollaboratorAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "location", "founder", "colorway_count"]
    list_filter = ["kind"]
    search_fields = ["name", "founder", "city", "country"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(colorway_count=Count("colorways"))

    @admin.display(description="colorways", ordering="colorway_count")
    def colorway_count(self, collaborator):
        return collaborator.colorway_count


@admin.register(Retailer)
class RetailerAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["name", "country", "website"]
    search_fields = ["name", "country"]


@admin.register(Milestone)
class MilestoneAdmin(ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, admin.ModelAdmin):
    list_display = ["title", "release_display", "sources_disagree"]
    search_fields = ["title", "body"]
    inlines = [SourceInline]
    fields = ["title", "release_date", "release_precision", "body"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sources")

    @admin.display(description="date", ordering="release_date")
    def release_display(self, milestone):
        return milestone.release_display

    @admin.display(description="sources disagree", boolean=True)
    def sources_disagree(self, milestone):
        return milestone.is_disputed
