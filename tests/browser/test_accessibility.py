"""axe-core (shipped in axe-playwright-python) finds no WCAG 2.2 A/AA violation on the main
pages, at a phone and a desktop width; each page is also saved as a screenshot.

To check a new page, add its name and address to PAGES (and what it needs to `content`).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from colorways import demo as colorways_demo
from sizing import demo as sizing_demo
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PolicyPageFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    ("home", "/"),
    ("post", "/blog/gel-kayano-14-history/"),
    ("blog", "/blog/"),
    ("search", "/search/?q=kayano"),
    ("cookie-settings", "/cookies/"),
    ("cookie-policy", "/cookie-policy/"),
    ("privacy-policy", "/privacy/"),
    ("not-found", "/no-such-page/"),
    ("colorways", "/colorways/"),
    ("colorways-filtered", "/colorways/?status=released&sort=price"),
    ("colorway", "/colorways/jjjjound-silver-black/"),
    ("collaborators", "/colorways/collaborators/"),
    ("collaborator", "/colorways/collaborators/jjjjound/"),
    ("upcoming", "/colorways/upcoming/"),
    ("timeline", "/colorways/timeline/"),
    ("size-finder", "/sizing/"),
    ("size-finder-answer", "/sizing/?shoe=nike-air-force-1&size=10&system=us-men&width=wide"),
    ("size-finder-errors", "/sizing/?shoe=nike-air-force-1&size=ten&sized_down=maybe"),
]
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture
def content(cookie_groups):
    PostFactory(
        slug="gel-kayano-14-history",
        title="The story of the Gel-Kayano 14",
        body="## A line named after its designer\n\nText about the Kayano.\n\n"
        "## The idea of flash\n\nMore text, a [link](/blog/) and a list:\n\n- one\n- two\n",
    )
    PostFactory(title="Kayano sizing")
    PolicyPageFactory(kind="cookies", title="Cookie policy", body="Cookies are small files.")
    PolicyPageFactory(kind="privacy", title="Privacy policy", body="## What we keep\n\nLittle.")
    colorways_demo.load()
    sizing_demo.load()


def summary(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}" for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_wcag_violations(new_page, live_server, content, screenshot, name, path, width):
    page = new_page(viewport=WIDTHS[width])
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    violations = results.response["violations"]
    screenshot(page, f"{name}-{width}")
    assert violations == [], summary(violations)
    # Reflow (WCAG 1.4.10): nothing makes the reader scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
