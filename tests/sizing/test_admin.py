from http import HTTPStatus

import pytest
from django.urls import reverse

from sizing.models import Brand, SizeChartRow
from tests.factories import BrandFactory, ComparisonFactory, ShoeFactory, SizeChartRowFactory

pytestmark = pytest.mark.django_db

COLUMNS = ("us_men", "us_women", "uk", "eu", "cm")


def chart_post(brand, rows):
    """The admin's change-form POST for `brand` with these chart rows (all new)."""
    data = {
        "name": brand.name,
        "slug": brand.slug,
        "chart_source": brand.chart_source,
        "chart_rows-TOTAL_FORMS": str(len(rows)),
        "chart_rows-INITIAL_FORMS": "0",
        "chart_rows-MIN_NUM_FORMS": "0",
        "chart_rows-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for column, value in zip(COLUMNS, row, strict=True):
            data[f"chart_rows-{index}-{column}"] = value
    return data


GOOD_ROWS = [("9", "10.5", "8", "42.5", "27"), ("9.5", "11", "8.5", "43", "27.5")]


def test_sound_chart_is_saved(staff_client):
    brand = BrandFactory()
    url = reverse("admin:sizing_brand_change", args=[brand.pk])
    response = staff_client.post(url, chart_post(brand, GOOD_ROWS))
    assert response.status_code == HTTPStatus.FOUND
    assert brand.chart_rows.count() == 2


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [*GOOD_ROWS, ("10", "11.5", "9", "42", "28")],
            "EU must rise with US men&#x27;s: US men&#x27;s 10 has EU 42",
        ),
        (
            [*GOOD_ROWS, ("10", "11.5", "8.5", "44", "28")],
            "UK 8.5 appears in more than one row.",
        ),
        (
            [("9", "10.5", "8", "42.5", "27"), ("9", "11", "8.5", "43", "27.5")],
            "US men&#x27;s 9 appears in more than one row.",
        ),
    ],
)
def test_broken_chart_is_refused_with_a_clear_message(staff_client, rows, message):
    brand = BrandFactory()
    url = reverse("admin:sizing_brand_change", args=[brand.pk])
    response = staff_client.post(url, chart_post(brand, rows))
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not SizeChartRow.objects.filter(brand=brand).exists()


def test_row_change_that_breaks_the_order_is_refused(staff_client):
    brand = BrandFactory()
    first, second = SizeChartRowFactory.create_batch(2, brand=brand)
    url = reverse("admin:sizing_brand_change", args=[brand.pk])
    data = chart_post(brand, [])
    data.update({"chart_rows-TOTAL_FORMS": "2", "chart_rows-INITIAL_FORMS": "2"})
    for index, row in enumerate([first, second]):
        data[f"chart_rows-{index}-id"] = str(row.pk)
        data[f"chart_rows-{index}-brand"] = str(brand.pk)
        for column in COLUMNS:
            data[f"chart_rows-{index}-{column}"] = str(getattr(row, column))
    data["chart_rows-1-cm"] = "1"
    response = staff_client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    assert "cm must rise with US men&#x27;s" in response.content.decode()
    second.refresh_from_db()
    assert second.cm != 1


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:sizing_brand_changelist",
        "admin:sizing_shoe_changelist",
        "admin:sizing_comparison_changelist",
        "admin:sizing_widthrule_changelist",
        "admin:sizing_brand_add",
        "admin:sizing_shoe_add",
    ],
)
def test_admin_screens_open(staff_client, demo_content, url_name):
    assert staff_client.get(reverse(url_name)).status_code == HTTPStatus.OK


def test_shoe_change_form_shows_its_comparisons(staff_client):
    comparison = ComparisonFactory(explanation="Half up, always.")
    url = reverse("admin:sizing_shoe_change", args=[comparison.shoe.pk])
    assert "Half up, always." in staff_client.get(url).content.decode()


def test_comparison_against_the_target_itself_is_refused(staff_client):
    target = ShoeFactory(is_target=True)
    response = staff_client.post(
        reverse("admin:sizing_comparison_add"),
        {
            "shoe": target.pk,
            "condition": "always",
            "offset_min": 0,
            "offset_max": 0,
            "explanation": "x",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "not itself" in response.content.decode()


def test_offset_range_wider_than_two_sizes_is_refused(staff_client):
    shoe = ShoeFactory()
    response = staff_client.post(
        reverse("admin:sizing_comparison_add"),
        {
            "shoe": shoe.pk,
            "condition": "always",
            "offset_min": 0,
            "offset_max": 2,
            "explanation": "x",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "two sizes at most" in response.content.decode()
    assert not shoe.comparisons.exists()


def test_brand_source_is_shown_to_editors(staff_client):
    brand = Brand.objects.create(name="Asics", slug="asics", chart_source="From a public table.")
    url = reverse("admin:sizing_brand_change", args=[brand.pk])
    assert "From a public table." in staff_client.get(url).content.decode()
