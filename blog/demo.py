"""Demo content for the blog, written from the facts in shared/facts/gel-kayano-14.md."""

import datetime

from blog.models import FAQ, Author, Category, Post, Tag

AUTHOR = {
    "slug": "charly",
    "name": "Charly",
    "bio": "Charly has worn, resold and measured more pairs of archive runners than is "
    "sensible, and writes about the Gel-Kayano 14 for readers deciding on their next pair.",
}
CATEGORY = {
    "slug": "gel-kayano-14",
    "name": "Articles about Asics Gel-Kayano 14",
    "description": "History, sizing and fit, and style notes on the 2008 stability runner.",
}
TAGS = {
    "history": "History",
    "sizing": "Sizing",
    "collaborations": "Collaborations",
    "archive-runners": "Archive runners",
}

HISTORY_BODY = """\
The Gel-Kayano 14 was never meant to be a fashion object. It was a stability trainer for
runners whose feet roll inwards, and for a year it did exactly that job. Then it went
quiet for over a decade, and came back as one of the most wanted shoes of the revival.

## A line named after its designer

Asics started the Gel-Kayano line in 1993 and named it after the man who drew the first
pair, Toshikazu Kayano. Each year brought a new number. The fourteenth, released in 2008,
broke with tradition: it was the first Kayano that Kayano himself did not design.

## Hidenori Yamashita and the idea of "flash"

The 14 was drawn by Hidenori Yamashita. His guiding idea was what he called *flash*: the
short burst of energy between the heel hitting the ground and the toes pushing off. He
tried to carry that moment into every part of the shoe, from the colours and the lines to
the materials and the overall shape.

### What was inside

- **GEL cushioning** in the heel and the forefoot (one source describes it as running the
  full length of the shoe).
- **TRUSSTIC**, a midfoot system that adds stability without adding much weight.
- **Synthetic overlays** stitched over a breathable mesh.
- **An external heel clutch** that holds the back of the foot in place.

All of it served one purpose: supporting overpronating runners mile after mile.

## An award, then a successor

In 2008 the shoe won a Runner's World International Editor's Choice award, decided at
the International Shoe Summit. A year later the Gel-Kayano 15 replaced it, and plenty of
runners said they preferred the 14.

## Why it looks the way it does

Put a pair on a table and the details jump out: metallic silver overlays, an open-weave
mesh, a chunky layered midsole with the GEL showing, a heel cage that looks almost
skeletal and a midsole line that rises and falls like a wave. In 2008 that meant
"technical". Today the same shoe gets called Y2K, dad shoe, tech runner or gorpcore.

## The revival

Designer Kiko Kostadinov started working with Asics in 2018. When the brand planned to
bring back an archive runner, the first candidate was the Gel-Kayano 13; Kostadinov made
the case for the 14 instead, and oversaw the materials and colours of the UB1-S version.

Sources disagree on the exact year of the comeback: one dates the decision to 2020,
another dates the re-release to 2021. Either way, the timing was right. New Balance was
reviving the 1906R and 2002R with Aime Leon Dore and GANNI, Nike had the Vomero 5 and
P-6000, Adidas the Response CL, and Salomon and Hoka were riding the same wave of
functional design.

## The collaborations

JJJJound, the Montreal studio founded by Justin R. Saunders, made the first Gel-Kayano 14
collaboration in August 2022: two pairs on a white mesh base with silver overlays, one
with white details and one with black, and a small wordmark on the outer heel. They
retailed at USD 180 and have resold for more than USD 700. JJJJound came back in June 2025
with White/Blue and White/Navy.

[[colorway:1201A457-101]]

Kith's Vintage Tech 2023 pack followed in June 2023 (Cream/Antler and Cream/Scarab), and
atmos, Awake NY and FACETASM have all put their own spin on the shape. Browse every
release in the colorway catalogue.
"""

