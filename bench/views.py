from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def floor(request):
    """The smallest page: what the server and the middleware stack cost by themselves.
    Routed only when BENCHMARK is on, to measure every other page against. Never
    stored by the page cache, so that it costs the same with the cache on or off."""
    return HttpResponse(b"ok\n", content_type="text/plain")
