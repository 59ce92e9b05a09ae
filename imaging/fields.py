"""Image fields whose uploads go through `imaging.validation.clean_image`."""

from pathlib import PurePosixPath

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from imaging.validation import clean_image


class SafeImageFormField(forms.ImageField):
    """Accepts only real JPEG/PNG/WebP images and hands on a re-encoded copy."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        cleaned = clean_image(stream=data, size=getattr(data, "size", None))
        return SimpleUploadedFile(cleaned.filename, cleaned.content, cleaned.content_type)


class SafeImageField(models.ImageField):
    """An ImageField whose admin form refuses anything but real, sane images.

    The stored name is chosen by the server: `<upload_to>/<random>.<real extension>`.
    """

    def generate_filename(self, instance, filename):
        return super().generate_filename(instance, PurePosixPath(filename).name)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
