"""The staff roles: Writers, Editors and Site admins, with their rights.

A copy of config.roles as it stood when the roles were made (migrations import no app
code); the post-migrate hook in config.apps keeps the groups up to date with it since.
Permissions are normally created after every migration has run; the roles need them
now, so they are created here first (the same call, on this migration's models). Safe
to run on a database where the groups exist: it only adds what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

EVERY_ACTION = ("add", "change", "delete", "view")
WRITER_RIGHTS = {
    ("blog", "post"): ("add", "change", "view"),
    ("blog", "faq"): EVERY_ACTION,
    ("blog", "oldslug"): ("view",),
    ("blog", "author"): ("view",),
    ("blog", "category"): ("view",),
    ("blog", "tag"): ("add", "view"),
    ("colorways", "*"): ("view",),
    ("sizing", "*"): ("view",),
}
EDITOR_RIGHTS = {
    ("blog", "*"): EVERY_ACTION,
    ("blog", "post"): (*EVERY_ACTION, "publish"),
    ("colorways", "*"): EVERY_ACTION,
    ("sizing", "*"): EVERY_ACTION,
    ("consent", "policypage"): EVERY_ACTION,
}
SITE_ADMIN_RIGHTS = {
    **EDITOR_RIGHTS,
    **{
        (app, "*"): EVERY_ACTION
        for app in ("auth", "axes", "otp_totp", "otp_static", "two_factor", "consent")
    },
    ("cookie_consent", "*"): EVERY_ACTION,
}
ROLES = {"Writers": WRITER_RIGHTS, "Editors": EDITOR_RIGHTS, "Site admins": SITE_ADMIN_RIGHTS}


def permission_filter(rights):
    query = Q(pk__in=[])
    for (app_label, model), actions in rights.items():
        if model == "*":
            query |= Q(content_type__app_label=app_label, codename__regex=rf"^({'|'.join(actions)})_")
        else:
            query |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
    return query


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, rights in ROLES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*Permission.objects.using(using).filter(permission_filter(rights)))


class Migration(migrations.Migration):
    # Models added later (here or by a library's upgrade) reach the roles through the
    # post-migrate hook in config.apps.
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("blog", "0005_review_workflow"),
        ("colorways", "0001_initial"),
        ("sizing", "0001_initial"),
        ("consent", "0001_initial"),
        ("cookie_consent", "__first__"),
        ("axes", "__first__"),
        ("otp_totp", "__first__"),
        ("otp_static", "__first__"),
        ("two_factor", "__first__"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
