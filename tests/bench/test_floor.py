"""The benchmark's URL conf (settings.ROOT_URLCONF with BENCHMARK on): the framework-floor
page beside every page of the site."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_the_benchmark_url_conf_serves_the_floor_page_and_the_site(settings, client):
    assert client.get("/bench/floor/").status_code == HTTPStatus.NOT_FOUND
    settings.ROOT_URLCONF = "bench.urls"
    floor = client.get("/bench/floor/")
    assert floor.status_code == HTTPStatus.OK and floor.content == b"ok\n"
    assert client.get("/blog/").status_code == HTTPStatus.OK
