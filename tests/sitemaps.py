"""The sitemap as a search engine reads it: the index, then every section it lists."""

from http import HTTPStatus
from urllib.parse import urlsplit

from lxml import etree

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client) -> dict[str, str | None]:
    """{address: lastmod} for every address in every section of the sitemap."""
    index = client.get("/sitemap.xml")
    assert index.status_code == HTTPStatus.OK
    urls = {}
    for section in etree.fromstring(index.content).iter(f"{NS}loc"):
        parts = urlsplit(section.text)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == HTTPStatus.OK, section.text
        for url in etree.fromstring(response.content).iter(f"{NS}url"):
            urls[url.findtext(f"{NS}loc")] = url.findtext(f"{NS}lastmod")
    return urls
