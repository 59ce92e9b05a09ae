"""`seed_bench` at small sizes: the records and their related rows, and a second run
that adds nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bench.seed import PREFIX
from blog.models import FAQ, ColorwayMention, Post
from colorways.models import Collaborator, Colorway, ColorwayImage, Listing, ResaleObservation
from sizing.models import Shoe, SizeChartRow

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bench_app(settings):
    """seed_bench belongs to the bench app, which settings install only with BENCHMARK on."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "bench"]


def seed(**sizes):
    out = StringIO()
    call_command("seed_bench", *[f"--{k}={v}" for k, v in sizes.items()], stdout=out)
    return out.getvalue()


def counts():
    bench_posts = Post.objects.filter(slug__startswith=PREFIX)
    bench_colorways = Colorway.objects.filter(slug__startswith=PREFIX)
    return {
        "posts": bench_posts.count(),
        "faqs": FAQ.objects.filter(post__in=bench_posts).count(),
        "colorways": bench_colorways.count(),
        "images": ColorwayImage.objects.filter(colorway__in=bench_colorways).count(),
        "listings": Listing.objects.filter(colorway__in=bench_colorways).count(),
        "observations": ResaleObservation.objects.filter(colorway__in=bench_colorways).count(),
        "collaborators": Collaborator.objects.filter(slug__startswith=PREFIX).count(),
    }


def test_seed_bench_creates_long_published_articles_and_full_colorways():
    seed(posts=6, colorways=4, collaborators=2)
    assert counts() == {
        "posts": 6,
        "faqs": 18,
        "colorways": 4,
        "images": 12,
        "listings": 20,
        "observations": 40,
        "collaborators": 2,
    }
    for post in Post.objects.filter(slug__startswith=PREFIX):
        assert post.is_public
        assert 1500 <= len(post.body_text.split()) <= 3000
        assert "<h2" in post.body_html and "<h3" in post.body_html
        assert post.toc and post.reading_minutes >= 6
        assert post.tags.count() == 3 and post.related.exists()
    # the indexed search finds them, and colorway pages find the posts that embed them
    assert Post.objects.search("cushioning").filter(slug__startswith=PREFIX).count() == 6
    mentioned = ColorwayMention.objects.filter(post__slug__startswith=PREFIX)
    assert mentioned.exists()
    assert Colorway.objects.filter(slug__in=mentioned.values("key")).exists()
    # the full sizing data comes with it
    assert Shoe.objects.filter(is_target=True).exists() and SizeChartRow.objects.count() > 30


def test_seed_bench_runs_again_without_duplicating_and_grows_on_request():
    seed(posts=3, colorways=3, collaborators=2)
    first = counts()
    assert "3 already there" in seed(posts=3, colorways=3, collaborators=2)
    assert counts() == first
    seed(posts=5, colorways=4, collaborators=2)
    assert counts()["posts"] == 5 and counts()["colorways"] == 4 and counts()["images"] == 12


def test_seed_bench_refuses_sizes_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        seed(posts=0)
