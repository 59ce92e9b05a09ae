"""Responses compressed for themselves alone (pages not served from the page cache,
the API, errors): the same bytes once decompressed, with the headers caches need."""

import gzip
import os
import zlib
from http import HTTPStatus

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from performance import gzipparts
from performance.middleware import GZipMiddleware
from tests.factories import ColorwayFactory, PostFactory

GZIP = {"accept-encoding": "gzip, deflate, br"}


@given(st.binary(max_size=20000))
def test_compress_is_one_gzip_member_of_the_content(content):
    body = gzipparts.compress(content)
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert decompressor.decompress(body) == content and decompressor.eof


def test_each_response_gets_a_random_length_file_name_against_compression_side_channels():
    assert len({len(gzipparts.compress(b"<p>page</p>" * 50)) for _ in range(20)}) > 1


@pytest.mark.django_db
def test_a_page_is_sent_gzipped_to_readers_that_accept_it_and_plain_to_others(client):
    post = PostFactory(title="Silver and black")
    plain = client.get(post.get_absolute_url())
    packed = client.get(post.get_absolute_url(), headers=GZIP)
    assert plain.status_code == packed.status_code == HTTPStatus.OK
    assert not plain.has_header("Content-Encoding")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    html = gzip.decompress(packed.content).decode()
    assert "Silver and black" in html and html.count("<html") == 1


@pytest.mark.django_db
def test_api_answers_and_error_pages_are_compressed_too(client):
    ColorwayFactory.create_batch(3)
    for url, status in (("/api/colorways/", HTTPStatus.OK), ("/no-such-page/", 404)):
        response = client.get(url, headers=GZIP)
        assert response.status_code == status, url
        assert response["Content-Encoding"] == "gzip", url
        assert gzip.decompress(response.content), url


def _through_middleware(response, accept="gzip"):
    request = RequestFactory().get("/", headers={"accept-encoding": accept})
    return GZipMiddleware(lambda request: response)(request)


def test_a_strong_etag_becomes_weak_when_the_bytes_change():
    response = HttpResponse(b"<p>page</p>" * 50, headers={"ETag": '"v1"'})
    compressed = _through_middleware(response)
    assert compressed["ETag"] == 'W/"v1"'
    assert gzip.decompress(compressed.content) == b"<p>page</p>" * 50


def test_short_encoded_and_unwanted_responses_are_left_as_they_are():
    short = _through_middleware(HttpResponse(b"ok"))
    assert short.content == b"ok" and not short.has_header("Content-Encoding")
    encoded = HttpResponse(b"x" * 500, headers={"Content-Encoding": "br"})
    assert _through_middleware(encoded).content == b"x" * 500
    unwanted = _through_middleware(HttpResponse(b"<p>page</p>" * 50), accept="br")
    assert unwanted.content == b"<p>page</p>" * 50
    assert unwanted["Vary"] == "Accept-Encoding"
    # random bytes do not shrink: sent as they are
    incompressible = _through_middleware(HttpResponse(os.urandom(1000)))
    assert not incompressible.has_header("Content-Encoding")


def test_streaming_responses_are_compressed_as_they_stream():
    response = _through_middleware(StreamingHttpResponse(iter([b"<p>part</p>" * 100] * 3)))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == b"<p>part</p>" * 300
