"""The consent rules as plain values, without HTTP or the database."""

import dataclasses
import importlib

import pytest

from consent.state import (
    BANNER_WORDING,
    Catalogue,
    Consent,
    CookieInfo,
    GroupInfo,
    banner_version,
    choices,
    cookies_to_delete,
    current_consent,
    decide,
    parse_consent,
    serialize_consent,
)

ANALYTICS_COOKIE = CookieInfo(
    name="k14_analytics", purpose="Counts", provider="Us", lifetime="6 months"
)
NECESSARY = GroupInfo(
    varname="necessary",
    name="Strictly necessary",
    description="Needed.",
    required=True,
    cookies=(CookieInfo(name="csrftoken", purpose="Forms", provider="Us", lifetime="1 year"),),
)
ANALYTICS = GroupInfo(
    varname="analytics",
    name="Analytics",
    description="Counts pages.",
    required=False,
    cookies=(ANALYTICS_COOKIE,),
)
MARKETING = GroupInfo(
    varname="marketing", name="Marketing", description="None yet.", required=False
)
CATALOGUE = Catalogue(groups=(NECESSARY, ANALYTICS, MARKETING))


def test_version_is_a_short_stable_hash_whatever_the_order():
    reordered = Catalogue(groups=(MARKETING, ANALYTICS, NECESSARY))
    assert CATALOGUE.version == reordered.version
    assert len(CATALOGUE.version) == 16
    assert CATALOGUE.version == banner_version(groups=CATALOGUE.groups)


@pytest.mark.parametrize(
    "changed",
    [
        Catalogue(groups=(NECESSARY, ANALYTICS)),
        Catalogue(
            groups=(
                NECESSARY,
                dataclasses.replace(
                    ANALYTICS,
                    cookies=(ANALYTICS_COOKIE, dataclasses.replace(ANALYTICS_COOKIE, name="_new")),
                ),
                MARKETING,
            )
        ),
        Catalogue(
            groups=(
                NECESSARY,
                dataclasses.replace(
                    ANALYTICS, cookies=(dataclasses.replace(ANALYTICS_COOKIE, lifetime="2 years"),)
                ),
                MARKETING,
            )
        ),
        Catalogue(
            groups=(
                NECESSARY,
                dataclasses.replace(
                    ANALYTICS, cookies=(dataclasses.replace(ANALYTICS_COOKIE, provider="Other"),)
                ),
                MARKETING,
            )
        ),
        Catalogue(groups=(NECESSARY, ANALYTICS, dataclasses.replace(MARKETING, description="x"))),
    ],
    ids=["group removed", "cookie added", "lifetime", "provider", "description"],
)
def test_any_change_to_what_is_shown_gives_a_new_version(changed):
    assert changed.version != CATALOGUE.version


@pytest.mark.parametrize("field", ["title", "text", "policy_link"])
def test_a_change_to_the_banners_words_gives_a_new_version(field):
    reworded = dataclasses.replace(BANNER_WORDING, **{field: "Something else {groups}"})
    assert Catalogue(groups=CATALOGUE.groups, wording=reworded).version != CATALOGUE.version


def test_with_the_words_unchanged_consents_given_before_the_words_were_hashed_stay_current():
    """The version of the groups alone, as every version was made before snapshots."""
    migration = importlib.import_module("consent.migrations.0003_snapshot_existing_records")
    groups_only = [
        {
            "varname": g.varname,
            "name": g.name,
            "description": g.description,
            "required": g.required,
            "cookies": [dataclasses.asdict(c) for c in g.cookies],
        }
        for g in CATALOGUE.groups
    ]
    assert CATALOGUE.version == migration.version_of(groups_only)


def test_the_banner_names_the_optional_groups_in_order():
    assert "optional cookies for analytics and marketing." in CATALOGUE.banner_text
    assert "{groups}" not in CATALOGUE.banner_text


@pytest.mark.parametrize(
    "accepted", [frozenset(), frozenset({"analytics"}), frozenset({"analytics", "marketing"})]
)
def test_consent_survives_a_round_trip_through_the_cookie_value(accepted):
    consent = Consent(version=CATALOGUE.version, accepted=accepted)
    assert parse_consent(serialize_consent(consent)) == consent


@pytest.mark.parametrize(
    "value",
    ["", None, "short.analytics", "0123456789abcdef.<script>", "0123456789abcdef.a b", "=|="],
)
def test_malformed_cookie_values_are_no_consent(value):
    assert parse_consent(value) is None


def test_consent_for_an_older_version_is_not_current():
    old = Consent(version="0" * 16, accepted=frozenset({"analytics"}))
    assert current_consent(old, catalogue=CATALOGUE) is None
    assert current_consent(None, catalogue=CATALOGUE) is None


def test_decide_ignores_required_and_unknown_groups():
    consent = decide(catalogue=CATALOGUE, accepted={"analytics", "necessary", "spam"})
    assert consent == Consent(version=CATALOGUE.version, accepted=frozenset({"analytics"}))


def test_choices_name_every_optional_group_and_nothing_else():
    consent = decide(catalogue=CATALOGUE, accepted={"analytics"})
    assert choices(consent, catalogue=CATALOGUE) == {"analytics": True, "marketing": False}


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        (None, ("k14_analytics",)),
        (Consent(version=CATALOGUE.version, accepted=frozenset()), ("k14_analytics",)),
        (Consent(version=CATALOGUE.version, accepted=frozenset({"analytics"})), ()),
        (Consent(version="f" * 16, accepted=frozenset({"analytics"})), ("k14_analytics",)),
    ],
    ids=["no consent", "refused", "accepted", "outdated consent"],
)
def test_optional_cookies_without_current_consent_are_deleted(consent, expected):
    present = {"k14_analytics", "csrftoken", "unrelated"}
    deleted = cookies_to_delete(consent, catalogue=CATALOGUE, present=present)
    assert tuple(cookie.name for cookie in deleted) == expected
