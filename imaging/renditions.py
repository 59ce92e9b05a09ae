"""Image renditions: how they are made and named, which ones a picture offers, and
their addresses.

imagekit makes each rendition when its upload is saved (the Optimistic strategy) and
stores it under `rendition_name`; pages compute the same name to link to it, without
asking imagekit. Each rendition is resized to fit its width without ever enlarging the
upload, so a rendition wider than the upload is the upload's width again. A picture
offers each real width once, labelled with it (an 800-px upload: 480w and 800w, never
960w or 1600w)."""

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.storage import default_storage
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from imagekit.specs import ImageSpec

# The width of the file a browser that ignores `srcset` gets (at most).
DEFAULT_WIDTH = 960
QUALITY = 80
FOLDER = "CACHE/images"


def rendition_name(source_name: str, width: int) -> str:
    """Where the rendition `width` of the upload `source_name` is stored, in the default
    storage: CACHE/images/colorways/ab12/480w-q80.webp for colorways/ab12.jpg. Every
    setting that shapes the file is in its name, so changing one makes new files."""
    stem = posixpath.splitext(source_name)[0]
    return f"{FOLDER}/{stem}/{width}w-q{QUALITY}.webp"


class Rendition(ImageSpec):
    """An upload resized to fit `width` pixels, never enlarged, as WebP."""

    width: int
    format = "WEBP"
    options = {"quality": QUALITY}

    @property
    def processors(self):
        return [ResizeToFit(self.width, upscale=False)]

    @property
    def cachefile_name(self) -> str | None:
        return rendition_name(self.source.name, self.width) if self.source else None


def rendition(source: str, width: int) -> ImageSpecField:
    """A model's rendition of its image field `source`, `width` pixels wide at most."""
    spec = type(f"Rendition{width}", (Rendition,), {"width": width})
    return ImageSpecField(source=source, spec=spec)


@dataclass(frozen=True, slots=True)
class Picture:
    """The files a picture offers as (real width, address), narrowest first."""

    files: tuple[tuple[int, str], ...]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{url} {width}w" for width, url in self.files)

    @property
    def src(self) -> str:
        """The widest file up to DEFAULT_WIDTH (else the narrowest)."""
        fitting = [url for width, url in self.files if width <= DEFAULT_WIDTH]
        return fitting[-1] if fitting else self.files[0][1]

    @property
    def largest(self) -> str:
        """The widest file: for sharing and search engines."""
        return self.files[-1][1]


def offered_widths(*, widths: Iterable[int], source_width: int | None) -> dict[int, int]:
    """{real width: rendition width} of the renditions worth offering for an upload
    `source_width` pixels wide, narrowest first: each real width once, from the
    narrowest rendition that has it. An unknown source width offers every rendition."""
    offered: dict[int, int] = {}
    for width in sorted(widths):
        real = min(width, source_width) if source_width else width
        offered.setdefault(real, width)
    return offered


def picture_of(source_name: str, *, widths, source_width) -> Picture:
    """The Picture of the renditions `widths` of the upload `source_name`, which is
    `source_width` pixels wide (None when unknown)."""
    offered = offered_widths(widths=widths, source_width=source_width)
    return Picture(
        files=tuple(
            (real, default_storage.url(rendition_name(source_name, width)))
            for real, width in offered.items()
        )
    )
