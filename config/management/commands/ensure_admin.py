import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the first admin account with a random password, printed once, "
        "if no superuser exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"An admin account already exists. Log in at {url} "
                f"(forgot the password? run: .venv/bin/python manage.py changepassword {username})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the admin account. Log in at {url}\n"
                f"  username: {username}\n  password: {password}\n"
                "This password is shown only once: keep it somewhere safe."
            )
        )
