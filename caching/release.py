"""The release the server runs, named in every cache key of pages and fragments."""

import functools
import hashlib
import os

from django.conf import settings

SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".css", ".js", ".svg", ".woff2")
SKIPPED_DIRECTORIES = {"tests", "docs", "var", "staticfiles", "node_modules", "scripts"}


@functools.cache
def release() -> str:
    """settings.RELEASE when set (a version or commit), else a digest of the code,
    templates and static files, the same on every server that runs the same release."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    for directory, subdirectories, files in os.walk(settings.BASE_DIR):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith((".", "__")) and name not in SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.join(directory, name)
                digest.update(os.path.relpath(path, settings.BASE_DIR).encode())
                with open(path, "rb") as source:
                    digest.update(source.read())
    return digest.hexdigest()[:12]
