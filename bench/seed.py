"""Benchmark data at catalogue scale, written in bulk.

Every generated record has a slug starting with PREFIX, so a second run adds only
what is missing and never touches editors' records. Markdown is rendered once
per distinct body (there are a handful of body templates), and colorway images
are three small shared files, so 10,000 posts and 2,000 colorways load in well
under two minutes.
"""

import datetime
import io
import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image

from blog.models import FAQ, Author, Category, ColorwayMention, Post, PostBody, Tag, derive_body
from colorways import releases
from colorways.embeds import shortcode_keys
from colorways.models import (
    Collaborator,
    Colorway,
    ColorwayImage,
    Listing,
    PaletteColour,
    ReleasePrecision,
    ResaleObservation,
    Retailer,
    RetailPrice,
    Source,
)
from markup.render import render_markdown

PREFIX = "bench-"
BATCH = 1000
BODY_TEMPLATES = 6
AUTHORS = 12
CATEGORIES = 8
TAGS = 120
TAGS_PER_POST = 3
FAQS_PER_POST = 3
RELATED_PER_POST = 3
RETAILERS = 20
IMAGES_PER_COLORWAY = 3
LISTINGS_PER_COLORWAY = 5
OBSERVATIONS_PER_COLORWAY = 10

WORDS = (
    "kayano gel cushioning midsole heel counter trussic mesh overlay silver cream navy "
    "runner archive retro 2008 tooling stability upper toe box lacing tongue outsole "
    "collaboration boutique release restock resale colourway suede leather reflective "
    "comfort sizing fit width narrow wide half size stride pronation everyday style"
).split()
COLOURS = [
    ("Pure Silver", "#C0C0C0", PaletteColour.Family.SILVER),
    ("White", "#FFFFFF", PaletteColour.Family.WHITE),
    ("Midnight", "#1F2A44", PaletteColour.Family.BLUE),
    ("Cream", "#F3E9D2", PaletteColour.Family.CREAM),
    ("Black", "#111111", PaletteColour.Family.BLACK),
    ("Cranberry", "#8C1C2B", PaletteColour.Family.RED),
    ("Forest", "#2F5233", PaletteColour.Family.GREEN),
]


@dataclass(frozen=True)
class Body:
    """A body template: its Markdown and what a post stores derived from it."""

    markdown: str
    derived: PostBody


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def body_markdown(index: int, *, words: int, colorway_slug: str | None) -> str:
    """A long article: `words` words under ## and ### headings, a list and maybe a card."""
    rng = random.Random(index)
    parts, count, section = [], 0, 0
    while count < words:
        section += 1
        parts.append(f"## Part {section}: {' '.join(rng.choices(WORDS, k=3))}")
        for sub in range(2):
            parts.append(f"### Detail {section}.{sub + 1}")
            paragraph = _paragraph(rng, 6)
            parts.append(paragraph)
            count += len(paragraph.split())
        parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(3)))
        count += 36
        if section == 2 and colorway_slug:
            parts.append(f"[[colorway:{colorway_slug}]]")
    return "\n\n".join(parts)


def render_body(markdown: str) -> Body:
    return Body(markdown=markdown, derived=derive_body(markdown))


def _existing(model, field: str = "slug") -> set[str]:
    return set(
        model.objects.filter(**{f"{field}__startswith": PREFIX}).values_list(field, flat=True)
    )


