"""Editors never lose work: a save the database refuses keeps their input in the form.
And what a form sends the admin never ends in a server error."""

import logging

from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.db import DatabaseError, InterfaceError, OperationalError, connections, router
from django.http import HttpResponseBadRequest

logger = logging.getLogger(__name__)


def refusal_message(error: DatabaseError, *, unavailable: bool) -> str:
    """What went wrong, in a sentence an editor can act on."""
    if unavailable:
        return (
            "Nothing was saved: the database did not answer. Your input is still here; "
            "save again in a moment."
        )
    diag = getattr(error.__cause__, "diag", None)
    reason = (
        " ".join(
            part
            for part in (
                getattr(diag, "message_primary", None),
                getattr(diag, "message_detail", None),
            )
            if part
        )
        or str(error).splitlines()[0]
    )
    return (
        f"Nothing was saved: the database refused the change ({reason}). "
        "Your input is still here; correct it and save again."
    )


class KeepInputOnDatabaseErrorMixin:
    """For ModelAdmins: when saving hits a database error (a constraint the form could not
    check, a lost connection, a lock timeout), the whole save is rolled back and the form
    comes back with everything the editor typed and a message saying what went wrong:
    400 when the data was refused, 503 (with Retry-After) when the database did not answer.

    The admin saves inside one transaction (the object, its inlines and its history), so
    a refused save leaves nothing half-written. When no connection could be had at all,
    the form is not shown again (that would wait as long a second time): the editor gets
    the "back soon" page, and going back keeps what they typed.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except DatabaseError as error:
            if request.method != "POST":
                raise
            logger.exception("Admin save of %s refused by the database", self.opts.label)
            db = connections[router.db_for_write(self.model)]
            if db.connection is None:
                # No connection could be had at all: showing the form again would wait
                # the connect timeout a second time. The editor gets the "back soon"
                # page (503), and the browser's Back button still holds the input.
                raise
            unavailable = isinstance(error, OperationalError | InterfaceError)
            request.unsaved_because = refusal_message(error, unavailable=unavailable)
        # A connection the error left broken is replaced before the form is shown again.
        if not db.in_atomic_block:
            db.close_if_unusable_or_obsolete()
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if unavailable:
            response.status_code = 503
            response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
        else:
            response.status_code = 400
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        reason = getattr(request, "unsaved_because", None)
        if reason is None:
            return form_class

        def clean(form):
            super(refusing_form_class, form).clean()
            raise ValidationError(reason, code="database_refused")

        refusing_form_class = type(form_class.__name__, (form_class,), {"clean": clean})
        return refusing_form_class


class ValidSelectionMixin:
    """For ModelAdmins: a bulk action on rows whose keys are not keys at all (a tampered
    form) is refused with a 400 and a sentence, and a list filtered by a value its field
    cannot hold (?ip_address=x) shows the admin's "invalid filter" notice: neither is a
    server error."""

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except (ValueError, ValidationError) as error:
            # The list's queries run as it is built; a value a field cannot hold fails
            # there rather than where the admin checks its filters.
            raise IncorrectLookupParameters(error) from error

    def response_action(self, request, queryset, *args, **kwargs):
        pk = self.model._meta.pk
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            try:
                pk.to_python(value)
            except ValidationError:
                return HttpResponseBadRequest(
                    "Nothing was changed: the selection names rows that do not exist. "
                    "Go back, reload the list and select the rows again.",
                    content_type="text/plain; charset=utf-8",
                )
        return super().response_action(request, queryset, *args, **kwargs)
