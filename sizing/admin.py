from django import forms
from django.contrib import admin
from django.db.models import Count

from editing.mixins import CollaborativeEditingMixin
from editing.saving import KeepInputOnDatabaseErrorMixin, ValidSelectionMixin
from sizing.engine import ChartRow, chart_problems
from sizing.models import Brand, Comparison, Shoe, SizeChartRow, WidthRule


class ChartRowFormSet(forms.BaseInlineFormSet):
    """Refuses a chart whose columns do not all rise together, saying which rows are wrong."""

    def clean(self):
        problems = chart_problems(self._rows())
        try:
            super().clean()
        except forms.ValidationError:
            # Django's own "duplicate data" message is vaguer than ours: say ours when we can.
            if not problems:
                raise
        if problems:
            raise forms.ValidationError(problems)

    def _rows(self) -> list[ChartRow]:
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not form.is_valid():
                continue
            columns = ("us_men", "us_women", "uk", "eu", "cm")
            if all(data.get(column) is not None for column in columns):
                rows.append(ChartRow(**{column: data[column] for column in columns}))
        return rows


class SizeChartRowInline(admin.TabularInline):
    model = SizeChartRow
    formset = ChartRowFormSet
    extra = 0
    fields = ["us_men", "us_women", "uk", "eu", "cm"]


@admin.register(Brand)
class BrandAdmin(
    ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, admin.ModelAdmin
):
    list_display = ["name", "slug", "row_count", "updated_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SizeChartRowInline]
    fieldsets = [
        (None, {"fields": ["name", "slug"]}),
        (
            "Size chart",
            {
                "fields": ["chart_source"],
                "description": "One row per size. Every column must rise from row to row and "
                "no size may appear twice; rows are listed by US men's size. "
                "Women's US is men's + 1.5 in every chart the guide ships with.",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(row_count=Count("chart_rows"))

    @admin.display(description="sizes", ordering="row_count")
    def row_count(self, brand):
        return brand.row_count


class ComparisonInline(admin.StackedInline):
    model = Comparison
    extra = 0
    fields = ["condition", ("offset_min", "offset_max"), "explanation"]


@admin.register(Shoe)
class ShoeAdmin(
    ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, admin.ModelAdmin
):
    list_display = ["__str__", "slug", "position", "fit", "is_target", "widths"]
    list_editable = ["position"]
    list_filter = ["brand", "fit", "is_target"]
    list_select_related = ["brand"]
    search_fields = ["model", "brand__name", "fit_notes"]
    prepopulated_fields = {"slug": ["model"]}
    inlines = [ComparisonInline]
    fieldsets = [
        (None, {"fields": ["brand", "model", "slug", "is_target", "position"]}),
        ("Fit", {"fields": ["fit", "fit_notes", "widths"]}),
        (
            "Measurements",
            {
                "fields": ["toe_box_mm", ("weight_min_g", "weight_max_g"), "stretch_notes"],
                "description": "Shown as the fit facts of the Kayano 14; optional for other shoes.",
            },
        ),
    ]


@admin.register(Comparison)
class ComparisonAdmin(
    ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, admin.ModelAdmin
):
    list_display = ["shoe", "condition", "offset_min", "offset_max"]
    list_filter = ["condition", "shoe__brand"]
    list_select_related = ["shoe__brand"]
    search_fields = ["shoe__model", "explanation"]
    autocomplete_fields = ["shoe"]


@admin.register(WidthRule)
class WidthRuleAdmin(
    ValidSelectionMixin, KeepInputOnDatabaseErrorMixin, CollaborativeEditingMixin, admin.ModelAdmin
):
    list_display = ["width", "offset", "explanation"]
