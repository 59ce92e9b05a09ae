from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def floor(request):
    """The smallest page: what the server and the middleware stack cost by themselves.
    Routed only when BENCHMARK is on, to measure every other page against."""
    return HttpResponse(b"ok\n", content_type="text/plain")
