import json
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from sizing.models import Comparison, Shoe
from sizing.views import offset_words
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db

URL = reverse("sizing:finder")
AF1 = {"shoe": "nike-air-force-1", "size": "10", "system": "us-men", "width": "regular"}


def result_region(response) -> str:
    html = response.content.decode()
    start = html.index('id="finder-result"')
    return html[start : html.index("</section>", start)]


def test_empty_finder_shows_the_form_and_guide(client, demo_content):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'name="size"' in html
    assert "Nike Air Force 1" in html
    assert "How to measure your foot" in html
    assert "Asics size chart" in html
    assert "100.3 mm" in html
    assert "Check your answers" not in html


def test_answer_lives_in_the_url(client, demo_content):
    response = client.get(URL, AF1)
    assert response.status_code == HTTPStatus.OK
    region = result_region(response)
    assert "US men&#x27;s 10 or 10.5" in region
    assert "<td>44.5</td>" in region
    assert "The Air Force 1 runs large" in region
    assert 'href="/colorways/"' in region


def test_answer_headline_is_in_the_readers_system(client, demo_content):
    response = client.get(URL, {"shoe": "nike-dunk", "size": "8.5", "system": "us-women"})
    assert "US women&#x27;s 8.5</p>" in result_region(response)


def test_cm_input_answers_in_cm(client, demo_content):
    response = client.get(URL, {"shoe": "nike-dunk", "size": "28", "system": "cm"})
    assert ">28 cm</p>" in result_region(response)


def test_sized_down_checkbox_is_read_from_the_url(client, demo_content):
    response = client.get(URL, {**AF1, "sized_down": "1"})
    assert "US men&#x27;s 10.5</p>" in result_region(response)


@pytest.mark.parametrize("system", ["us-women", "us_women"])
def test_womens_preselection_selects_the_system_without_errors(client, demo_content, system):
    response = client.get(URL, {"system": system})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<option value="us-women" selected>' in html
    assert "errorlist" not in html


def test_shoe_link_preselects_the_shoe(client, demo_content):
    response = client.get(URL, {"shoe": "nike-dunk"})
    assert response.status_code == HTTPStatus.OK
    assert '<option value="nike-dunk" selected>' in response.content.decode()


def test_checked_box_keeps_its_state_in_the_answer(client, demo_content):
    html = client.get(URL, {**AF1, "sized_down": "1"}).content.decode()
    assert re.search(r'<input type="checkbox" name="sized_down" value="1"[^>]* checked', html)


def test_preselection_ignores_values_that_are_not_choices(client, demo_content):
    response = client.get(URL, {"system": "klingon", "shoe": "x" * 5000})
    assert response.status_code == HTTPStatus.OK
    assert '<option value="us-men" selected>' in response.content.decode()


BAD_SIZES = [
    ("10.25", "US men&#x27;s sizes in the Nike chart are: 6, 6.5"),
    ("0", "US men&#x27;s sizes in the Nike chart are"),
    ("99", "US men&#x27;s sizes in the Nike chart are"),
    ("ten", "Enter the size as a number"),
    ("NaN", "Enter the size as a number"),
    ("1E400", "Enter the size as a number"),
    ("inf", "Enter the size as a number"),
    ("-10", "Enter the size as a number"),
    ("", "Enter your size in that shoe"),
    ("9" * 100_000, "at most 8 characters"),
]


@pytest.mark.parametrize(("size", "message"), BAD_SIZES)
def test_bad_sizes_give_a_form_error(client, demo_content, size, message):
    response = client.get(URL, {**AF1, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert "Check your answers" in result_region(response)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({**AF1, "shoe": "no-such-shoe"}, "shoe"),
        ({**AF1, "shoe": "x" * 100_000}, "shoe"),
        ({**AF1, "system": "mondopoint"}, "system"),
        ({**AF1, "width": "extra-wide"}, "width"),
        ({"size": "10"}, "shoe"),
    ],
)
def test_bad_choices_give_a_form_error(client, demo_content, params, field):
    response = client.get(URL, params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f'href="#id_{field}' in result_region(response)


def test_bad_input_changes_nothing_stored(client, demo_content):
    before = list(Comparison.objects.values())
    client.get(URL, {**AF1, "size": "1E400"})
    assert list(Comparison.objects.values()) == before


def test_deleted_rule_is_seen_at_once(client, demo_content):
    client.get(URL, AF1)
    Comparison.objects.filter(shoe__slug="nike-air-force-1").delete()
    assert "US men&#x27;s 10</p>" in result_region(client.get(URL, AF1))


def test_page_without_sizing_data_still_answers(client, db):
    response = client.get(URL, AF1)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "being set up" in response.content.decode()


def test_faq_structured_data_matches_the_visible_faq(client, demo_content):
    html = client.get(URL).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "FAQPage"
    questions = [item["name"] for item in data["mainEntity"]]
    assert "Should I size up for wide feet?" in questions
    assert "Which Kayano 14 size if I wear the Nike Air Force 1?" in questions
    for question in questions:
        assert f"<summary>{question}</summary>".replace("'", "&#x27;") in html


def test_script_is_an_external_file(client, demo_content):
    html = client.get(URL).content.decode()
    assert re.search(r'<script src="/static/js/size-finder\.js" defer></script>', html)


def test_editor_change_is_seen_at_once(client, demo_content):
    client.get(URL, AF1)
    comparison = Comparison.objects.get(shoe__slug="nike-air-force-1", condition="always")
    comparison.offset_min = comparison.offset_max = 1
    comparison.save()
    assert "US men&#x27;s 10.5</p>" in result_region(client.get(URL, AF1))


def test_answer_costs_no_query_once_the_guide_is_loaded(
    client, settings, demo_content, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(URL, AF1)
    with django_assert_num_queries(0):
        response = client.get(URL, AF1)
    assert response.status_code == HTTPStatus.OK


def test_sizing_page_is_in_the_sitemap(client, db):
    assert "http://testserver/sizing/" in sitemap_urls(client)


def test_home_page_features_the_size_finder(client, db):
    assert f'href="{URL}"' in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 0, "Same size"),
        (0, 1, "Same size or half a size up"),
        (1, 1, "Half a size up"),
        (2, 2, "A full size up"),
        (3, 4, "1.5 sizes up or 2 sizes up"),
        (-1, 0, "Half a size down or same size"),
    ],
)
def test_offsets_are_written_in_words(low, high, expected):
    assert offset_words(low, high) == expected


def test_api_answer_costs_no_query_once_the_guide_is_loaded(
    client, settings, demo_content, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/api/sizing/recommend", AF1)
    with django_assert_num_queries(0):
        response = client.get("/api/sizing/recommend", AF1)
    assert response.status_code == HTTPStatus.OK


def test_link_without_system_or_width_assumes_us_mens_and_regular_feet(client, demo_content):
    response = client.get(URL, {"shoe": "nike-dunk", "size": "10"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "US men&#x27;s 10</p>" in result_region(response)
    assert re.search(r'<input type="radio" name="width" value="regular"[^>]* checked', html)


def test_an_edit_to_a_shoe_shows_in_the_comparison_table_at_once(client, demo_content):
    assert "Roomier than it looks" not in client.get(URL).content.decode()
    shoe = Shoe.objects.get(slug="nike-air-force-1")
    shoe.fit_notes = "Roomier than it looks."
    shoe.save()
    assert "Roomier than it looks." in client.get(URL).content.decode()
