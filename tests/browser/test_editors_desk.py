"""The editor's desk in a real browser: the post form's preview in the site's styles,
autosave and restore, the unsaved-changes prompt, stale saves refused, who else is
editing, what writers and editors may do, the review round trip and a large import."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from blog.models import Post
from colorways.models import Colorway
from config.roles import EDITORS, WRITERS
from tests.factories import AuthorFactory, CollaboratorFactory, PostFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery"


def log_in(page, live_server, user):
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Publish")).to_be_visible()


def change_url(live_server, post):
    return live_server.url + reverse("admin:blog_post_change", args=[post.pk])


@pytest.fixture
def editor():
    return StaffFactory(username="charly", first_name="Charly", roles=[EDITORS])


@pytest.fixture
def writer():
    user = StaffFactory(username="ana", first_name="Ana", roles=[WRITERS])
    AuthorFactory(name="Ana", slug="ana", user=user)
    return user


def test_the_preview_sits_beside_the_text_in_the_sites_own_styles(page, live_server, editor):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("admin:blog_post_add"))
    page.locator("#id_title").fill("How it fits")
    body = page.locator("#id_body")
    body.fill("## Fit notes\n\n- Half a size up\n- Roomy toe box\n\n" + "word " * 437)
    preview = page.frame_locator("[data-article-preview]")
    expect(preview.locator("h2")).to_have_text("Fit notes")
    expect(preview.locator("h1")).to_have_text("How it fits")
    expect(page.locator("[data-article-stats]")).to_have_text("446 words · 3 min read")

    text_box = body.bounding_box()
    frame_box = page.locator("[data-article-preview]").bounding_box()
    assert frame_box["x"] >= text_box["x"] + text_box["width"]
    assert abs(frame_box["y"] - text_box["y"]) < 5
    assert text_box["width"] > 400

    styles = preview.locator("h2").evaluate(
        "h => { const s = getComputedStyle(h); const li = getComputedStyle(h.parentElement"
        ".querySelector('li')); return [s.fontFamily, s.color, li.listStyleType,"
        " getComputedStyle(h.ownerDocument.body).color]; }"
    )
    assert styles[0].startswith("Archivo")  # the site's typeface
    assert styles[2] == "disc"  # the admin's styles would hide the bullets
    assert styles[3] == "rgb(17, 17, 17)"  # --ink from static/css/site.css

    # Narrow screens: the preview goes under the text.
    page.set_viewport_size({"width": 900, "height": 900})
    assert (
        page.locator("[data-article-preview]").bounding_box()["y"] > body.bounding_box()["y"] + 100
    )


def test_the_preview_scrolls_in_step_with_the_text(page, live_server, editor):
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("admin:blog_post_add"))
    page.locator("#id_body").fill("\n\n".join(f"## Part {n}\n\nSome text." for n in range(80)))
    preview = page.frame_locator("[data-article-preview]")
    expect(preview.locator("h2").last).to_have_text("Part 79")
    page.locator("#id_body").evaluate("t => { t.scrollTop = t.scrollHeight; }")
    expect(preview.locator("h2").last).to_be_in_viewport()


def test_unsaved_text_is_autosaved_and_restored_after_a_reload(page, live_server, editor):
    post = PostFactory(body="The stored body.", author=AuthorFactory(user=editor))
    log_in(page, live_server, editor)
    page.goto(change_url(live_server, post))
    with page.expect_response(re.compile(r"/autosave/$")) as kept:
        page.locator("#id_body").fill("A paragraph typed before the laptop died.")
    assert kept.value.ok
    expect(page.locator("[data-editing-status]")).to_contain_text("Unsaved changes kept at")

    page.reload()
    offer = page.locator("[data-editing-restore]")
    expect(offer).to_contain_text("You have unsaved changes to this post")
    expect(page.locator("#id_body")).to_have_value("The stored body.")
    page.get_by_role("button", name="Restore my changes").click()
    expect(page.locator("#id_body")).to_have_value("A paragraph typed before the laptop died.")
    expect(
        page.frame_locator("[data-article-preview]").locator("[data-preview-body] p")
    ).to_have_text("A paragraph typed before the laptop died.")
    assert Post.objects.get(pk=post.pk).body == "The stored body."


def test_leaving_a_form_with_unsaved_changes_asks_first(page, live_server, editor):
    post = PostFactory()
    log_in(page, live_server, editor)
    page.goto(change_url(live_server, post))
    page.locator("#id_title").fill("A new headline")
    asked = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("link", name="Posts").first.click()
    expect(page.locator("#id_title")).to_have_value("A new headline")
    assert asked == ["beforeunload"]


def test_a_stale_save_is_refused_with_the_input_kept_and_the_other_editor_named(
    new_page, live_server, editor
):
    post = PostFactory(body="As it was.")
    other = StaffFactory(username="sam", first_name="Sam", roles=[EDITORS])
    mine, theirs = new_page(), new_page()
    log_in(mine, live_server, editor)
    log_in(theirs, live_server, other)
    mine.goto(change_url(live_server, post))
    theirs.goto(change_url(live_server, post))

    theirs.locator("#id_body").fill("Sam's version.")
    theirs.get_by_role("button", name="Save", exact=True).first.click()
    expect(theirs.locator(".messagelist")).to_contain_text("was changed successfully")

    mine.locator("#id_body").fill("My version, an hour of work.")
    with mine.expect_navigation() as refused:
        mine.get_by_role("button", name="Save", exact=True).first.click()
    assert refused.value.status == 409
    expect(mine.locator(".errornote, .errorlist").first).to_be_visible()
    expect(mine.get_by_text(re.compile(r"it was changed by Sam at \d\d:\d\d"))).to_be_visible()
    expect(mine.locator("#id_body")).to_have_value("My version, an hour of work.")
    assert Post.objects.get(pk=post.pk).body == "Sam's version."


def test_the_form_says_who_else_is_editing_it(new_page, live_server, editor):
    post = PostFactory()
    other = StaffFactory(username="sam", first_name="Sam", roles=[EDITORS])
    first, second = new_page(), new_page()
    log_in(first, live_server, editor)
    log_in(second, live_server, other)
    first.goto(change_url(live_server, post))
    expect(first.locator("[data-editing-presence]")).to_be_hidden()
    second.goto(change_url(live_server, post))
    expect(second.locator("[data-editing-presence]")).to_have_text(
        re.compile(r"^Charly has been editing this since \d\d:\d\d\.$")
    )
    first.reload()
    expect(first.locator("[data-editing-presence]")).to_contain_text(
        "Sam has been editing this since"
    )


def test_a_writer_cannot_publish_and_an_editor_can(new_page, live_server, writer, editor):
    ana = new_page()
    log_in(ana, live_server, writer)
    ana.goto(live_server.url + reverse("admin:blog_post_add"))
    expect(ana.get_by_role("button", name="Publish")).to_have_count(0)
    expect(ana.locator("select#id_status")).to_have_count(0)
    ana.locator("#id_title").fill("Sizing notes")
    ana.locator("#id_summary").fill("A short standfirst.")
    ana.locator("#id_body").fill("## Fit\n\nTrue to size.")
    # A forged publish button is refused by the server.
    ana.locator("#post_form").evaluate(
        "f => { const b = document.createElement('input'); b.type = 'submit';"
        " b.name = '_publish'; b.id = 'forged'; f.append(b); }"
    )
    ana.locator("#forged").click()
    expect(
        ana.get_by_text("Only editors can publish, schedule or send back a post.")
    ).to_be_visible()
    assert not Post.objects.exists()
    ana.get_by_role("button", name="Save", exact=True).first.click()
    post = Post.objects.get()
    assert post.status == Post.Status.DRAFT

    charly = new_page()
    log_in(charly, live_server, editor)
    charly.goto(change_url(live_server, post))
    charly.get_by_role("button", name="Publish").first.click()
    expect(charly.locator(".messagelist")).to_contain_text("Published by Charly.")
    post.refresh_from_db()
    assert post.is_public


def test_the_review_round_trip(new_page, live_server, writer, editor):
    post = PostFactory(title="Colour story", status=Post.Status.DRAFT, author=writer.author)
    ana, charly = new_page(), new_page()
    log_in(ana, live_server, writer)
    log_in(charly, live_server, editor)

    ana.goto(change_url(live_server, post))
    ana.get_by_role("button", name="Submit for review").first.click()
    expect(ana.locator(".messagelist")).to_contain_text("Submitted for review by Ana.")

    charly.goto(live_server.url + reverse("admin:index"))
    charly.get_by_role("link", name="Colour story").first.click()
    charly.get_by_label("Comment for the writer").fill("Say which sizes run small.")
    charly.get_by_role("button", name="Send back with comment").first.click()
    expect(charly.locator(".messagelist")).to_contain_text("Sent back to the writer by Charly")

    ana.goto(change_url(live_server, post))
    expect(ana.locator(".review-feedback")).to_contain_text("Say which sizes run small.")
    ana.get_by_role("button", name="Submit for review").first.click()

    charly.goto(change_url(live_server, post))
    charly.get_by_role("button", name="Publish").first.click()
    charly.goto(live_server.url + reverse("admin:blog_post_history", args=[post.pk]))
    history = charly.locator("#change-history")
    for step in (
        "Submitted for review by Ana.",
        "Sent back to the writer by Charly: Say which sizes run small.",
        "Published by Charly.",
    ):
        expect(history).to_contain_text(step)


def test_a_10000_row_import_shows_progress_and_saves_every_row(page, live_server, editor, tmp_path):
    CollaboratorFactory(slug="kith", name="Kith")
    rows = ["slug,name,style_code,collaborator,release_date,release_precision,story"]
    rows += [
        f"import-{n},White/Silver {n},1201A{n % 1000:03d}-{n // 1000:03d},"
        f"{'kith' if n % 3 else ''},2023-06-01,month,The story of **{n}**."
        for n in range(10_000)
    ]
    path = tmp_path / "colorways.csv"
    path.write_text("\n".join(rows))
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("admin:colorways_colorway_import"))
    page.locator("#id_import_file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("[data-import-progress-text]")).to_contain_text(
        re.compile(r"Checked [\d,]+ of 10,000 rows"), timeout=60_000
    )
    ready = page.locator("[data-import-ready]")
    expect(ready).to_contain_text("10,000 new, 0 changed, 0 unchanged", timeout=120_000)
    assert not Colorway.objects.exists()
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Imported the file: 10000 colorway(s) added, 0 changed.", timeout=60_000
    )
    assert Colorway.objects.count() == 10_000
    assert (
        Colorway.objects.get(slug="import-4").story_html
        == "<p>The story of <strong>4</strong>.</p>"
    )


def test_an_image_dropped_into_the_text_is_uploaded_and_shown_in_the_preview(
    page, live_server, editor
):
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("admin:blog_post_add"))
    page.locator("#id_body").evaluate(
        """async (textarea) => {
          const canvas = document.createElement("canvas");
          canvas.width = 40; canvas.height = 30;
          const blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
          const drop = new DataTransfer();
          drop.items.add(new File([blob], "pair.png", { type: "image/png" }));
          textarea.dispatchEvent(new DragEvent("drop", { dataTransfer: drop, bubbles: true }));
        }"""
    )
    expect(page.locator("#id_body")).to_have_value(
        re.compile(r"!\[Describe this image\]\(/media/editor/[^)]+\.png\)")
    )
    expect(
        page.frame_locator("[data-article-preview]").locator("[data-preview-body] img")
    ).to_have_attribute("alt", "Describe this image")
