"""The staff roles (config.roles): Writers, Editors and Site admins, with their rights.

Permissions are normally created after every migration has run; the roles need them
now, so they are created here first (the same call, on this migration's models). Safe
to run on a database where the groups exist: it only adds what is missing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from config.roles import sync_roles


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
        app_config.models_module = None
    sync_roles(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
        using=using,
    )


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
