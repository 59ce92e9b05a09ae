"""Image renditions: which ones a picture offers, and their addresses.

Each rendition is resized to fit its width without ever enlarging the upload, so a
rendition wider than the upload is the upload's width again. A picture offers each real
width once, labelled with it (an 800-px upload: 480w and 800w, never 960w or 1600w)."""

from collections.abc import Iterable
from dataclasses import dataclass

# The width of the file a browser that ignores `srcset` gets (at most).
DEFAULT_WIDTH = 960


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


def picture_of(instance, *, source_field: str, prefix: str, widths, source_width) -> Picture:
    """The Picture of the renditions `<prefix><width>` of `instance`'s `source_field`,
    whose upload is `source_width` pixels wide (None when unknown)."""
    offered = offered_widths(widths=widths, source_width=source_width)
    urls = rendition_urls(instance, source_field, prefix, offered.values())
    return Picture(files=tuple((real, urls[str(width)]) for real, width in offered.items()))


def rendition_urls(instance, source_field: str, prefix: str, widths) -> dict[str, str]:
    """{"480": url, ...} for the renditions `<prefix><width>` of `instance`'s picture."""
    return {str(width): getattr(instance, f"{prefix}{width}").url for width in widths}
