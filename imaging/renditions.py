"""Addresses of a picture's renditions (imagekit), by width."""


def rendition_urls(instance, source_field: str, prefix: str, widths) -> dict[str, str]:
    """{"480": url, ...} for the renditions `<prefix><width>` of `instance`'s picture."""
    return {str(width): getattr(instance, f"{prefix}{width}").url for width in widths}
