"""The admin, the Markdown editor and the API docs work under the site's strict CSP.

A staff member logs in, writes Markdown in a new post and sees the live preview,
sanitized; nothing on these pages is refused by the Content-Security-Policy.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from colorways import demo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any page script and outside the page's CSP: records every violation.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the CSP complaints its console and its documents report."""
    refused = []
    page.on(
        "console",
        lambda m: (
            refused.append(m.text)
            if "Refused to" in m.text or "Content Security Policy" in m.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    return page, refused


def assert_no_violation(page, refused):
    assert refused == []
    assert page.evaluate("window.cspViolations") == []


def log_in(page, live_server):
    UserFactory(username="editor", is_staff=True, is_superuser=True)
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Publish")).to_be_visible()


def test_the_markdown_editor_previews_live_and_sanitized_under_the_csp(watched, live_server):
    page, refused = watched
    log_in(page, live_server)
    response = page.goto(live_server.url + reverse("admin:blog_post_add"))
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    body = page.locator("#id_body")
    body.click()
    body.press_sequentially(
        "## Fit notes\n\n**Half a size up** for wide feet.\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[tap](javascript:alert(1))\n"
    )
    preview = page.locator(".markdownx-preview")
    expect(preview.locator("h2")).to_have_text("Fit notes")
    expect(preview.locator("strong")).to_have_text("Half a size up")
    html = preview.inner_html()
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert_no_violation(page, refused)


@pytest.mark.parametrize(
    "name",
    [
        "admin:index",
        "admin:blog_post_changelist",
        "admin:colorways_colorway_add",
        "admin:colorways_colorway_import",
        "admin:sizing_shoe_add",
    ],
)
def test_admin_pages_run_their_scripts_under_the_csp(watched, live_server, name):
    page, refused = watched
    demo.load()
    log_in(page, live_server)
    page.goto(live_server.url + reverse(name))
    page.wait_for_load_state("networkidle")
    assert_no_violation(page, refused)


def test_the_colorway_form_adds_an_inline_row_under_the_csp(watched, live_server):
    page, refused = watched
    log_in(page, live_server)
    page.goto(live_server.url + reverse("admin:colorways_colorway_add"))
    rows = page.locator("#images-group tbody tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#images-group .add-row a").click()
    expect(rows).to_have_count(before + 1)
    assert_no_violation(page, refused)


def test_the_api_docs_render_under_the_csp(watched, live_server):
    page, refused = watched
    page.goto(live_server.url + "/api/docs/")
    expect(page.get_by_text("/api/colorways/", exact=False).first).to_be_visible()
    assert_no_violation(page, refused)
