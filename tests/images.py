"""Image files for upload tests, good and hostile, made in memory."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt: str = "PNG", size=(64, 48), color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny PNG whose header declares a huge canvas."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b""))
        + _chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
    b'<rect width="10" height="10"/></svg>'
)
HTML_PAGE = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
PHP_SCRIPT = b"<?php system($_GET['c']); ?>"


GIF = image_bytes("GIF")


def truncated_png() -> bytes:
    data = image_bytes("PNG", size=(400, 300))
    return data[: len(data) // 2]


def jpeg_carrying_html() -> bytes:
    """A complete, valid JPEG with an HTML page in its EXIF description, in a comment and
    after its end marker."""
    exif = Image.Exif()
    exif[0x010E] = HTML_PAGE.decode()  # ImageDescription
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG", exif=exif.tobytes())
    data = out.getvalue()
    comment = b"\xff\xfe" + struct.pack(">H", len(HTML_PAGE) + 2) + HTML_PAGE
    return data[:2] + comment + data[2:] + HTML_PAGE


def polyglot_jpeg_html() -> bytes:
    """A JPEG header followed by an HTML page: not a complete image."""
    return image_bytes("JPEG")[:200] + HTML_PAGE


SIXTY_MB = 60 * 1024 * 1024


def sixty_megabytes() -> bytes:
    """A real PNG padded to 60 MB: far over every limit."""
    data = image_bytes("PNG")
    return data + b"\0" * (SIXTY_MB - len(data))


# Names a client may send to climb out of the upload folder or pick an executable type.
TRAVERSAL_NAMES = [
    "../../../etc/cron.d/evil.png",
    "..\\..\\windows\\evil.png",
    "/etc/passwd.png",
    "evil.png/../../../../tmp/x.png",
    "shell.php.png",
    "page.html",
    "logo.svg",
]

HOSTILE_UPLOADS = {
    "svg with script": ("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
    "svg with script named png": ("logo.png", SVG_WITH_SCRIPT, "image/png"),
    "html renamed to png": ("page.png", HTML_PAGE, "image/png"),
    "php renamed to jpg": ("shell.jpg", PHP_SCRIPT, "image/jpeg"),
    "gif": ("anim.gif", GIF, "image/gif"),
    "truncated png": ("broken.png", truncated_png(), "image/png"),
    "polyglot jpeg/html": ("poly.jpg", polyglot_jpeg_html(), "image/jpeg"),
    "png bomb": ("bomb.png", png_bomb(), "image/png"),
    "empty file": ("empty.png", b"", "image/png"),
    "php behind a traversal name": ("../../shell.php.jpg", PHP_SCRIPT, "image/jpeg"),
    "html behind a traversal name": ("..\\..\\index.html", HTML_PAGE, "text/html"),
}
