"""Pictures for links shared in chat apps and social networks (og:image): 1200×630 PNG
files drawn on the server with Pillow, stored once in the media storage and drawn again
only when what they show changes (the file name carries a digest of it)."""

import hashlib
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
# Drawn again when this changes: part of every digest.
LOOK = "3"
INK, PAPER, MUTED, ACCENT = "#111111", "#F6F5F2", "#5C5C5C", "#E4002B"
logger = logging.getLogger(__name__)


class DrawingFailed(Exception):
    """A picture a card is drawn from could not be read (missing, or not an image)."""


def open_picture(name: str) -> Image.Image:
    """The stored picture `name`, read whole; DrawingFailed if it cannot be."""
    try:
        with default_storage.open(name) as source:
            picture = Image.open(source)
            picture.load()
            return picture
    except (OSError, ValueError) as error:
        logger.warning("Picture %s could not be read for a social image: %s", name, error)
        raise DrawingFailed(name) from error


@dataclass(frozen=True, slots=True)
class SocialImage:
    url: str
    width: int = WIDTH
    height: int = HEIGHT


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = settings.SOCIAL_IMAGE_FONTS.get(weight)
    if path:
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            logger.warning("Social image font %s could not be read", path)
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `max_lines` (the last one cut
    short with an ellipsis)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def photo_card(*, photo: Image.Image) -> bytes:
    """A photo (an article's hero) cropped to the card's shape, as JPEG."""
    out = io.BytesIO()
    ImageOps.fit(photo.convert("RGB"), (WIDTH, HEIGHT)).save(out, format="JPEG", quality=85)
    return out.getvalue()


def _mark(draw: ImageDraw.ImageDraw, *, x: int, y: int, colour: str) -> None:
    """The site's name, as its wordmark sets it."""
    draw.rectangle((x, y + 6, x + 14, y + 34), fill=ACCENT)
    draw.text((x + 26, y), settings.SITE_NAME, font=_font("bold", 30), fill=colour)


def title_card(*, title: str, kicker: str, byline: str) -> bytes:
    """A card for an article without a picture: the site's mark, the kicker (its
    category), the title set large, and the byline."""
    image = Image.new("RGB", (WIDTH, HEIGHT), INK)
    draw = ImageDraw.Draw(image)
    _mark(draw, x=MARGIN, y=MARGIN, colour=PAPER)
    text_width = WIDTH - 2 * MARGIN
    y = 190
    if kicker:
        draw.text((MARGIN, y), kicker.upper(), font=_font("bold", 26), fill=ACCENT)
        y += 56
    font = _font("bold", 68)
    for line in _wrap(draw, title, font, text_width, max_lines=3):
        draw.text((MARGIN, y), line, font=font, fill=PAPER)
        y += 80
    draw.text((MARGIN, HEIGHT - MARGIN - 30), byline, font=_font("regular", 28), fill="#BDBDBD")
    return _png(image)


def picture_card(*, picture: Image.Image, title: str, subtitle: str, fill: bool) -> bytes:
    """A card with a picture: a photo fills the card's picture area, a drawing sits in
    it whole (`fill` False); the title and subtitle are set below, with the site's mark."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    area = (WIDTH, 430)
    if fill:
        shown = ImageOps.fit(picture.convert("RGB"), area)
        image.paste(shown, (0, 0))
    else:
        shown = ImageOps.contain(picture.convert("RGBA"), (area[0] - 2 * MARGIN, area[1] - 40))
        image.paste(
            shown, ((WIDTH - shown.width) // 2, 30 + (area[1] - 40 - shown.height) // 2), shown
        )
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, area[1], WIDTH, HEIGHT), fill="#FFFFFF")
    title_font = _font("bold", 46)
    lines = _wrap(draw, title, title_font, WIDTH - 2 * MARGIN - 300, max_lines=2)
    y = area[1] + 34 if len(lines) == 1 else area[1] + 20
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 56
    draw.text((MARGIN, y + 4), subtitle, font=_font("regular", 28), fill=MUTED)
    _mark(draw, x=WIDTH - MARGIN - 280, y=HEIGHT - MARGIN - 36, colour=INK)
    return _png(image)


def digest(*parts: object) -> str:
    """A short digest of what a card shows."""
    return hashlib.sha256(repr((LOOK, *parts)).encode()).hexdigest()[:16]


def stored(
    *, folder: str, stem: str, key: str, draw: Callable[[], bytes], extension: str = "png"
) -> SocialImage:
    """The card `social/<folder>/<stem>-<key>.<extension>`, drawn by `draw()` and stored
    when it is not stored yet; the cards of `stem` drawn before (other keys) are deleted.
    The address is relative to the site (the media URL's). `draw` raises DrawingFailed
    when what it draws from cannot be read."""
    name = f"social/{folder}/{stem}-{key}.{extension}"
    if not default_storage.exists(name):
        directory = f"social/{folder}"
        if default_storage.exists(directory):
            _, files = default_storage.listdir(directory)
            for old in files:
                if old.startswith(f"{stem}-") and old != name.rsplit("/", 1)[1]:
                    default_storage.delete(f"{directory}/{old}")
        name = default_storage.save(name, ContentFile(draw()))
    return SocialImage(url=default_storage.url(name))
