"""Test clients that behave as a reader's browser does."""

from django.test import Client


def browser(**options) -> Client:
    """A new reader's browser on the site's own pages: it says so in Sec-Fetch-Site, which
    the cookie banner's forms rely on instead of a CSRF token."""
    return Client(headers={"sec-fetch-site": "same-origin"}, **options)
