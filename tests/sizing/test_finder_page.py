import json
import re
from html import unescape
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from sizing.forms import SizeFinderForm
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


NOT_A_NUMBER = "Enter the size as a number, like 10 or 10.5."
# Each bad size: what the reader is told is wrong, besides the sizes they may enter
# (None: a number the chart does not have, where the list says it all).
BAD_SIZES = [
    ("10.25", None),
    ("0", None),
    ("99", None),
    ("ten", NOT_A_NUMBER),
    ("NaN", NOT_A_NUMBER),
    ("1E400", NOT_A_NUMBER),
    ("inf", NOT_A_NUMBER),
    ("-3", NOT_A_NUMBER),
    ("-10", NOT_A_NUMBER),
    ("10.5.5", NOT_A_NUMBER),
    ("9½", NOT_A_NUMBER),
    ("", "Enter your size in that shoe, e.g. 10 or 10.5."),
    ("9" * 100_000, NOT_A_NUMBER),
]
# What each system's list says for the Nike chart (the Air Force 1's).
NIKE_SIZES = {
    "us-men": "US men's sizes in the Nike chart are: 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, "
    "10.5, 11, 11.5, 12, 12.5, 13, 14, 15.",
    "us-women": "US women's sizes in the Nike chart are: 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, "
    "11.5, 12, 12.5, 13, 13.5, 14, 14.5, 15.5, 16.5.",
    "uk": "UK sizes in the Nike chart are: 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, "
    "11, 11.5, 12, 13, 14.",
    "cm": "Nike sizes run from 24 to 33 cm: enter a length in that range.",
}


def size_errors(response) -> list[str]:
    """The size field's messages, as the page shows them next to the field."""
    html = response.content.decode()
    start = html.index('id="error-size"')
    box = html[start : html.index("</div>", start)]
    return [unescape(item) for item in re.findall(r"<li>(.*?)</li>", box)]


@pytest.mark.parametrize(("size", "problem"), BAD_SIZES)
def test_bad_sizes_give_a_form_error_listing_the_valid_sizes(client, demo_content, size, problem):
    response = client.get(URL, {**AF1, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    expected = [problem, NIKE_SIZES["us-men"]] if problem else [NIKE_SIZES["us-men"]]
    assert size_errors(response) == expected
    assert "Check your answers" in result_region(response)


@pytest.mark.parametrize("system", NIKE_SIZES)
@pytest.mark.parametrize("size", ["ten", "NaN", "1E400", "-3", "", "0"])
def test_the_list_of_sizes_is_the_chosen_shoes_in_the_chosen_system(
    client, demo_content, system, size
):
    response = client.get(URL, {**AF1, "system": system, "size": size})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert size_errors(response)[-1] == NIKE_SIZES[system]


def test_without_a_known_shoe_a_bad_size_is_told_how_to_write_a_size(client, demo_content):
    response = client.get(URL, {**AF1, "shoe": "no-such-shoe", "size": "ten"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert size_errors(response) == [NOT_A_NUMBER]


def test_a_decimal_comma_is_read_as_a_point(client, demo_content):
    response = client.get(URL, {**AF1, "size": "10,5"})
    assert response.status_code == HTTPStatus.OK
    assert "US men&#x27;s 10.5 or 11</p>" in result_region(response)


TICKED = ["1", "true", "on", "TRUE", "On", " 1 "]
UNTICKED = ["0", "false", "off", "OFF", "False", ""]
UNREADABLE = ["yes", "no", "2", "-1", "tru", "1 1", "x" * 1000]
SIZED_DOWN_ANSWER = "US men&#x27;s 10.5</p>"
PLAIN_ANSWER = "US men&#x27;s 10 or 10.5</p>"


@pytest.mark.parametrize("value", TICKED)
def test_documented_ticked_values_tick_the_box(client, demo_content, value):
    response = client.get(URL, {**AF1, "sized_down": value})
    assert response.status_code == HTTPStatus.OK
    assert SIZED_DOWN_ANSWER in result_region(response)
    assert re.search(r'<input type="checkbox" name="sized_down"[^>]* checked', response.text)


@pytest.mark.parametrize("value", UNTICKED)
def test_documented_unticked_values_leave_the_box_unticked(client, demo_content, value):
    response = client.get(URL, {**AF1, "sized_down": value})
    assert response.status_code == HTTPStatus.OK
    assert PLAIN_ANSWER in result_region(response)
    assert not re.search(r'<input type="checkbox" name="sized_down"[^>]* checked', response.text)


@pytest.mark.parametrize("field", ["sized_down", "bought_wide"])
@pytest.mark.parametrize("value", UNREADABLE)
def test_any_other_check_box_value_is_a_400_that_says_so(client, demo_content, field, value):
    response = client.get(URL, {**AF1, field: value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    region = result_region(response)
    assert f'href="#id_{field}"' in region
    assert "Use 1, true or on for ticked, or 0, false or off for not ticked." in region
    html = response.content.decode()
    assert re.search(rf'<input type="checkbox" name="{field}"[^>]* aria-invalid="true"', html)
    assert f'id="error-{field}"' in html


def test_a_repeated_check_box_counts_its_last_value(client, demo_content):
    response = client.get(URL + "?" + urlencode({**AF1}) + "&sized_down=yes&sized_down=1")
    assert response.status_code == HTTPStatus.OK
    assert SIZED_DOWN_ANSWER in result_region(response)


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


@pytest.mark.parametrize(
    "params",
    [
        {},
        AF1,
        {**AF1, "size": "ten", "sized_down": "maybe", "bought_wide": "2"},
        {"shoe": "nope", "size": "", "system": "x", "width": "y"},
    ],
)
def test_every_field_is_described_by_elements_on_the_page(client, demo_content, params):
    html = client.get(URL, params).content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for name in SizeFinderForm.base_fields:
        controls = re.findall(rf'<(?:input|select)[^>]* name="{name}"[^>]*>', html)
        assert controls, name
        for control in controls:
            references = re.search(r'aria-describedby="([^"]+)"', control).group(1)
            assert set(references.split()) <= ids, (name, references)


def test_submitting_without_javascript_lands_on_the_answer(client, demo_content):
    body = client.get("/sizing/?shoe=nike-air-force-1&size=10").content.decode()
    assert 'action="/sizing/#answer"' in body
    answer = body.index('id="answer"')
    assert body.index('id="finder-result"') < answer < body.index("data-headline")


def test_disclosures_are_marked_as_such(client, demo_content):
    body = client.get("/sizing/").content.decode()
    assert re.search(r'<details class="chart disclosure"', body)
    assert "Source: " not in body
