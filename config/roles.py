"""The staff roles: each is a group with a fixed set of permissions, documented in
docs/editors.md. Writers write and submit posts; Editors review, publish and keep the
catalogue and the sizing guide; Site admins also manage people, consent and security.

`sync_roles` creates the groups and grants their permissions. It only ever adds: rights
a site admin gave a group by hand, and the members of each group, are kept. The migration
that first made the roles (config/migrations/0001_roles.py) keeps its own copy of these.
"""

from django.db.models import Q

WRITERS = "Writers"
EDITORS = "Editors"
SITE_ADMINS = "Site admins"

EVERY_ACTION = ("add", "change", "delete", "view")
ANY_MODEL = "*"

# (app label, model or ANY_MODEL) -> the actions granted on it.
WRITER_RIGHTS = {
    ("blog", "post"): ("add", "change", "view"),
    ("blog", "faq"): EVERY_ACTION,
    ("blog", "oldslug"): ("view",),
    ("blog", "author"): ("view",),
    ("blog", "category"): ("view",),
    ("blog", "tag"): ("add", "view"),
    ("colorways", ANY_MODEL): ("view",),
    ("sizing", ANY_MODEL): ("view",),
}
EDITOR_RIGHTS = {
    ("blog", ANY_MODEL): EVERY_ACTION,
    ("blog", "post"): (*EVERY_ACTION, "publish"),
    ("colorways", ANY_MODEL): EVERY_ACTION,
    ("sizing", ANY_MODEL): EVERY_ACTION,
    ("consent", "policypage"): EVERY_ACTION,
}
SITE_ADMIN_RIGHTS = {
    **EDITOR_RIGHTS,
    ("auth", ANY_MODEL): EVERY_ACTION,
    ("axes", ANY_MODEL): EVERY_ACTION,
    ("otp_totp", ANY_MODEL): EVERY_ACTION,
    ("otp_static", ANY_MODEL): EVERY_ACTION,
    ("two_factor", ANY_MODEL): EVERY_ACTION,
    ("consent", ANY_MODEL): EVERY_ACTION,
    ("cookie_consent", ANY_MODEL): EVERY_ACTION,
}
ROLES = {WRITERS: WRITER_RIGHTS, EDITORS: EDITOR_RIGHTS, SITE_ADMINS: SITE_ADMIN_RIGHTS}


def permission_filter(rights: dict[tuple[str, str], tuple[str, ...]]) -> Q:
    """The permissions `rights` grant, as a filter on Permission."""
    query = Q(pk__in=[])
    for (app_label, model), actions in rights.items():
        if model == ANY_MODEL:
            codenames = Q(codename__regex=rf"^({'|'.join(actions)})_")
            query |= Q(content_type__app_label=app_label) & codenames
        else:
            query |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
    return query


def sync_roles(*, group_model, permission_model, using: str = "default") -> None:
    """Create every role's group and grant it its permissions (never removing any)."""
    for name, rights in ROLES.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        permissions = permission_model.objects.using(using).filter(permission_filter(rights))
        group.permissions.add(*permissions)
