from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

# `object_id` of an autosave made on an "add" form, before the object exists.
NEW_OBJECT = ""


class Autosave(models.Model):
    """An editor's unsaved form, kept while they type: one per editor and object (or per
    editor and model for a form adding a new object). Readers never see it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(help_text="The form's fields as the browser would submit them.")
    base_version = models.CharField(
        max_length=100, blank=True, help_text="The version of the object the form was opened at."
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="editing_autosave_one_per_form"
            )
        ]

    def __str__(self):
        return f"Autosave of {self.content_type} {self.object_id or '(new)'} by {self.user}"


class EditPresence(models.Model):
    """Someone has a change form open: the form's page reports in while it stays open."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="editing_presence_one_per_form"
            )
        ]

    def __str__(self):
        return f"{self.user} editing {self.content_type} {self.object_id}"
