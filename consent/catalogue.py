"""The cookie groups and cookies as they are now, read once per content generation."""

from cookie_consent.models import Cookie, CookieGroup
from django.db.models import Prefetch

from caching.fragments import kept
from consent.state import Catalogue, CookieInfo, GroupInfo


def load_catalogue() -> Catalogue:
    """Read every cookie group with its cookies (and what the policy says of each) from
    the database, in two queries."""
    cookies = Prefetch("cookie_set", queryset=Cookie.objects.select_related("detail"))
    groups = CookieGroup.objects.prefetch_related(cookies).order_by("ordering", "id")
    return Catalogue(
        groups=tuple(
            GroupInfo(
                varname=group.varname,
                name=group.name,
                description=group.description,
                required=group.is_required,
                cookies=tuple(
                    CookieInfo(
                        name=cookie.name,
                        purpose=cookie.description,
                        provider=getattr(getattr(cookie, "detail", None), "provider", ""),
                        lifetime=getattr(getattr(cookie, "detail", None), "lifetime", ""),
                        domain=cookie.domain,
                        path=cookie.path or "/",
                    )
                    for cookie in sorted(group.cookie_set.all(), key=lambda c: c.name)
                ),
            )
            for group in groups
        )
    )


def current_catalogue() -> Catalogue:
    """The catalogue as the database holds it now, kept for the content generation
    (every edit of a cookie group or cookie starts a new one)."""
    return kept("consent-catalogue", None, load_catalogue)
