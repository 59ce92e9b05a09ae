"""The cookie groups and cookies as they are now, read once and cached until an edit."""

from cookie_consent.models import Cookie, CookieGroup
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from consent.state import Catalogue, CookieInfo, GroupInfo
from performance.pagecache import GenerationMemo

CACHE_KEY = "consent:catalogue"
CACHE_SECONDS = 60 * 60


def load_catalogue() -> Catalogue:
    """Read every cookie group with its cookies from the database."""
    groups = CookieGroup.objects.prefetch_related("cookie_set__detail").order_by("ordering", "id")
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


def _cached_catalogue() -> Catalogue:
    catalogue = cache.get(CACHE_KEY)
    if catalogue is None:
        catalogue = load_catalogue()
        cache.set(CACHE_KEY, catalogue, CACHE_SECONDS)
    return catalogue


# Every page asks for it (banner, head script, cookie deletions): with a shared cache it
# is kept in each process until the next editorial save.
_by_generation = GenerationMemo(_cached_catalogue)


def current_catalogue() -> Catalogue:
    """The catalogue as the database holds it now, read again only after an edit."""
    return _by_generation.get()


def _forget() -> None:
    cache.delete(CACHE_KEY)


def forget_catalogue(**kwargs) -> None:
    _forget()
    # Once more after commit: a process that read the old rows while the transaction was
    # open must not leave them in the cache.
    transaction.on_commit(_forget)


def connect_signals() -> None:
    from consent.models import CookieDetail

    for model in (CookieGroup, Cookie, CookieDetail):
        post_save.connect(forget_catalogue, sender=model, dispatch_uid=f"consent-{model.__name__}")
        post_delete.connect(
            forget_catalogue, sender=model, dispatch_uid=f"consent-d-{model.__name__}"
        )
