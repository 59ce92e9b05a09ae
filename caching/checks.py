from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Warning, register


@register(deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Pages and fragments are kept for a content generation that every app server
    process must agree on: a per-process cache only works for a single process."""
    if isinstance(caches["default"], LocMemCache) and settings.PAGE_CACHE_SECONDS > 0:
        return [
            Warning(
                "The cache is each process's own memory: an editor's change would reach "
                "only the process that saved it, and the others would keep serving pages "
                "and fragments from before.",
                hint="Set REDIS_URL (shared by every app server), or serve with one process only.",
                id="caching.W001",
            )
        ]
    return []
