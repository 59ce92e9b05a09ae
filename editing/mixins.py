"""The ModelAdmin side of collaborative editing: stale saves refused, autosave, presence."""

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.views.decorators.http import require_POST

from editing import autosave, concurrency, presence
from editing.models import NEW_OBJECT

TOKEN_FIELD = "_editing_token"
AUTOSAVE_SECONDS = 10  # while typing: after a pause of 2 s, and at least this often


class CollaborativeEditingMixin:
    """For ModelAdmins of records several editors change: a save made from a stale copy
    is refused with the input kept (409), the form says who else has it open, and the
    form autosaves while the editor types. The model needs a `version_field` that
    every save changes (`updated_at` with auto_now)."""

    version_field = "updated_at"
    change_form_template = "admin/editing/change_form.html"

    class Media:
        css = {"all": ["css/admin-desk.css"]}
        js = ["js/editing.js"]

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "add/autosave/",
                wrap(require_POST(self.autosave_view)),
                name="{}_{}_autosave_new".format(*info),
            ),
            path(
                "<path:object_id>/autosave/",
                wrap(require_POST(self.autosave_view)),
                name="{}_{}_autosave".format(*info),
            ),
            path(
                "<path:object_id>/presence/",
                wrap(require_POST(self.presence_view)),
                name="{}_{}_presence".format(*info),
            ),
            *super().get_urls(),
        ]

    # The form

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        if obj is None or obj.pk is None or request.method != "POST":
            return form_class
        model_admin = self

        def clean(form):
            cleaned = super(checking_form_class, form).clean()
            refusal = model_admin._refuse_stale_save(request, obj)
            if refusal:
                raise ValidationError(refusal, code="stale")
            return cleaned

        checking_form_class = type(form_class.__name__, (form_class,), {"clean": clean})
        return checking_form_class

    def _refuse_stale_save(self, request, obj) -> str:
        """The refusal message when the form was opened at another version than the stored
        one; locks the row until the save's transaction ends, so that two saves of the
        same version cannot both pass."""
        token = concurrency.read_token(request.POST.get(TOKEN_FIELD, ""))
        if token is None:
            return ""
        stored = (
            self.model._default_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list(self.version_field, flat=True)
            .first()
        )
        current = concurrency.version_of(stored)
        if current == token.version:
            return ""
        now = timezone.now()
        request.editing_current_version = stored
        request.editing_refused_stale = True
        changes = concurrency.changes_since(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=str(obj.pk),
            since=token.opened_at,
            user=request.user,
        )
        return concurrency.stale_message(noun=self.opts.verbose_name, changes=changes, now=now)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if getattr(request, "editing_refused_stale", False) and response.status_code == 200:
            response.status_code = 409
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["editing"] = self._editing_context(request, obj if change else None)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _editing_context(self, request, obj) -> dict:
        now = timezone.now()
        content_type = ContentType.objects.get_for_model(self.model)
        info = self.opts.app_label, self.opts.model_name
        object_id = NEW_OBJECT if obj is None else str(obj.pk)
        context = {"noun": self.opts.verbose_name, "autosave_seconds": AUTOSAVE_SECONDS}
        if obj is None:
            context["autosave_url"] = reverse("admin:{}_{}_autosave_new".format(*info))
            context["token"] = ""
        else:
            version = getattr(request, "editing_current_version", None)
            if version is None:
                version = getattr(obj, self.version_field)
            context["token"] = concurrency.make_token(version=version, opened_at=now)
            context["autosave_url"] = reverse("admin:{}_{}_autosave".format(*info), args=[obj.pk])
            context["presence_url"] = reverse("admin:{}_{}_presence".format(*info), args=[obj.pk])
            context["heartbeat_seconds"] = presence.HEARTBEAT_SECONDS
            # Someone who may only read the record is not editing it.
            if request.method == "GET" and self.has_change_permission(request, obj):
                presence.arrive(
                    user=request.user, content_type=content_type, object_id=object_id, now=now
                )
            context["presence"] = presence.describe(
                presence.others_editing(
                    user=request.user, content_type=content_type, object_id=object_id, now=now
                ),
                now=now,
            )
        kept = autosave.find(user=request.user, content_type=content_type, object_id=object_id)
        if kept is not None and request.method == "GET":
            base = concurrency.read_token(kept.base_version)
            context["autosave"] = {
                "data": kept.data,
                "token": kept.base_version,
                "saved_at": presence.clock(kept.saved_at, now=now),
                "saved_since": obj is not None
                and base is not None
                and base.version != concurrency.version_of(getattr(obj, self.version_field)),
            }
        return context

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        content_type = ContentType.objects.get_for_model(self.model)
        autosave.discard(user=request.user, content_type=content_type, object_id=NEW_OBJECT)
        autosave.discard(user=request.user, content_type=content_type, object_id=str(obj.pk))

    # The endpoints the form's script calls

    def _object_for(self, request, object_id):
        """The object and whether the user may edit it; (None, False) when not found."""
        if object_id is None:
            return None, self.has_add_permission(request)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return None, False
        return obj, self.has_change_permission(request, obj)

    def autosave_view(self, request, object_id=None):
        obj, allowed = self._object_for(request, object_id)
        if object_id is not None and obj is None:
            return JsonResponse({"error": "No such record."}, status=404)
        if not allowed:
            return JsonResponse({"error": "You may not edit this."}, status=403)
        content_type = ContentType.objects.get_for_model(self.model)
        key = NEW_OBJECT if obj is None else str(obj.pk)
        if request.POST.get("action") == "discard":
            autosave.discard(user=request.user, content_type=content_type, object_id=key)
            return JsonResponse({"discarded": True})
        try:
            data = autosave.parse_form_data(request.POST.get("data"))
        except ValidationError as error:
            status = 413 if error.code == "too_large" else 400
            return JsonResponse({"error": error.messages[0]}, status=status)
        kept = autosave.keep(
            user=request.user,
            content_type=content_type,
            object_id=key,
            data=data,
            base_version=request.POST.get("token", ""),
        )
        saved_at = timezone.localtime(kept.saved_at)
        return JsonResponse({"saved_at": formats.time_format(saved_at, "H:i:s")})

    def presence_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return JsonResponse({"error": "No such record."}, status=404)
        if not self.has_view_or_change_permission(request, obj):
            return JsonResponse({"error": "You may not see this."}, status=403)
        content_type = ContentType.objects.get_for_model(self.model)
        key = str(obj.pk)
        if request.POST.get("action") == "leave":
            presence.leave(user=request.user, content_type=content_type, object_id=key)
            return JsonResponse({"text": ""})
        now = timezone.now()
        if self.has_change_permission(request, obj):
            presence.arrive(user=request.user, content_type=content_type, object_id=key, now=now)
        others = presence.others_editing(
            user=request.user, content_type=content_type, object_id=key, now=now
        )
        return JsonResponse({"text": presence.describe(others, now=now)})
