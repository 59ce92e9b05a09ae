"""A page gzipped once in parts, joined around per-response values, is the same page."""

import gzip
import zlib

from hypothesis import given
from hypothesis import strategies as st

from performance import gzipparts

A, B = b"\x00mark-a\x00", b"\x00mark-b\x00"
text = st.binary(max_size=3000).map(lambda b: b.replace(b"\x00", b"."))


@given(
    pieces=st.lists(st.tuples(text, st.sampled_from([A, B])), max_size=6),
    tail=text,
    a=st.binary(min_size=1, max_size=80),
    b=st.binary(min_size=1, max_size=80),
)
def test_joined_parts_decompress_to_the_page_with_the_values(pieces, tail, a, b):
    page = b"".join(piece + mark for piece, mark in pieces) + tail
    values = {A: a, B: b}
    plain = page.replace(A, a).replace(B, b)
    parts, order = gzipparts.split(page, (A, B))
    body = gzipparts.join(parts, order, values, plain=plain)
    assert gzip.decompress(body) == plain
    # one complete gzip member, as browsers expect
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert decompressor.decompress(body) == plain and decompressor.eof


def test_each_response_gets_a_random_length_file_name_against_compression_side_channels():
    parts, order = gzipparts.split(b"<p>" + A + b"</p>" * 100, (A,))
    lengths = {
        len(gzipparts.join(parts, order, {A: b"x"}, plain=b"<p>x" + b"</p>" * 100))
        for _ in range(20)
    }
    assert len(lengths) > 1
