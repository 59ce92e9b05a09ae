"""Uploads served by the app itself, in development only (production: the reverse proxy
or the object store, configured as the README says).

Stored uploads are only ever re-encoded JPEG, PNG or WebP under server-chosen names.
Whatever else lands in the media folder is still never sent with a type a browser
would run: it goes out as a download, and every media response forbids scripts.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.views.static import serve

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
MEDIA_POLICY = "default-src 'none'; sandbox"


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = IMAGE_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type:
        response["Content-Type"] = content_type
    else:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response
