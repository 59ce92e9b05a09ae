from django.apps import AppConfig
from django.db.models.signals import post_migrate

EDITORS_GROUP = "Editors"
# Apps whose records editors write and publish; they get every permission on them.
EDITORIAL_APPS = ("blog", "colorways", "sizing", "consent")


def ensure_editors_group(using, **kwargs):
    """Create or update the Editors group: full rights on editorial content, nothing else."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.using(using).filter(content_type__app_label__in=EDITORIAL_APPS)
    group.permissions.add(*permissions)


class SiteConfig(AppConfig):
    name = "config"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        post_migrate.connect(ensure_editors_group, sender=self)
