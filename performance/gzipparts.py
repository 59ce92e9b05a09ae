"""Gzip a page once, then fill in per-visitor values for each response without
compressing the whole page again; and gzip a response that is compressed only once.

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

# Parts are compressed once and sent many times: the default level. A response that is
# compressed for itself alone pays the compression on every request: level 4 takes
# about half the time of 6 on a page of HTML, for about 4% more bytes.
LEVEL = 6
RESPONSE_LEVEL = 4
MAX_RANDOM_BYTES = 100
HEADER = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff"


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
    return b"".join([_header(), *body, FINAL_BLOCK, _trailer(plain)])


def compress(content: bytes) -> bytes:
    """A gzip file of `content`, compressed at RESPONSE_LEVEL."""
    compressor = zlib.compressobj(RESPONSE_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = compressor.compress(content) + compressor.flush()
    return b"".join([_header(), body, _trailer(content)])


def _header() -> bytes:
    """The gzip header, with a file name of random length."""
    return HEADER + _get_random_filename(MAX_RANDOM_BYTES) + b"\x00"


def _trailer(plain: bytes) -> bytes:
    return struct.pack("<II", zlib.crc32(plain), len(plain) & 0xFFFFFFFF)