def _ensure_named(model, count: int, make) -> list:
    """`count` records of `model` named PREFIX-<kind>-<n>, creating the missing ones."""
    have = _existing(model)
    records = (make(n) for n in range(count))
    model.objects.bulk_create([r for r in records if r.slug not in have], batch_size=BATCH)
    return list(model.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def shared_images() -> list[tuple[str, int, int]]:
    """Three small JPEGs in media storage, shared by every generated colorway image."""
    files = []
    for n, colour in enumerate([(192, 192, 192), (31, 42, 68), (243, 233, 210)]):
        name = f"colorways/{PREFIX}shoe-{n}.jpg"
        if not default_storage.exists(name):
            out = io.BytesIO()
            Image.new("RGB", (1600, 1000), colour).save(out, "JPEG", quality=70)
            name = default_storage.save(name, ContentFile(out.getvalue()))
        files.append((name, 1600, 1000))
    return files


def seed_collaborators(count: int) -> list[Collaborator]:
    bio_html = render_markdown("A studio that reworks **running classics**.").html
    return _ensure_named(
        Collaborator,
        count,
        lambda n: Collaborator(
            name=f"Bench Studio {n}",
            slug=f"{PREFIX}studio-{n}",
            kind=Collaborator.Kind.STUDIO,
            city="Montreal",
            country="Canada",
            bio="A studio that reworks **running classics**.",
            bio_html=bio_html,
        ),
    )


def _colorway(n: int, collaborators: list[Collaborator], story_html: str) -> Colorway:
    rng = random.Random(n)
    precision = [ReleasePrecision.DAY, ReleasePrecision.MONTH, ReleasePrecision.UNANNOUNCED][
        n % 3 if n % 10 else 2
    ]
    release_date = None
    if precision != ReleasePrecision.UNANNOUNCED:
        release_date = releases.normalize_release_date(
            date=datetime.date(2008 + n % 19, 1 + n % 12, 1 + n % 28), precision=precision
        )
    window = releases.release_window(date=release_date, precision=precision)
    prefix = ("1201A", "1202A", "1203A")[n % 3]
    return Colorway(
        name=f"{rng.choice(COLOURS)[0]}/{rng.choice(COLOURS)[0]} {n}",
        nickname=f"Bench {n}" if n % 4 == 0 else "",
        slug=f"{PREFIX}colorway-{n}",
        style_code=f"{prefix}{n % 1000:03d}-{n // 1000:03d}",
        collaborator=collaborators[n % len(collaborators)] if collaborators and n % 5 else None,
        pack="Bench pack" if n % 7 == 0 else "",
        materials="Mesh, synthetic overlays",
        story="The story of this pair, **in brief**.",
        story_html=story_html,
        release_date=release_date,
        release_precision=precision,
        release_until=window.end if window else None,
    )


def seed_colorways(count: int, collaborators: list[Collaborator]) -> list[Colorway]:
    have = _existing(Colorway)
    story_html = render_markdown("The story of this pair, **in brief**.").html
    new = [
        _colorway(n, collaborators, story_html)
        for n in range(count)
        if f"{PREFIX}colorway-{n}" not in have
    ]
    created = Colorway.objects.bulk_create(new, batch_size=BATCH)
    if created:
        _seed_colorway_children(created)
    return list(Colorway.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _seed_colorway_children(colorways: list[Colorway]) -> None:
    bench_shops = Retailer.objects.filter(name__startswith="Bench shop")
    have = set(bench_shops.values_list("name", flat=True))
    Retailer.objects.bulk_create(
        [
            Retailer(name=f"Bench shop {n}", website=f"https://shop{n}.example/")
            for n in range(RETAILERS)
            if f"Bench shop {n}" not in have
        ]
    )
    retailers = list(bench_shops.order_by("pk"))
    images = shared_images()
    today = timezone.localdate()
    rows: dict[type, list] = {
        PaletteColour: [],
        ColorwayImage: [],
        RetailPrice: [],
        Listing: [],
        ResaleObservation: [],
        Source: [],
    }
    for colorway in colorways:
        n = colorway.pk
        for order in range(3):
            name, hex_, family = COLOURS[(n + order) % len(COLOURS)]
            rows[PaletteColour].append(
                PaletteColour(colorway=colorway, order=order, name=name, hex=hex_, family=family)
            )
        for order, (name, width, height) in enumerate(images[:IMAGES_PER_COLORWAY]):
            rows[ColorwayImage].append(
                ColorwayImage(
                    colorway=colorway,
                    order=order,
                    image=name,
                    width=width,
                    height=height,
                    alt=f"{colorway.name}, view {order + 1}",
                )
            )
        base = Decimal(150 + n % 60)
        rows[RetailPrice] += [
            RetailPrice(colorway=colorway, region="United States", amount=base, currency="USD"),
            RetailPrice(colorway=colorway, region="Japan", amount=base * 150, currency="JPY"),
        ]
        for k in range(LISTINGS_PER_COLORWAY):
            rows[Listing].append(
                Listing(
                    colorway=colorway,
                    retailer=retailers[(n + k) % len(retailers)],
                    url=f"https://shop{k}.example/kayano-14/{colorway.slug}",
                    price=base + k * 10,
                    currency="USD",
                    availability=Listing.Availability.IN_STOCK,
                    last_checked=today,
                )
            )
        for k in range(OBSERVATIONS_PER_COLORWAY):
            rows[ResaleObservation].append(
                ResaleObservation(
                    colorway=colorway,
                    observed_on=today
                    - datetime.timedelta(days=30 * (OBSERVATIONS_PER_COLORWAY - k)),
                    size="US 9",
                    price=base * 2 + k * 5,
                    currency="USD",
                    source_name="A resale market",
                )
            )
        rows[Source] += [
            Source(
                colorway=colorway,
                fact=Source.Fact.STYLE_CODE,
                claim=colorway.style_code,
                publication="Asics",
                checked_on=today,
            ),
            Source(
                colorway=colorway,
                fact=Source.Fact.PRICE,
                claim=f"{base} USD",
                publication="A retailer",
                checked_on=today,
            ),
        ]
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=BATCH)


def ensure_renditions() -> None:
    """The renditions of the shared image files, made once, so pages show real pictures."""
    for name, _, _ in shared_images():
        image = ColorwayImage.objects.filter(image=name).first()
        if image is not None:
            for rendition in (image.image_480, image.image_960, image.image_1600):
                rendition.generate()


def seed_posts(count: int, colorways: list[Colorway]) -> int:
    """Create the missing generated posts; returns how many were created."""
    authors = _ensure_named(
        Author,
        AUTHORS,
        lambda n: Author(name=f"Bench Writer {n}", slug=f"{PREFIX}writer-{n}", bio="Writes."),
    )
    categories = _ensure_named(
        Category, CATEGORIES, lambda n: Category(name=f"Bench {n}", slug=f"{PREFIX}topic-{n}")
    )
    tags = _ensure_named(Tag, TAGS, lambda n: Tag(name=f"bench tag {n}", slug=f"{PREFIX}tag-{n}"))
    have = _existing(Post)
    missing = [n for n in range(count) if f"{PREFIX}post-{n}" not in have]
    if not missing:
        return 0
    mention = colorways[0].slug if colorways else None
    bodies = [
        render_body(
            body_markdown(
                t,
                words=1500 + t * 1100 // max(BODY_TEMPLATES - 1, 1),
                colorway_slug=mention if t % 2 == 0 else None,
            )
        )
        for t in range(BODY_TEMPLATES)
    ]
    answers = [render_markdown(f"Answer {k}: **yes**, mostly.").html for k in range(FAQS_PER_POST)]
    now = timezone.now()
    posts = []
    for n in missing:
        rng = random.Random(n)
        body = bodies[n % BODY_TEMPLATES]
        topic = " ".join(rng.sample(WORDS, 3))
        posts.append(
            Post(
                title=f"Kayano 14 notes {n}: {topic}",
                slug=f"{PREFIX}post-{n}",
                author=authors[n % len(authors)],
                category=categories[n % len(categories)],
                summary=f"Field notes number {n} on the {topic} of the Gel-Kayano 14.",
                body=body.markdown,
                body_html=body.derived.html,
                body_text=body.derived.text,
                toc=body.derived.toc,
                reading_minutes=body.derived.reading_minutes,
                status=Post.Status.PUBLISHED,
                publish_at=now - datetime.timedelta(hours=n + 1),
            )
        )
    created = Post.objects.bulk_create(posts, batch_size=BATCH)
    _seed_post_children(created, tags, answers)
    _index_posts(created, bodies)
    return len(created)


def _seed_post_children(posts: list[Post], tags: list[Tag], answers: list[str]) -> None:
    tag_rows, related_rows, faqs, mentions = [], [], [], []
    all_ids = list(Post.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
    for post in posts:
        for k in range(TAGS_PER_POST):
            tag_rows.append(
                Post.tags.through(post_id=post.pk, tag_id=tags[(post.pk * 7 + k) % len(tags)].pk)
            )
        picks = {all_ids[(post.pk * 13 + k * 31) % len(all_ids)] for k in range(RELATED_PER_POST)}
        related_rows += [
            Post.related.through(from_post_id=post.pk, to_post_id=pk)
            for pk in picks
            if pk != post.pk
        ]
        mentions += [
            ColorwayMention(post_id=post.pk, key=key.casefold())
            for key in shortcode_keys(post.body)
        ]
        faqs += [
            FAQ(
                post=post,
                question=f"Question {k + 1} about post {post.pk}?",
                answer=f"Answer {k}: **yes**, mostly.",
                answer_html=answers[k],
                order=k,
            )
            for k in range(FAQS_PER_POST)
        ]
    Post.tags.through.objects.bulk_create(tag_rows, batch_size=BATCH * 5)
    Post.related.through.objects.bulk_create(related_rows, batch_size=BATCH * 5)
    FAQ.objects.bulk_create(faqs, batch_size=BATCH * 5)
    ColorwayMention.objects.bulk_create(mentions, batch_size=BATCH * 5)


def _index_posts(posts: list[Post], bodies: list[Body]) -> None:
    """The search vector of each new post; each body template's vector is computed once."""
    if connection.vendor != "postgresql":
        return
    by_body: dict[str, list[int]] = {}
    for post in posts:
        by_body.setdefault(post.body, []).append(post.pk)
    with connection.cursor() as cursor:
        for body in bodies:
            ids = by_body.get(body.markdown)
            if not ids:
                continue
            cursor.execute(
                "UPDATE blog_post SET rank_vector = "
                "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                "setweight(to_tsvector('english', coalesce(summary, '')), 'B') "
                "WHERE id = ANY(%s)",
                [ids],
            )
            cursor.execute(
                "UPDATE blog_post SET search_vector = rank_vector || "
                "(SELECT setweight(to_tsvector('english', %s), 'C')) "
                "WHERE id = ANY(%s)",
                [body.derived.text, ids],
            )


def seed(*, posts: int, colorways: int, collaborators: int, log=print) -> None:
    """Load the demo content and the generated records; idempotent."""
    from django.core.management import call_command

    call_command("load_demo_content", stdout=io.StringIO())
    with transaction.atomic():
        studio_list = seed_collaborators(collaborators)
        log(f"collaborators: {len(studio_list)}")
        colorway_list = seed_colorways(colorways, studio_list)
        log(f"colorways: {len(colorway_list)}")
    ensure_renditions()
    with transaction.atomic():
        created = seed_posts(posts, colorway_list)
        log(f"posts: {created} created, {posts - created} already there")
    if connection.vendor == "postgresql":
        # Fresh statistics and visibility map, as autovacuum would leave them in time:
        # without them PostgreSQL plans the freshly loaded tables badly.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
