"""Dependencies are pinned: requirements.lock names an exact version of everything the
site and its tests need, and the environment running the tests was installed from it."""

from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"
PROJECT = "kayano14hub"


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==" and "*" not in specifier.version, line
        assert not requirement.url and not requirement.marker, line
        pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def required(name: str, extras: frozenset[str] = frozenset(), seen=None) -> set[str]:
    """`name` and every distribution it needs here (its extras included), by name."""
    seen = set() if seen is None else seen
    key = canonicalize_name(name)
    if key in seen:
        return seen
    seen.add(key)
    for line in metadata.requires(name) or []:
        requirement = Requirement(line)
        environments = [{"extra": extra} for extra in extras] or [{"extra": ""}]
        if requirement.marker is None or any(
            requirement.marker.evaluate(env) for env in environments
        ):
            required(requirement.name, frozenset(requirement.extras), seen)
    return seen


def test_every_line_of_the_lock_is_an_exact_pin():
    pins = locked()
    assert len(pins) > 50
    assert PROJECT not in pins


def test_everything_the_site_and_its_tests_need_is_installed_at_its_locked_version():
    pins = locked()
    needed = required(PROJECT, frozenset({"dev"})) - {PROJECT}
    missing = sorted(needed - set(pins))
    assert missing == [], f"not in requirements.lock (run `make lock`): {missing}"
    drift = {
        name: (metadata.version(name), pins[name])
        for name in needed
        if metadata.version(name) != pins[name]
    }
    assert drift == {}, f"installed vs locked (run `make install`): {drift}"
