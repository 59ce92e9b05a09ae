"""Storing consent: the cookies that remember a choice and the records that prove it."""

import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.crypto import salted_hmac

from consent.models import BannerVersion, ConsentRecord
from consent.state import (
    Catalogue,
    Consent,
    choices,
    parse_consent,
    serialize_consent,
    snapshot,
)

CONSENT_COOKIE = settings.COOKIE_CONSENT_NAME
MARKER_COOKIE = "consent_state"
VISITOR_COOKIE = "consent_visitor"
SIGNING_SALT = "consent.cookie"
RATE_WINDOW_SECONDS = 60 * 60

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Too many decisions from one visitor within the hour."""


@dataclass(frozen=True, slots=True)
class Visitor:
    token: str
    is_new: bool

    @property
    def pseudonym(self) -> str:
        """The id stored in records: a keyed hash, useless without the site's secret key."""
        return salted_hmac("consent.visitor", self.token, algorithm="sha256").hexdigest()[:32]


def stored_consent(request: HttpRequest) -> Consent | None:
    """The consent the visitor's authoritative cookie holds, or None if absent or forged."""
    try:
        value = request.get_signed_cookie(CONSENT_COOKIE, default=None, salt=SIGNING_SALT)
    except BadSignature:
        return None
    return parse_consent(value)


def visitor_for(request: HttpRequest) -> Visitor:
    token = request.COOKIES.get(VISITOR_COOKIE, "")
    if 20 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum():
        return Visitor(token=token, is_new=False)
    return Visitor(token=secrets.token_urlsafe(24), is_new=True)


def _cookie_options() -> dict:
    return {
        "max_age": settings.CONSENT_COOKIE_AGE,
        "secure": settings.SESSION_COOKIE_SECURE,
        "samesite": "Lax",
    }


def remember(response: HttpResponseBase, *, consent: Consent, visitor: Visitor) -> None:
    """Set the consent cookie (HttpOnly, signed), its readable marker and the visitor id."""
    value = serialize_consent(consent)
    options = _cookie_options()
    response.set_signed_cookie(CONSENT_COOKIE, value, salt=SIGNING_SALT, httponly=True, **options)
    response.set_cookie(MARKER_COOKIE, value, httponly=False, **options)
    response.set_cookie(VISITOR_COOKIE, visitor.token, httponly=True, **options)


def _check_visitor_rate(visitor: Visitor) -> None:
    since = timezone.now() - timezone.timedelta(seconds=RATE_WINDOW_SECONDS)
    recent = ConsentRecord.objects.for_visitor(visitor.pseudonym).filter(confirmed_at__gte=since)
    if recent.count() >= settings.CONSENT_RATE_LIMIT_PER_VISITOR:
        raise RateLimited


def _address_over_limit(address: str) -> bool:
    """Count one decision from `address`; True once the hour's count passes the limit."""
    # The address is only hashed into a short-lived cache key, never stored.
    key = (
        "consent:rate:"
        + salted_hmac("consent.address", address, algorithm="sha256").hexdigest()[:32]
    )
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    limit = settings.CONSENT_RATE_LIMIT_PER_ADDRESS
    if count == limit + 1:
        logger.warning(
            "Consent decisions from one client address passed %d in an hour: further "
            "decisions from it this hour are kept in the readers' cookies but not "
            "recorded. Many readers behind one address? Check CLIENT_IP_HEADER.",
            limit,
        )
    return count > limit


def record(
    *,
    consent: Consent,
    catalogue: Catalogue,
    visitor: Visitor,
    method: ConsentRecord.Method,
    address: str,
) -> ConsentRecord | None:
    """Record `consent` as proof, at most one row per visitor, version and decision.

    Raises RateLimited, storing nothing, when the visitor has made more decisions in
    the last hour than CONSENT_RATE_LIMIT_PER_VISITOR: the choice is then not saved.
    Past CONSENT_RATE_LIMIT_PER_ADDRESS decisions from one client address in the hour,
    returns None without writing a row: that limit only shields the database from a
    flood, and the many readers who may share an address (a carrier's NAT, a proxy)
    must still be able to choose.
    """
    _check_visitor_rate(visitor)
    if _address_over_limit(address):
        return None
    shown = banner_version_for(catalogue)
    now = timezone.now()
    entry, created = ConsentRecord.objects.get_or_create(
        visitor_id=visitor.pseudonym,
        banner_version=consent.version,
        choices=choices(consent, catalogue=catalogue),
        defaults={"confirmed_at": now, "method": method, "snapshot": shown},
    )
    if not created:
        entry.confirmed_at = now
        entry.method = method
        entry.snapshot = shown
        entry.save(update_fields=["confirmed_at", "method", "snapshot"])
    return entry


def banner_version_for(catalogue: Catalogue) -> BannerVersion:
    """The snapshot of what `catalogue` shows, made when its version is first recorded."""
    kept = snapshot(catalogue)
    entry, _ = BannerVersion.objects.get_or_create(
        version=catalogue.version,
        defaults={"title": kept["title"], "text": kept["text"], "groups": kept["groups"]},
    )
    return entry
