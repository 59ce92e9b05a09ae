"""The Markdown editor's endpoints: live preview and image upload, for staff only.

They replace markdownx's own views, which accept anyone and answer 500 to
several malformed requests.
"""

from functools import wraps

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from imaging.validation import clean_image
from markup.render import render_markdown_html

MAX_PREVIEW_CHARS = 200_000


def staff_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.is_staff):
            return JsonResponse({"error": "Staff only."}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


@require_POST
@staff_only
def preview(request):
    content = request.POST.get("content")
    if content is None:
        return HttpResponse("Missing 'content'.", status=400, content_type="text/plain")
    if len(content) > MAX_PREVIEW_CHARS:
        return HttpResponse(
            "The text is too long to preview.", status=413, content_type="text/plain"
        )
    return HttpResponse(render_markdown_html(content))


@require_POST
@staff_only
def upload(request):
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"image": ["No image was sent."]}, status=400)
    try:
        cleaned = clean_image(stream=upload, size=upload.size)
    except ValidationError as exc:
        return JsonResponse({"image": exc.messages}, status=400)
    name = default_storage.save(f"editor/{cleaned.filename}", ContentFile(cleaned.content))
    url = default_storage.url(name)
    return JsonResponse({"image_code": f"![Describe this image]({url})"})
