import shutil
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from blog.models import FAQ, Author, Post
from colorways.models import Colorway, ColorwayImage, PaletteColour
from consent.models import ConsentRecord
from sizing.models import Shoe
from tests.factories import ColorwayImageFactory, ConsentRecordFactory
from tests.images import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict:
    """Every post, colorway, image and consent record, as readers and auditors see them."""
    return {
        "posts": sorted(Post.objects.values_list("slug", "status", "body", "hero_image")),
        "faqs": sorted(FAQ.objects.values_list("post__slug", "question", "answer")),
        "authors": sorted(Author.objects.values_list("slug", "name")),
        "colorways": sorted(Colorway.objects.values_list("slug", "name", "style_code")),
        "palettes": sorted(PaletteColour.objects.values_list("colorway__slug", "name", "hex")),
        "colorway_images": sorted(ColorwayImage.objects.values_list("image", "alt")),
        "consent_records": sorted(
            (r.visitor_id, r.banner_version, r.method, sorted(r.choices.items()))
            for r in ConsentRecord.objects.all()
        ),
        "shoes": sorted(Shoe.objects.values_list("slug", "model")),
    }


def test_backup_then_wipe_then_restore_brings_everything_back(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    call_command("load_demo_content", stdout=StringIO())
    post = Post.objects.get(slug="gel-kayano-14-history")
    post.hero_image.save("hero.png", ContentFile(image_bytes("PNG")), save=False)
    post.hero_alt = "A pair on a bench"
    post.save()
    colorway_image = ColorwayImageFactory(colorway=Colorway.objects.order_by("pk").first())
    ConsentRecordFactory(method="accept_all", choices={"analytics": True, "marketing": True})
    ConsentRecordFactory()
    images = [post.hero_image.name, colorway_image.image.name]
    before = snapshot()
    media_before = {name: (settings.MEDIA_ROOT / name).read_bytes() for name in images}
    assert before["colorways"] and len(before["consent_records"]) == 2

    call_command("backup", stdout=StringIO())
    Post.objects.all().delete()
    Author.objects.all().delete()
    Colorway.objects.all().delete()
    ConsentRecord.objects.all().delete()
    Shoe.objects.all().delete()
    shutil.rmtree(settings.MEDIA_ROOT)

    call_command("restore", stdout=StringIO())
    assert snapshot() == before
    for name, content in media_before.items():
        assert (settings.MEDIA_ROOT / name).read_bytes() == content


def test_restore_without_a_backup_says_so(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "none"
    with pytest.raises(CommandError, match="No backup found"):
        call_command("restore", stdout=StringIO())
