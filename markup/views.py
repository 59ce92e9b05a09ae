"""The Markdown editor's endpoints: live preview and image upload, for editors only.

They replace markdownx's own views, which accept anyone and answer 500 to
several malformed requests.
"""

from functools import cache, wraps

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST
from markdownx.models import MarkdownxField

from imaging.validation import clean_image
from markup.render import render_markdown_html

MAX_PREVIEW_CHARS = 200_000


@cache
def editor_permissions() -> frozenset[str]:
    """The add and change permissions of every model written with the Markdown editor.

    Whoever may write one of them may use the editor's preview and upload: a post,
    a colorway's story, a collaborator's bio or a policy page.
    """
    return frozenset(
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in apps.get_models()
        if any(isinstance(field, MarkdownxField) for field in model._meta.fields)
        for action in ("add", "change")
    )


def editors_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_staff and any(user.has_perm(perm) for perm in editor_permissions())):
            return JsonResponse(
                {"error": "Only staff who may write Markdown content can use the editor."},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapper


@require_POST
@editors_only
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
@editors_only
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
