"""Fragments kept per content generation: built once, shared, and never stale."""

import pytest

from caching import fragments, generation
from caching.release import release

pytestmark = pytest.mark.django_db


class Builder:
    def __init__(self):
        self.asked: list[list] = []

    def __call__(self, keys):
        self.asked.append(list(keys))
        return {key: f"<p>{key}</p>" for key in keys if key != "missing"}


def test_only_keys_not_kept_yet_are_built_several_at_a_time():
    build = Builder()
    assert fragments.in_order("test", ["a", "b"], build) == ["<p>a</p>", "<p>b</p>"]
    assert fragments.in_order("test", ["b", "c", "missing", "a"], build) == [
        "<p>b</p>",
        "<p>c</p>",
        "<p>a</p>",
    ]
    assert build.asked == [["a", "b"], ["c", "missing"]]


def test_a_new_generation_builds_everything_again():
    build = Builder()
    fragments.kept_many("test", ["a"], build)
    generation.bump()
    fragments.kept_many("test", ["a"], build)
    assert build.asked == [["a"], ["a"]]


def test_names_keep_fragments_apart():
    assert fragments.kept("one", 1, lambda: "first") == "first"
    assert fragments.kept("two", 1, lambda: "second") == "second"
    assert fragments.kept("one", 1, lambda: "never built") == "first"


def test_a_new_release_builds_everything_again(settings):
    build = Builder()
    fragments.kept_many("test", ["a"], build)
    settings.RELEASE = "next-release"
    release.cache_clear()
    try:
        fragments.kept_many("test", ["a"], build)
    finally:
        release.cache_clear()
    assert build.asked == [["a"], ["a"]]


def test_without_a_cache_that_answers_every_fragment_is_built(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    build = Builder()
    for _ in range(2):
        assert fragments.kept_many("test", ["a"], build) == {"a": "<p>a</p>"}
    assert build.asked == [["a"], ["a"]]


def test_the_release_is_a_digest_of_the_code_unless_named(settings):
    release.cache_clear()
    try:
        digest = release()
        assert len(digest) == 12 and digest == release()
        settings.RELEASE = "v42"
        release.cache_clear()
        assert release() == "v42"
    finally:
        release.cache_clear()
