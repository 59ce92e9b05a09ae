import datetime
from http import HTTPStatus

import pytest
from django import forms
from django.urls import reverse

from colorways import demo
from colorways.models import Colorway

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status=upcoming",
        "?gender=women",
        "?gender=unknown",
        "?year=2022",
        "?year=abc",
        "?year=¹",
        "?year=99999",
        "?q=1201A457",
    ],
)
def test_colorway_changelist_filters_and_search_answer(staff_client, query):
    demo.load()
    response = staff_client.get(reverse("admin:colorways_colorway_changelist") + query)
    assert response.status_code == HTTPStatus.OK


def test_changelist_search_finds_a_colorway_by_style_code(staff_client):
    demo.load()
    response = staff_client.get(reverse("admin:colorways_colorway_changelist") + "?q=1201A457")
    assert response.context["cl"].result_count == 1


def test_colorway_change_page_shows_every_inline(staff_client):
    demo.load()
    colorway = Colorway.objects.get(style_code="1201A457-101")
    response = staff_client.get(reverse("admin:colorways_colorway_change", args=[colorway.pk]))
    assert response.status_code == HTTPStatus.OK
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {
        "palette",
        "images",
        "retail_prices",
        "listings",
        "resale_observations",
        "sources",
    }


@pytest.mark.parametrize(
    "name",
    [
        "admin:colorways_collaborator_changelist",
        "admin:colorways_retailer_changelist",
        "admin:colorways_milestone_changelist",
        "admin:colorways_colorway_add",
    ],
)
def test_other_admin_screens_answer(staff_client, name):
    demo.load()
    assert staff_client.get(reverse(name)).status_code == HTTPStatus.OK


def test_a_date_an_editor_types_is_read_day_first_as_in_britain():
    release_date = forms.DateField()
    assert release_date.clean("04/12/2026") == datetime.date(2026, 12, 4)
    assert release_date.widget.format_value(datetime.date(2026, 12, 4)) == "04/12/2026"
