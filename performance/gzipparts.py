"""Gzip a page once, then fill in per-visitor values for each response without
compressing the whole page again.

The page is split at its placeholders; each part is compressed on its own into raw
deflate blocks that end on a byte boundary (a sync flush, not final). Independent
parts of that kind may be concatenated, so a response is the stored parts with its
own small values compressed in between, a final empty block, and the gzip header
and trailer (CRC-32 and length of the whole page). Like Django's GZipMiddleware,
the header carries a random-length file name against compression side channels.
"""

import re
import struct
import zlib

from django.utils.text import _get_random_filename

LEVEL = 6
MAX_RANDOM_BYTES = 100


def _deflate(data: bytes, *, final: bool = False) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH
    )


FINAL_BLOCK = _deflate(b"", final=True)


def split(content: bytes, marks: tuple[bytes, ...]) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """The compressed parts of `content` between `marks`, and the marks in order."""
    pattern = b"(" + b"|".join(re.escape(mark) for mark in marks) + b")"
    pieces = re.split(pattern, content)
    return tuple(_deflate(piece) for piece in pieces[::2]), tuple(pieces[1::2])


def join(
    parts: tuple[bytes, ...], order: tuple[bytes, ...], values: dict[bytes, bytes], *, plain: bytes
) -> bytes:
    """A gzip file of `plain`, the page with `values` in place of the marks in `order`."""
    body = [parts[0]]
    for mark, part in zip(order, parts[1:], strict=True):
        body += [_deflate(values[mark]), part]
    header = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff"
    filename = _get_random_filename(MAX_RANDOM_BYTES) + b"\x00"
    trailer = struct.pack("<II", zlib.crc32(plain), len(plain) & 0xFFFFFFFF)
    return b"".join([header, filename, *body, FINAL_BLOCK, trailer])
