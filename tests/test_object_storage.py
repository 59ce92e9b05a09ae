"""Media in an S3-compatible object store, against a local S3 server (moto)."""

from http import HTTPStatus

import boto3
import pytest
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer

from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db

BUCKET = "kayano-media"


@pytest.fixture
def s3_endpoint(monkeypatch):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def test_uploads_go_to_the_bucket_when_one_is_configured(staff_client, settings, s3_endpoint):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "querystring_auth": False,
            },
        },
    }
    storages._storages.clear()
    response = staff_client.post("/markdownx/upload/", {"image": upload("a.png", image_bytes())})
    assert response.status_code == HTTPStatus.OK
    assert f"{s3_endpoint}/{BUCKET}/editor/" in response.json()["image_code"]
    keys = [
        o["Key"]
        for o in boto3.client("s3", endpoint_url=s3_endpoint).list_objects_v2(Bucket=BUCKET)[
            "Contents"
        ]
    ]
    assert len(keys) == 1 and keys[0].startswith("editor/") and keys[0].endswith(".png")
    assert not settings.MEDIA_ROOT.exists()
