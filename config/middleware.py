"""Request plumbing that wraps every response: security headers, a body-size cap and one
JSON log line."""

import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.middleware.security import SecurityMiddleware

request_log = logging.getLogger("kayano.requests")
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class SecurityHeadersMiddleware:
    """The outermost middleware: every response gets the security headers, including
    those answered before the rest of the stack ran (413 for a body too large, 400 for
    a host not allowed). Each header is left alone when the response already has it.

    Django's own middleware set them, through their public response hooks; this adds
    Cross-Origin-Resource-Policy, which Django has no setting for.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header_middleware = [
            SecurityMiddleware(get_response),
            XFrameOptionsMiddleware(get_response),
            ContentSecurityPolicyMiddleware(get_response),
        ]

    def __call__(self, request):
        response = self.get_response(request)
        for middleware in self.header_middleware:
            response = middleware.process_response(request, response)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is too large, before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Invalid Content-Length.", status=400, content_type="text/plain")
        if length > settings.MAX_REQUEST_BYTES:
            limit_mb = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return HttpResponse(
                f"The request is too large (limit {limit_mb} MB).",
                status=413,
                content_type="text/plain",
            )
        return self.get_response(request)


class RequestLogMiddleware:
    """Give each request an id and log it as one JSON line, without personal data.

    The id comes from the proxy's X-Request-ID when it looks sane, else a new one;
    it is sent back in the response. The path is logged without its query string
    (search terms are the readers' own business) and no address or account is logged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        request_log.info(
            json.dumps(
                {
                    "event": "request",
                    "request_id": request.id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                }
            )
        )
        return response
