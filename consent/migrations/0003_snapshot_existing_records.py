"""Snapshots for consent records made before snapshots were kept, where that is possible.

A record's version is a hash of the cookie groups and cookies it was given for. Records
whose version is the hash of the groups and cookies in the database now were given for
exactly those, under the banner's words of the time (unchanged since the banner was
introduced), so their snapshot can be made now. Records of older versions keep none:
what they were shown is no longer known, and the admin says so.

The hash and the words are copied here as they were, so that later changes to the app
cannot change what this migration does.
"""

import hashlib
import json

from django.db import migrations
from django.db.models import Min

TITLE = "Cookies on Kayano 14 Hub"
TEXT = (
    "We use cookies the site needs to work. With your permission we would also use "
    "optional cookies for {groups}. Nothing optional runs until you choose, and you can "
    "change your mind at any time under “Cookie settings” at the foot of every page. "
    "Read the cookie policy."
)
NOTE = (
    "Made when snapshots were introduced, after these records: from the cookie groups and "
    "cookies then in the database, which the version's hash shows are the ones these "
    "records were given for, and the banner's words, unchanged since the banner was "
    "introduced."
)


def current_groups(apps) -> list[dict]:
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    CookieDetail = apps.get_model("consent", "CookieDetail")
    details = {d.cookie_id: d for d in CookieDetail.objects.all()}
    groups = []
    for group in CookieGroup.objects.order_by("ordering", "id"):
        cookies = []
        for cookie in sorted(group.cookie_set.all(), key=lambda c: c.name):
            detail = details.get(cookie.pk)
            cookies.append(
                {
                    "name": cookie.name,
                    "purpose": cookie.description,
                    "provider": detail.provider if detail else "",
                    "lifetime": detail.lifetime if detail else "",
                    "domain": cookie.domain,
                    "path": cookie.path or "/",
                }
            )
        groups.append(
            {
                "varname": group.varname,
                "name": group.name,
                "description": group.description,
                "required": group.is_required,
                "cookies": cookies,
            }
        )
    return groups


def version_of(groups: list[dict]) -> str:
    canonical = sorted(
        (
            group["varname"],
            group["name"],
            group["description"],
            group["required"],
            sorted(
                (c["name"], c["domain"], c["path"], c["purpose"], c["provider"], c["lifetime"])
                for c in group["cookies"]
            ),
        )
        for group in groups
    )
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode()).hexdigest()[:16]


def snapshot_existing_records(apps, schema_editor):
    ConsentRecord = apps.get_model("consent", "ConsentRecord")
    BannerVersion = apps.get_model("consent", "BannerVersion")
    groups = current_groups(apps)
    version = version_of(groups)
    records = ConsentRecord.objects.filter(banner_version=version, snapshot__isnull=True)
    if not records.exists():
        return
    optional = " and ".join(g["name"].lower() for g in groups if not g["required"])
    snapshot, _ = BannerVersion.objects.get_or_create(
        version=version,
        defaults={
            "title": TITLE,
            "text": TEXT.replace("{groups}", optional),
            "groups": groups,
            "note": NOTE,
        },
    )
    first = records.aggregate(first=Min("created_at"))["first"]
    BannerVersion.objects.filter(pk=snapshot.pk).update(first_recorded_at=first)
    records.update(snapshot=snapshot)


class Migration(migrations.Migration):
    dependencies = [("consent", "0002_banner_versions")]

    operations = [migrations.RunPython(snapshot_existing_records, migrations.RunPython.noop)]
