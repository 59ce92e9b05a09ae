"""Addresses of image renditions, worked out once per source file in each process.

An imagekit rendition's file name is a hash of the source name and the whole spec
(pickled), which is slow to compute for every picture of every card on every request.
The address depends only on the source file's name and the spec, so it is kept.
"""

_urls: dict[tuple[str, str, str], str] = {}
MAX_ENTRIES = 20_000


def rendition_urls(instance, source_field: str, prefix: str, widths) -> dict[str, str]:
    """{"480": url, ...} for the renditions `<prefix><width>` of `instance`."""
    source = getattr(instance, source_field).name
    urls = {}
    for width in widths:
        attname = f"{prefix}{width}"
        key = (instance._meta.label, attname, source)
        url = _urls.get(key)
        if url is None:
            url = getattr(instance, attname).url
            if len(_urls) >= MAX_ENTRIES:
                _urls.clear()
            _urls[key] = url
        urls[str(width)] = url
    return urls
