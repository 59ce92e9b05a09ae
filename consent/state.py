"""Cookie consent as plain values: the banner version, the stored choice and what to delete.

Nothing here touches HTTP or the database. The catalogue (the cookie groups and
cookies shown to the reader) comes in as frozen dataclasses; the stored consent is a
short string `<version>.<accepted group>.<accepted group>` that is kept in two
cookies: the authoritative, signed, HttpOnly one the server reads, and a readable
marker with the same value that the page's script reads (see docs/privacy.md).
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

VERSION_LENGTH = 16
SEPARATOR = "."


@dataclass(frozen=True, slots=True)
class CookieInfo:
    name: str
    purpose: str
    provider: str
    lifetime: str
    domain: str = ""
    path: str = "/"


@dataclass(frozen=True, slots=True)
class GroupInfo:
    varname: str
    name: str
    description: str
    required: bool
    cookies: tuple[CookieInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class BannerWording:
    """The cookie banner's words; `text` has `{groups}` where the optional groups go."""

    title: str
    text: str
    policy_link: str


BANNER_WORDING = BannerWording(
    title="Cookies on Kayano 14 Hub",
    text="We use cookies the site needs to work. With your permission we would also use "
    "optional cookies for {groups}. Nothing optional runs until you choose, and you can "
    "change your mind at any time under “Cookie settings” at the foot of every page.",
    policy_link="Read the cookie policy",
)
# The words every banner version had before the words were hashed too. While the banner
# says them, the version covers the groups alone, so consents given then stay current.
# Never edit this one: change BANNER_WORDING, and every reader is asked again.
_UNHASHED_WORDING = BannerWording(
    title="Cookies on Kayano 14 Hub",
    text="We use cookies the site needs to work. With your permission we would also use "
    "optional cookies for {groups}. Nothing optional runs until you choose, and you can "
    "change your mind at any time under “Cookie settings” at the foot of every page.",
    policy_link="Read the cookie policy",
)


@dataclass(frozen=True, slots=True)
class Catalogue:
    groups: tuple[GroupInfo, ...]
    wording: BannerWording = BANNER_WORDING

    @property
    def version(self) -> str:
        return banner_version(groups=self.groups, wording=self.wording)

    @property
    def banner_text(self) -> str:
        """The banner's text for these groups, without the link to the cookie policy."""
        names = " and ".join(group.name.lower() for group in self.optional_groups)
        return self.wording.text.replace("{groups}", names)

    @property
    def optional_groups(self) -> tuple[GroupInfo, ...]:
        return tuple(group for group in self.groups if not group.required)

    @property
    def optional_varnames(self) -> frozenset[str]:
        return frozenset(group.varname for group in self.optional_groups)


@dataclass(frozen=True, slots=True)
class Consent:
    version: str
    accepted: frozenset[str]


def banner_version(*, groups: Iterable[GroupInfo], wording: BannerWording = BANNER_WORDING) -> str:
    """A short hash of everything the banner and the settings page show.

    Any change to a group or a cookie (added, removed, renamed, purpose, provider,
    lifetime) or to the banner's words gives a new version, so every reader is asked
    again. The order in which groups and cookies arrive does not matter.
    """
    canonical = sorted(
        (
            group.varname,
            group.name,
            group.description,
            group.required,
            sorted(
                (c.name, c.domain, c.path, c.purpose, c.provider, c.lifetime) for c in group.cookies
            ),
        )
        for group in groups
    )
    shown = canonical
    if wording != _UNHASHED_WORDING:
        shown = [canonical, [wording.title, wording.text, wording.policy_link]]
    digest = hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()
    return digest[:VERSION_LENGTH]


def snapshot(catalogue: Catalogue) -> dict:
    """What a reader is shown under `catalogue.version`, as it is kept for proof of consent."""
    return {
        "title": catalogue.wording.title,
        "text": f"{catalogue.banner_text} {catalogue.wording.policy_link}.",
        "groups": [
            {
                "varname": group.varname,
                "name": group.name,
                "description": group.description,
                "required": group.required,
                "cookies": [
                    {
                        "name": cookie.name,
                        "purpose": cookie.purpose,
                        "provider": cookie.provider,
                        "lifetime": cookie.lifetime,
                        "domain": cookie.domain,
                        "path": cookie.path,
                    }
                    for cookie in group.cookies
                ],
            }
            for group in catalogue.groups
        ],
    }


def serialize_consent(consent: Consent) -> str:
    """The cookie value for `consent`: the version, then the accepted groups in order."""
    return SEPARATOR.join([consent.version, *sorted(consent.accepted)])


def parse_consent(value: str | None) -> Consent | None:
    """The consent stored in a cookie value, or None when it is missing or malformed."""
    if not value:
        return None
    version, *accepted = value.split(SEPARATOR)
    if len(version) != VERSION_LENGTH or not all(
        part.replace("-", "").replace("_", "").isalnum() for part in [version, *accepted]
    ):
        return None
    return Consent(version=version, accepted=frozenset(accepted))


def current_consent(consent: Consent | None, *, catalogue: Catalogue) -> Consent | None:
    """`consent` if it was given for the catalogue as it is now, else None (ask again)."""
    if consent is None or consent.version != catalogue.version:
        return None
    return Consent(version=consent.version, accepted=consent.accepted & catalogue.optional_varnames)


def decide(*, catalogue: Catalogue, accepted: Iterable[str]) -> Consent:
    """A new consent for the current catalogue; unknown or required groups are ignored."""
    return Consent(
        version=catalogue.version, accepted=frozenset(accepted) & catalogue.optional_varnames
    )


def choices(consent: Consent, *, catalogue: Catalogue) -> dict[str, bool]:
    """The choice per optional group, as recorded in the proof of consent."""
    return {group.varname: group.varname in consent.accepted for group in catalogue.optional_groups}


def cookies_to_delete(
    consent: Consent | None, *, catalogue: Catalogue, present: Iterable[str]
) -> tuple[CookieInfo, ...]:
    """The optional cookies among `present` that `consent` does not allow.

    Without a current consent every optional cookie is to be deleted: consent is opt-in.
    """
    current = current_consent(consent, catalogue=catalogue)
    accepted = current.accepted if current else frozenset()
    present = set(present)
    return tuple(
        cookie
        for group in catalogue.optional_groups
        if group.varname not in accepted
        for cookie in group.cookies
        if cookie.name in present
    )
