"""Editors assign palette colours to the drawing's regions: stored on the colorway, used
by every drawing and link preview, checked in the form, redrawn by the admin preview."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from colorways import illustration
from colorways.models import Colorway
from colorways.seo import colorway_image, drawing_fills
from tests.admin_forms import submitted_fields
from tests.factories import ColorwayFactory, PaletteColourFactory, UserFactory

pytestmark = pytest.mark.django_db

WHITE, SILVER, BLACK = "#FFFFFF", "#B8BCC4", "#111111"
PREVIEW_URL = "admin:colorways_colorway_drawing_preview"


@pytest.fixture
def colorway():
    colorway = ColorwayFactory(name="White/Silver/Black")
    for order, (name, hex_code) in enumerate(
        [("White", WHITE), ("Pure Silver", SILVER), ("Black", BLACK)]
    ):
        PaletteColourFactory(colorway=colorway, order=order, name=name, hex=hex_code)
    return colorway


def change_url(colorway):
    return reverse("admin:colorways_colorway_change", args=[colorway.pk])


def form_fields(client, colorway, **changes) -> dict[str, list[str]]:
    page = client.get(change_url(colorway)).content.decode()
    fields = submitted_fields(page, "colorway_form")
    fields.update({name: [value] for name, value in changes.items()})
    return fields


def test_assignments_are_saved_from_the_form_and_fill_the_drawing(staff_client, colorway):
    fields = form_fields(
        staff_client, colorway, drawing_regions_laces="2", drawing_regions_stripes="0"
    )
    response = staff_client.post(change_url(colorway), fields)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    colorway.refresh_from_db()
    assert colorway.drawing_regions == {"laces": 2, "stripes": 0}
    fills = drawing_fills(colorway)
    assert fills["laces"] == BLACK
    assert fills["stripes"] == WHITE
    assert fills["overlays"] == SILVER  # still from the palette's order


def test_the_form_shows_the_saved_drawing_and_choices(staff_client, colorway):
    colorway.drawing_regions = {"laces": 2}
    colorway.save()
    page = staff_client.get(change_url(colorway)).content.decode()
    fields = submitted_fields(page, "colorway_form")
    assert fields["drawing_regions_laces"] == ["2"]
    assert fields["drawing_regions_stripes"] == [""]
    assert 'data-region="laces" fill="#111111"' in page
    assert "3 · Black" in page


def test_a_choice_beyond_the_palette_is_refused_with_a_form_error(staff_client, colorway):
    fields = form_fields(staff_client, colorway, drawing_regions_laces="5")
    response = staff_client.post(change_url(colorway), fields)
    assert response.status_code == HTTPStatus.OK
    assert "The drawing’s Laces is set to palette colour 6, but the palette has 3 colours" in (
        response.content.decode()
    )
    colorway.refresh_from_db()
    assert colorway.drawing_regions == {}


def test_removing_the_palette_colour_a_region_uses_is_refused(staff_client, colorway):
    colorway.drawing_regions = {"laces": 2}
    colorway.save()
    black = colorway.palette.get(hex=BLACK)
    fields = form_fields(staff_client, colorway)
    (prefix,) = [
        name.removesuffix("-id") for name, value in fields.items() if value == [str(black.pk)]
    ]
    fields[f"{prefix}-DELETE"] = ["on"]
    response = staff_client.post(change_url(colorway), fields)
    assert response.status_code == HTTPStatus.OK
    assert "The drawing’s Laces is set to palette colour 3, but the palette has 2 colours" in (
        response.content.decode()
    )
    assert colorway.palette.count() == 3


@pytest.mark.parametrize("value", ["abc", "-1", "99", "1.5"])
def test_a_choice_that_is_no_palette_position_is_a_form_error(staff_client, colorway, value):
    fields = form_fields(staff_client, colorway, drawing_regions_midsole=value)
    response = staff_client.post(change_url(colorway), fields)
    assert response.status_code == HTTPStatus.OK
    assert "Midsole: choose one of the palette’s colours." in response.content.decode()


@pytest.mark.parametrize(
    ("assignments", "problem"),
    [
        ({"tongue": 0}, "“tongue” is not a region of the drawing"),
        ({"laces": "1"}, "Laces: '1' is not a position in the palette."),
        ({"laces": True}, "Laces: True is not a position in the palette."),
        ({"laces": -1}, "Laces: -1 is not a position in the palette."),
        (["laces"], "must be a mapping of regions to palette positions"),
    ],
)
def test_the_model_refuses_assignments_that_are_not_regions_and_positions(
    colorway, assignments, problem
):
    colorway.drawing_regions = assignments
    with pytest.raises(ValidationError) as refused:
        colorway.full_clean()
    assert any(problem in message for message in refused.value.message_dict["drawing_regions"])


def test_a_position_the_palette_no_longer_has_falls_back_to_the_default(colorway):
    colorway.drawing_regions = {"laces": 2, "stripes": 1}
    colorway.save()
    colorway.palette.get(hex=BLACK).delete()
    colorway = Colorway.objects.get(pk=colorway.pk)
    fills = drawing_fills(colorway)
    defaults = illustration.default_fills(palette=[WHITE, SILVER])
    assert fills == {**defaults, "stripes": SILVER}


def test_stored_assignments_that_are_not_a_mapping_never_break_the_drawing(colorway):
    Colorway.objects.filter(pk=colorway.pk).update(drawing_regions=["laces", 2])
    colorway = Colorway.objects.get(pk=colorway.pk)
    assert drawing_fills(colorway) == illustration.default_fills(palette=[WHITE, SILVER, BLACK])


def test_the_form_offers_a_stale_choice_as_the_default_and_saves_it_so(staff_client, colorway):
    colorway.drawing_regions = {"laces": 7, "stripes": 2}
    colorway.save()
    fields = form_fields(staff_client, colorway)
    assert fields["drawing_regions_laces"] == [""]
    response = staff_client.post(change_url(colorway), fields)
    assert response.status_code == HTTPStatus.FOUND
    colorway.refresh_from_db()
    assert colorway.drawing_regions == {"stripes": 2}


def test_the_colorway_page_draws_with_the_assignments(client, colorway):
    colorway.drawing_regions = {"laces": 2}
    colorway.save()
    colorway = Colorway.objects.with_details().prefetch_related("images").get(pk=colorway.pk)
    assert drawing_fills(colorway)["laces"] == BLACK


def test_the_social_image_is_drawn_again_when_the_assignments_change(colorway):
    before = colorway_image(Colorway.objects.get(pk=colorway.pk)).url
    colorway.drawing_regions = {"laces": 2}
    colorway.save()
    after = colorway_image(Colorway.objects.get(pk=colorway.pk)).url
    assert after != before
    colorway.drawing_regions = {"laces": 0}  # the default colour: the same picture
    colorway.save()
    assert colorway_image(Colorway.objects.get(pk=colorway.pk)).url == before


# The preview the form redraws the drawing with.


def preview_data(**changes):
    return {"palette": f"{WHITE},{SILVER},{BLACK}", "title": "Test", **changes}


def test_the_preview_draws_the_posted_palette_and_choices(staff_client):
    response = staff_client.post(reverse(PREVIEW_URL), preview_data(drawing_regions_laces="2"))
    assert response.status_code == HTTPStatus.OK
    answer = response.json()
    assert answer["fills"]["laces"] == BLACK
    assert answer["fills"]["mesh_base"] == WHITE
    assert answer["svg"].startswith("<svg")
    assert 'data-region="laces" fill="#111111"' in answer["svg"]


def test_the_preview_of_an_empty_palette_is_the_blank_drawing(staff_client):
    response = staff_client.post(reverse(PREVIEW_URL), {"palette": ""})
    assert response.status_code == HTTPStatus.OK
    assert set(response.json()["fills"].values()) <= {"#F4F4F2", "#FFFFFF", "#929291"}


@pytest.mark.parametrize(
    "changes",
    [
        {"palette": "#FFFFFF,red"},
        {"palette": '#FFFFFF,"/><script>alert(1)</script>'},
        {"palette": "#FFFFFF;fill:url(http://evil.example/x)"},
        {"palette": ",".join(["#FFFFFF"] * 21)},
        {"drawing_regions_laces": "x"},
        {"drawing_regions_laces": "-3"},
    ],
)
def test_the_preview_refuses_what_is_not_a_colour_or_a_position(staff_client, changes):
    response = staff_client.post(reverse(PREVIEW_URL), preview_data(**changes))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["problems"]


def test_the_preview_escapes_the_title(staff_client):
    response = staff_client.post(reverse(PREVIEW_URL), preview_data(title="<script>x</script>"))
    assert "<script>" not in response.json()["svg"]


def test_the_preview_is_for_staff_only(client, reader_client):
    url = reverse(PREVIEW_URL)
    assert client.post(url, preview_data()).status_code == HTTPStatus.FOUND
    assert reader_client.post(url, preview_data()).status_code == HTTPStatus.FOUND


def test_the_preview_is_for_editors_who_may_change_or_add_colorways(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    url = reverse(PREVIEW_URL)
    assert client.post(url, preview_data()).status_code == HTTPStatus.FORBIDDEN
    staff.user_permissions.add(Permission.objects.get(codename="change_colorway"))
    assert client.post(url, preview_data()).status_code == HTTPStatus.OK


def test_the_preview_answers_only_posts(staff_client):
    assert staff_client.get(reverse(PREVIEW_URL)).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_the_preview_needs_the_csrf_token(staff_user):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)
    assert browser.post(reverse(PREVIEW_URL), preview_data()).status_code == HTTPStatus.FORBIDDEN
