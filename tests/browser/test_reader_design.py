"""The site's design in a real browser, on a phone: what a machine can check."""

import pytest

from tests.factories import FAQFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)
PHONE_390 = {"width": 390, "height": 844}


def test_cookie_banner_takes_at_most_a_third_of_a_phones_first_screen(
    new_page, live_server, cookie_groups
):
    page = new_page(viewport=PHONE_390)
    page.goto(live_server.url + "/")
    banner = page.get_by_role("region", name="Cookies on Kayano 14 Hub")
    assert banner.is_visible()
    box = banner.bounding_box()
    assert box["height"] <= PHONE_390["height"] / 3
    for name in ("Accept all", "Reject all"):
        choice = banner.get_by_role("button", name=name).bounding_box()
        assert choice["height"] >= 44 and choice["y"] + choice["height"] <= box["height"]
    assert banner.get_by_role("link", name="Choose").is_visible()


def test_contents_are_numbered_one_two_three_on_screen(new_page, live_server, cookie_groups):
    post = PostFactory(body="## One\n\nText.\n\n### Detail\n\nText.\n\n## Two\n\nText.")
    FAQFactory(post=post)
    page = new_page(viewport=PHONE_390)
    page.goto(live_server.url + post.get_absolute_url())
    numbered = page.locator("nav.toc > ol > li")
    # Only the sections take a number, in one run; a subsection shows none.
    styles = numbered.evaluate_all("items => items.map(li => getComputedStyle(li).listStyleType)")
    assert styles == ["decimal"] * 3
    assert numbered.locator("> a").all_inner_texts() == ["One", "Two", "Frequently asked questions"]
    nested = page.locator("nav.toc ol ol li").first
    assert nested.evaluate("li => getComputedStyle(li).listStyleType") == "none"
