from django.apps import AppConfig
from django.db.models.signals import post_migrate


def keep_roles_current(using, **kwargs):
    """Grant the roles the permissions of models added since their migration ran."""
    from django.contrib.auth.models import Group, Permission

    from config.roles import sync_roles

    sync_roles(group_model=Group, permission_model=Permission, using=using)


class SiteConfig(AppConfig):
    name = "config"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        post_migrate.connect(keep_roles_current, sender=self)
