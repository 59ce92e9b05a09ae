from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from blog.models import FAQ, Author, Post
from tests.images import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_then_wipe_then_restore_brings_everything_back(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    call_command("load_demo_content", stdout=StringIO())
    post = Post.objects.get(slug="gel-kayano-14-history")
    post.hero_image.save("hero.png", ContentFile(image_bytes("PNG")), save=False)
    post.hero_alt = "A pair on a bench"
    post.save()
    image_name = post.hero_image.name
    before = {
        "posts": sorted(Post.objects.values_list("slug", "body")),
        "faqs": FAQ.objects.count(),
        "authors": Author.objects.count(),
    }

    call_command("backup", stdout=StringIO())
    Post.objects.all().delete()
    Author.objects.all().delete()
    (settings.MEDIA_ROOT / image_name).unlink()

    call_command("restore", stdout=StringIO())
    after = {
        "posts": sorted(Post.objects.values_list("slug", "body")),
        "faqs": FAQ.objects.count(),
        "authors": Author.objects.count(),
    }
    assert after == before
    restored = Post.objects.get(slug="gel-kayano-14-history")
    assert restored.hero_image.name == image_name
    assert (settings.MEDIA_ROOT / image_name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_restore_without_a_backup_says_so(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "none"
    with pytest.raises(CommandError, match="No backup found"):
        call_command("restore", stdout=StringIO())
