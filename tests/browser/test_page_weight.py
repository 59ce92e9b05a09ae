"""Page weight and render-blocking scripts on a phone, for the pages readers land on
from search and social links, with long articles and full colorway records.

Lighthouse is not run here (see docs/performance.md): these are the checks of its
that matter most for these pages, done in the same Chromium.
"""

import gzip

import pytest

from bench.seed import PREFIX, seed
from blog.models import Post
from colorways.models import Colorway
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)
HTML_LIMIT = 100 * 1024
ASSETS_LIMIT = 50 * 1024  # CSS and JS together, compressed


@pytest.fixture
def pages(cookie_groups):
    seed(posts=12, colorways=6, collaborators=3, log=lambda line: None)
    post = Post.objects.filter(slug__startswith=PREFIX).order_by("pk").first()
    colorway = Colorway.objects.filter(slug__startswith=PREFIX).order_by("pk").first()
    return {
        "home": "/",
        "post": post.get_absolute_url(),
        "catalogue": "/colorways/",
        "colorway": colorway.get_absolute_url(),
        "size finder": "/sizing/?shoe=nike-air-force-1&size=10&system=us-men&width=wide",
    }


# An external script without defer, async or type=module stops the page from rendering
# until it has been fetched and run.
RENDER_BLOCKING_SCRIPTS = """() => Array.from(document.querySelectorAll('script[src]'))
    .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src)"""


@pytest.mark.parametrize("name", ["home", "post", "catalogue", "colorway", "size finder"])
def test_page_is_light_and_no_script_blocks_rendering(new_page, live_server, pages, name):
    page = new_page(viewport=PHONE, is_mobile=True)
    sizes = {}

    def record(response):
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script") and response.ok:
            sizes.setdefault(kind, []).append((response.url, response.body()))

    page.on("response", record)
    page.goto(live_server.url + pages[name])
    page.wait_for_load_state("networkidle")

    (url, html), *_ = sizes["document"]
    assert len(html) < HTML_LIMIT, f"{name}: {len(html)} bytes of HTML"
    assets = sizes.get("stylesheet", []) + sizes.get("script", [])
    assert sizes.get("stylesheet"), "the page's stylesheet was not loaded"
    compressed = sum(len(gzip.compress(body)) for _, body in assets)
    assert compressed < ASSETS_LIMIT, f"{name}: {compressed} bytes of CSS and JS compressed"
    assert page.evaluate(RENDER_BLOCKING_SCRIPTS) == []
    # every picture below the first screen waits until the reader scrolls to it
    eager = page.evaluate(
        """() => Array.from(document.images)
            .filter(i => i.getBoundingClientRect().top > window.innerHeight * 2)
            .filter(i => i.loading !== 'lazy').map(i => i.src)"""
    )
    assert eager == []