SIZING_BODY = """\
Most people can order the Gel-Kayano 14 in their usual size. The exceptions are readers
with genuinely wide feet and anyone comparing against a shoe that runs large, like the
Air Force 1. This guide goes through both, then answers the questions we hear most.

## The short answer

The Kayano 14 fits **true to size** for most feet. If your feet are regular or narrow,
order your normal size: the laces will take up the spare room around the midfoot.

## If your feet are wide

The toe box is roomy, about 100.3 mm at its widest, so many wide-footed readers are fine
in their usual size. If your feet are truly wide, or other shoes pinch your little toe,
go **half a size up**. Do not count on the shoe stretching: the synthetic overlays hold
their shape and it barely gives with wear.

## Compared with shoes you may own

| You wear | How it runs | Order the Kayano 14 in |
|---|---|---|
| Nike Air Force 1 | large | your AF1 size or half a size up |
| Nike Dunk | roomy, less than AF1 | the same size |
| New Balance 530 or 2002R | true to size | the same size |
| New Balance 990 | comes in widths | the same size; half up if you buy 2E or 4E |
| Asics Gel-1130, GT-2160, Gel-NYC | same fit family | the same size |

If you went half a size down in your Air Force 1s, ignore that and take your true size.

## Size systems

Asics prints centimetres on the tongue label and on the box. Centimetres measure the
foot, so they are the same whatever the brand or gender, which makes them the safest
number to compare. For US sizes, men's is women's minus 1.5: a men's US 7 is about a
women's US 8.5.

## Comfort and support

The arch support is good and works for flat feet, and the insole lifts out if you wear
orthotics. The heel clutch locks the heel down, so narrow feet get little slip. A pair
weighs roughly 335 to 368 g depending on size and colorway.

## What it is not

This is a lifestyle shoe now. It is not the most durable sneaker, and runners training
seriously should look at a current Gel-Kayano (the 30 or 31). For a tougher everyday
pair, the Gel-1130 is a good alternative.
"""

SIZING_FAQ = [
    (
        "Does the Gel-Kayano 14 run true to size?",
        "Yes, for most people. Regular and narrow feet should order their usual size.",
    ),
    (
        "Should I size up for wide feet?",
        "Try your usual size first: the toe box is about 100.3 mm wide. If your feet are "
        "truly wide or other shoes pinch your little toe, go half a size up.",
    ),
    (
        "I wear US 10 in Air Force 1. What Kayano 14 size should I get?",
        "US 10, or US 10.5 if you like more room. If you sized down in your Air Force 1s, "
        "take your true size instead.",
    ),
    (
        "Will the Kayano 14 stretch?",
        "Barely. The synthetic overlays keep their shape, so buy the size that fits now.",
    ),
    (
        "Can I use orthotics?",
        "Yes. The insole lifts out, and the arch support suits flat feet.",
    ),
]

POSTS = [
    {
        "slug": "gel-kayano-14-history",
        "title": "From stability trainer to grail: the story of the Gel-Kayano 14",
        "summary": "How a 2008 running shoe for overpronators, drawn by Hidenori Yamashita, "
        "became the archive runner everyone wanted again.",
        "body": HISTORY_BODY,
        "publish_at": datetime.datetime(2025, 10, 17, 9, 0, tzinfo=datetime.UTC),
        "tags": ["history", "collaborations", "archive-runners"],
        "faq": [],
    },
    {
        "slug": "gel-kayano-14-sizing-and-fit",
        "title": "Gel-Kayano 14 sizing and fit: which size to order",
        "summary": "True to size for most feet, half up for truly wide ones, and how it "
        "compares with Air Force 1, Dunk, New Balance and other Asics.",
        "body": SIZING_BODY,
        "publish_at": datetime.datetime(2025, 10, 21, 9, 0, tzinfo=datetime.UTC),
        "tags": ["sizing"],
        "faq": SIZING_FAQ,
    },
]


def load() -> list[str]:
    """Create what is missing; never touch what exists. Returns a report, one line per record."""
    report = []
    author, created = Author.objects.get_or_create(
        slug=AUTHOR["slug"], defaults={k: v for k, v in AUTHOR.items() if k != "slug"}
    )
    report.append(f"author {author.name}: {'created' if created else 'found'}")
    category, created = Category.objects.get_or_create(
        slug=CATEGORY["slug"], defaults={k: v for k, v in CATEGORY.items() if k != "slug"}
    )
    report.append(f"category {category.name}: {'created' if created else 'found'}")
    tags = {}
    for slug, name in TAGS.items():
        tags[slug], _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name})

    new_posts = []
    for data in POSTS:
        post, created = Post.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "summary": data["summary"],
                "body": data["body"],
                "author": author,
                "category": category,
                "status": Post.Status.PUBLISHED,
                "publish_at": data["publish_at"],
            },
        )
        report.append(f"post {post.slug}: {'created' if created else 'found'}")
        if created:
            post.tags.set([tags[slug] for slug in data["tags"]])
            for order, (question, answer) in enumerate(data["faq"]):
                FAQ.objects.create(post=post, question=question, answer=answer, order=order)
            new_posts.append(post)
    if len(new_posts) == len(POSTS):
        history, sizing = new_posts
        history.related.add(sizing)
        sizing.related.add(history)
    return report
