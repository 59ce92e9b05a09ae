"""Uploaded images are judged by decoding their bytes, then re-encoded.

The client's file name and Content-Type are never trusted. Only JPEG, PNG and
WebP that decode completely within the size limits are accepted; the stored
file is a fresh encoding of the pixels (no comments, EXIF or trailing bytes) under a
server-chosen name with the real extension.
"""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
ALLOWED_LABEL = "JPEG, PNG or WebP"


@dataclass(frozen=True, slots=True)
class CleanImage:
    content: bytes
    extension: str
    content_type: str
    width: int
    height: int

    @property
    def filename(self) -> str:
        return f"{uuid.uuid4().hex}.{self.extension}"


def clean_image(*, stream, size: int | None) -> CleanImage:
    """Decode an uploaded image and return a re-encoded copy, or raise ValidationError.

    `stream` is a binary file object; `size` its length in bytes when known.
    Refuses: files over 10 MB, anything that is not a complete JPEG, PNG or
    WebP, and images over 40 megapixels (checked from the header, before the
    pixels are decoded, so a decompression bomb costs nothing).
    """
    if size is not None and size > MAX_BYTES:
        raise ValidationError("The image is larger than 10 MB.", code="too_large")
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError("The image is larger than 10 MB.", code="too_large")
    if not data:
        raise ValidationError("The file is empty.", code="empty")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format
            width, height = probe.size
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            "The image has too many pixels; the limit is 40 megapixels.", code="too_many_pixels"
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ValidationError(
            f"This file is not an image we accept ({ALLOWED_LABEL}).", code="not_image"
        ) from exc
    if fmt not in FORMATS:
        raise ValidationError(
            f"{fmt} images are not accepted; upload a {ALLOWED_LABEL} file.", code="format"
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            f"The image is {width}×{height} pixels; the limit is 40 megapixels.",
            code="too_many_pixels",
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if fmt == "JPEG":
                # No comment segment: Pillow would copy the upload's, whatever it holds.
                image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, comment=b"")
            elif fmt == "PNG":
                image.save(out, "PNG", optimize=True)
            else:
                image.save(out, "WEBP", quality=88)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            "The image is damaged or incomplete and could not be read.", code="corrupt"
        ) from exc
    extension, content_type = FORMATS[fmt]
    return CleanImage(out.getvalue(), extension, content_type, width, height)
