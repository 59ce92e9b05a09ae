"""markdownx's preview and upload endpoints: staff only, sanitized, never a 500."""

from http import HTTPStatus

import pytest
from PIL import Image

from tests.images import HOSTILE_UPLOADS, image_bytes, upload
from tests.test_markdown import XSS_CORPUS, active_content

pytestmark = pytest.mark.django_db

PREVIEW = "/markdownx/markdownify/"
UPLOAD = "/markdownx/upload/"


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_anonymous_and_non_staff_are_refused(client, reader_client, url):
    from django.test import Client

    assert Client().post(url, {"content": "# hi"}).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.post(url, {"content": "# hi"}).status_code == HTTPStatus.FORBIDDEN


def test_preview_renders_markdown_for_staff(staff_client):
    response = staff_client.post(PREVIEW, {"content": "## Fit\n\n**True** to size"})
    assert response.status_code == HTTPStatus.OK
    assert '<h2 id="fit">Fit</h2>' in response.text
    assert "<strong>True</strong>" in response.text


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_preview_is_sanitized(staff_client, payload):
    response = staff_client.post(PREVIEW, {"content": payload})
    assert response.status_code == HTTPStatus.OK
    assert active_content(response.text) == []


@pytest.mark.parametrize(
    "method, data",
    [("post", {}), ("get", {"content": "x"}), ("post", {"content": "x" * 200_001})],
    ids=["missing content", "GET", "too long"],
)
def test_malformed_preview_requests_get_4xx(staff_client, method, data):
    response = getattr(staff_client, method)(PREVIEW, data)
    assert 400 <= response.status_code < 500


def test_upload_stores_a_reencoded_image_under_a_new_name(staff_client, settings):
    response = staff_client.post(UPLOAD, {"image": upload("../evil.php.png", image_bytes("JPEG"))})
    assert response.status_code == HTTPStatus.OK
    code = response.json()["image_code"]
    assert code.startswith("![Describe this image](/media/editor/") and code.endswith(".jpg)")
    stored = list((settings.MEDIA_ROOT / "editor").iterdir())
    assert len(stored) == 1 and "evil" not in stored[0].name
    with Image.open(stored[0]) as image:
        assert image.format == "JPEG"


@pytest.mark.parametrize("kind", HOSTILE_UPLOADS)
def test_hostile_uploads_are_refused_with_a_message(staff_client, settings, kind):
    name, content, content_type = HOSTILE_UPLOADS[kind]
    response = staff_client.post(UPLOAD, {"image": upload(name, content, content_type)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["image"]
    assert not settings.MEDIA_ROOT.exists() or not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_upload_without_a_file_is_a_400(staff_client):
    response = staff_client.post(UPLOAD, {})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"image": ["No image was sent."]}


def test_oversized_upload_is_refused(staff_client):
    big = image_bytes("PNG") + b"\0" * (10 * 1024 * 1024)
    response = staff_client.post(UPLOAD, {"image": upload("big.png", big)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "larger than 10 MB" in response.json()["image"][0]
