"""Demo content: the cookie groups and cookies the site really uses, and the two policies."""

from cookie_consent.models import Cookie, CookieGroup

from consent.models import CookieDetail, PolicyPage

FIRST_PARTY = "Kayano 14 Hub (first party)"
GROUPS = [
    {
        "varname": "necessary",
        "name": "Strictly necessary",
        "description": "Needed for the site to work and to remember your cookie choices. "
        "They are set without asking, as the law allows, and hold nothing about your reading.",
        "is_required": True,
        "is_deletable": False,
        "ordering": 0,
        "cookies": [
            (
                "sessionid",
                "Keeps editors signed in to the admin; for readers it only carries "
                "one-time messages.",
                FIRST_PARTY,
                "2 weeks",
            ),
            (
                "csrftoken",
                "Protects the site's forms against requests forged by other sites.",
                FIRST_PARTY,
                "1 year",
            ),
            (
                "messages",
                "Shows a one-time confirmation, such as “your choices are saved”, after "
                "a form is sent.",
                FIRST_PARTY,
                "Until the message is shown",
            ),
            (
                "cookie_consent",
                "Remembers your cookie choices so we do not ask again.",
                FIRST_PARTY,
                "6 months",
            ),
            (
                "consent_state",
                "A readable copy of your cookie choices, so the page can hide the "
                "banner and load only what you allowed.",
                FIRST_PARTY,
                "6 months",
            ),
            (
                "consent_visitor",
                "A random id that links your consent decisions in our proof of "
                "consent. It is not linked to your name, account or IP address.",
                FIRST_PARTY,
                "6 months",
            ),
        ],
    },
    {
        "varname": "analytics",
        "name": "Analytics",
        "description": "Count which pages are read, so we know what to write next. Used only "
        "if you allow it.",
        "is_required": False,
        "is_deletable": True,
        "ordering": 10,
        "cookies": [
            (
                "k14_analytics",
                "A random id that lets us count returning readers without knowing who they are.",
                FIRST_PARTY,
                "6 months",
            ),
        ],
    },
    {
        "varname": "marketing",
        "name": "Marketing",
        "description": "Would tell us which newsletter or partner link brought you here. No "
        "marketing cookie is in use at present; if one is added you will be asked again.",
        "is_required": False,
        "is_deletable": True,
        "ordering": 20,
        "cookies": [],
    },
]

COOKIE_POLICY = """\
Cookies are small files a website stores in your browser. This page lists every cookie
Kayano 14 Hub can set, why, who receives its data and how long it is kept.

## Your choice

Strictly necessary cookies are always on: without them the site's forms and your cookie
choices would not work. Every other cookie is **off until you say yes**, and no optional
script is loaded before that. You can change or withdraw your choice at any time under
“Cookie settings” at the foot of every page; cookies you refuse are deleted at once.

We ask again after six months, and whenever the list below changes.
"""

PRIVACY_POLICY = """\
Kayano 14 Hub is an independent guide to the Asics Gel-Kayano 14. We collect as little
as we can.

## What we keep

- **Your cookie choices**, as proof of consent: the date, the version of the cookie list
  you were shown, what you chose for each group, and a random visitor id. Not your IP
  address, name or account. These records are deleted after two years.
- **Page counts**, only if you allow analytics cookies: the page address and a random id.
- **Server logs** needed to keep the site running and secure, kept for a short time.

## Your rights

Under the GDPR you may ask to see, correct or delete data about you, and object to its
use. Because we do not know who our readers are, we can only find your consent records
with the visitor id in your `consent_visitor` cookie: include it in your request.

You may also complain to your data protection authority.
"""


def load() -> list[str]:
    report = []
    for spec in GROUPS:
        group, created = CookieGroup.objects.get_or_create(
            varname=spec["varname"],
            defaults={
                key: spec[key]
                for key in ("name", "description", "is_required", "is_deletable", "ordering")
            },
        )
        report.append(f"cookie group {group.varname}: {'created' if created else 'exists'}")
        for name, purpose, provider, lifetime in spec["cookies"]:
            cookie, created = Cookie.objects.get_or_create(
                cookiegroup=group, name=name, domain="", defaults={"description": purpose}
            )
            if created:
                CookieDetail.objects.create(cookie=cookie, provider=provider, lifetime=lifetime)
            report.append(f"cookie {name}: {'created' if created else 'exists'}")
    for kind, title, body in [
        (PolicyPage.Kind.COOKIES, "Cookie policy", COOKIE_POLICY),
        (PolicyPage.Kind.PRIVACY, "Privacy policy", PRIVACY_POLICY),
    ]:
        _, created = PolicyPage.objects.get_or_create(
            kind=kind, defaults={"title": title, "body": body}
        )
        report.append(f"{title.lower()}: {'created' if created else 'exists'}")
    return report
