"""Demo content for the blog, written from the facts in shared/facts/gel-kayano-14.md
(the third article from general knowledge of the brands it covers).

Loading follows seeding.records: what an editor changed is never touched.
"""

import datetime

from blog.models import FAQ, Author, Category, Post, Tag
from seeding.records import Outcome, defaults_of, field_values, load_record, write_fields

AUTHOR = {
    "slug": "charly",
    "name": "Charly",
    "bio": "Charly writes about the Asics Gel-Kayano 14 for Kayano 14 Hub: where it came "
    "from, how it fits and which colorways are worth knowing.",
}
CATEGORY = {
    "slug": "gel-kayano-14",
    "name": "Articles about Asics Gel-Kayano 14",
    "description": "The 2008 stability runner's history, how it fits, and the shoes around it.",
}
TAGS = {
    "history": "History",
    "sizing": "Sizing",
    "collaborations": "Collaborations",
    "archive-runners": "Archive runners",
    "salomon": "Salomon",
    "hoka": "Hoka",
}

HISTORY_SLUG = "gel-kayano-14-history"
SIZING_SLUG = "gel-kayano-14-sizing-and-fit"
BRANDS_SLUG = "running-brands-function-and-fashion"

HISTORY_BODY = f"""\
The Gel-Kayano 14 was never meant to be a fashion object. It was a stability trainer for
runners whose feet roll inwards, and it held that job for a single year. Then it went
quiet for more than a decade, and came back as a lifestyle shoe in the middle of the
archive-runner revival.

## A line named after its designer

Asics started the Gel-Kayano line in 1993 and named it after the man who designed the
first pair, Toshikazu Kayano. The fourteenth model, released in 2008, broke with that: it
was the first Gel-Kayano that Kayano himself did not design.

## Hidenori Yamashita and the idea of "flash"

The 14 was designed by Hidenori Yamashita. His guiding idea was what he called *flash*:
the short burst of energy between the heel hitting the ground and the toes pushing off.
He carried that moment into every part of the shoe, from the colours and the lines to
the materials and the overall shape.

### What was inside

- **GEL cushioning** in the heel and the forefoot. One source says the GEL runs the full
  length of the shoe; the [timeline](/colorways/timeline/) shows both accounts.
- **TRUSSTIC**, a midfoot system that adds stability without adding much weight.
- **Synthetic overlays** on a breathable mesh.
- **An external heel clutch** that holds the back of the foot in place.

All of it served one kind of runner: the overpronator, who needs a shoe that keeps the
foot from rolling in, mile after mile.

## An award, then a successor

In 2008 the shoe won a Runner's World International Editor's Choice award, decided at
the International Shoe Summit. A year later the Gel-Kayano 15 replaced it, and many
runners said they preferred the 14.

## Why it looks the way it does

Put a pair on a table and the details jump out: metallic silver overlays, an open-weave
mesh, a chunky layered midsole with the GEL showing, a heel that looks almost skeletal
and a midsole line that rises and falls like a wave. In 2008 that meant "technical".
Today the same shoe gets called Y2K, dad shoe, tech runner or gorpcore.

## The revival

The designer Kiko Kostadinov started working with Asics in 2018. When the brand planned
to bring back an archive runner, the first candidate was the Gel-Kayano 13; Kostadinov
made the case for the 14 instead, and oversaw the materials and colours of the UB1-S
Gel-Kayano 14. It went on sale in Japan on 27 November 2020 in two colorways,
[Classic Red x ASICS Blue](/colorways/kiko-kostadinov-ub1-s-classic-red-asics-blue/) and
[Oyster Grey x Pink Glo](/colorways/kiko-kostadinov-ub1-s-oyster-grey-pink-glo/).

Sources disagree on the year of the comeback itself: one dates the decision to revive
the shoe to 2020, another dates the re-release to 2021. Either way, the timing was
right. New Balance was bringing back the 1906R and 2002R, with collaborations from Aime
Leon Dore and GANNI; Nike had the Vomero 5, a 2010 trainer, and the P-6000; Adidas had
the Response CL; Asics itself had the Gel-1130. Salomon and Hoka were riding the same
wave of functional design.

## The collaborations

JJJJound, the Montreal design studio founded by Justin R. Saunders, made the first
Gel-Kayano 14 collaboration in August 2022: two colorways on a white mesh base with
metallic silver overlays, one with white details and one with black, and a small
JJJJound wordmark on the outer heel. They retailed at USD 180 and have resold for more
than USD 700.

[[colorway:1201A457-101]]

Kith's Vintage Tech 2023 pack followed in June 2023:
[Cream/Antler](/colorways/kith-cream-antler/) and
[Cream/Scarab](/colorways/kith-cream-scarab/), in premium synthetic leather and mesh.
JJJJound came back for its third Kayano 14 collaboration in June 2025, in
[White/Blue](/colorways/jjjjound-white-blue/) and
[White/Navy](/colorways/jjjjound-white-navy/).

Others have put their own spin on the shape. [atmos](/colorways/collaborators/atmos/)
has made exclusive colorways that nod to the running heritage with a streetwear edge,
[Awake NY](/colorways/collaborators/awake-ny/) went for bold contrast and high-impact
details, and [FACETASM](/colorways/collaborators/facetasm/) has previewed bright,
multi-coloured versions. Collaborations like these sell at about USD 180; general
releases, in palettes such as tonal greys and metallic pastels, at USD 140 to 160.

Every release we know of is in the [colorway catalogue](/colorways/), and the whole
story is in order on the [timeline](/colorways/timeline/). About to buy a pair? The
[size finder](/sizing/) tells you which size to order.

**Next up:** [Salomon, Hoka and the running brands that blend function and
fashion](/blog/{BRANDS_SLUG}/): why shoes built for movement, support and durability
became the ones people wear every day.
"""

AF1_US_10 = "/sizing/?shoe=nike-air-force-1&size=10&system=us-men&width=regular"

SIZING_BODY = f"""\
Most people can order the Gel-Kayano 14 in their usual size. The exceptions are readers
with truly wide feet and anyone comparing against a shoe that runs large, like the
Air Force 1. This guide goes through both, then answers the questions we hear most. If
you would rather skip to the answer, the [size finder](/sizing/) works it out from a shoe
you already own.

## The short answer

The Kayano 14 fits **true to size** for most feet. If your feet are regular or narrow,
order your normal size: the laces take up the spare room around the midfoot.

## If your feet are wide

The toe box is roomy, about 100.3 mm at its widest, so many wide-footed readers are fine
in their usual size. If your feet are truly wide, or other shoes pinch your little toe,
go **half a size up**. Don't count on the shoe stretching: the synthetic overlays hold
their shape, and it barely gives with wear.

## Compared with shoes you may own

| You wear | How it runs | Order the Kayano 14 in |
|---|---|---|
| Nike Air Force 1 | large | your AF1 size or half a size up |
| Nike Dunk | roomy, less than AF1 | the same size |
| New Balance 530 or 2002R | true to size | the same size |
| New Balance 990 | comes in widths | the same size; half up if you buy 2E or 4E |
| Asics Gel-1130, GT-2160, Gel-NYC | same fit family | the same size |

If you went half a size down in your Air Force 1s, ignore that and take your true size.
Wear a US 10 in them? [The size finder gives you US 10 or 10.5]({AF1_US_10}), in every
size system.

## Size systems

Asics prints centimetres on the tongue label and on the box. Centimetres measure the
foot, so they stay the same whatever the brand or gender, which makes them the safest
number to compare. For US sizes, men's is women's minus 1.5: a men's US 7 is about a
women's US 8.5. The [size finder](/sizing/) has the full Asics chart.

## Comfort and support

The arch support is good and works for flat feet, and the insole lifts out if you wear
orthotics. The heel clutch locks the heel down, so narrow feet get little slip. A pair
weighs roughly 335 to 368 g, depending on size and colorway.

## What it is not

This is a lifestyle shoe now. It is not the most durable sneaker, and runners training
seriously should look at a current Gel-Kayano, the 30 or 31. For a tougher everyday
pair, the Gel-1130 is a good alternative, in the same size.

## Where to buy

Once you know your size, the [colorway catalogue](/colorways/) lists every Kayano 14
colorway we know of, with the shops that sell it where we know them.
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
        f"take your true size instead. [See it in the size finder]({AF1_US_10}).",
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

BRANDS_BODY = f"""\
The Gel-Kayano 14 did not come back alone. Around it, a whole shelf of shoes built to do
a job, on a road, a trail or a track, has moved from the sports shop into everyday
wardrobes. Some are archive runners brought back from the 2000s; others come from brands
that never set out to be fashionable at all. What they share is that they look as if
they work, because they do.

This is the piece our [history of the Kayano 14](/blog/{HISTORY_SLUG}/) promised: the
running brands that blend function and fashion, what each does well, and how to choose
between them.

## Why function became the look

For a long time, a performance shoe was something you changed out of. Then the details
that used to say "sport" started to say "taste": visible cushioning, layered overlays,
mesh you can see through, soles built for grip. There are plenty of names for it, from
Y2K and dad shoe to tech runner and gorpcore, but the idea underneath is simple. People
want shoes that are comfortable all day, support the foot, and last.

Those are exactly the reasons Salomon and Hoka have gained ground: movement, support
and durability. Neither brand had to pretend to be a lifestyle label. Their shoes were
made for people covering long distances, and that turns out to be a good brief for a
day on your feet in the city too.

There is an honesty to it. A shoe with a grippy sole, a protective toe and a cushioned
midsole is not dressed up to look technical: every part of it is there for a reason.
That is also why the Kayano 14 works so well today. The overlays, the heel clutch and
the visible GEL were engineering first, and style only later.

## Salomon: from the mountains to the street

### Built for the trail

Salomon is a French mountain-sports brand, and its running shoes grew up on trails
rather than roads. It shows in every pair. A trail shoe has to grip on wet rock and loose
ground, shield the foot from stones, and hold it steady on uneven surfaces, often for
hours at a time.

### The details you notice

- **Grippy, lugged outsoles** made for mud and rock, which also give the shoe its
  purposeful, chunky profile.
- **Quick-pull laces** on many models: a thin cord you tighten with a toggle and tuck
  away instead of tying.
- **Protective overlays and toe caps** that keep the upper in shape, in the same spirit
  as the Kayano 14's synthetic overlays.
- **A snug, secure midfoot**, because on a steep descent your foot must not slide.

### Who should wear Salomon

If you like the technical look of the Kayano 14 but want something more rugged, a
Salomon trail shoe is the natural next step. It is also one of the brands most closely
tied to gorpcore, outdoor gear worn as everyday style, so it sits happily with shell
jackets, cargo trousers and a backpack that has seen some weather.

## Hoka: cushioning you can see

### Maximal cushioning

Hoka made its name with maximal cushioning: midsoles far thicker than runners were used
to, light enough that the extra height does not weigh you down. The idea was to soften
every landing over long distances, and the result is a shape nobody could mistake for a
classic trainer.

### A rolling stride

Many Hoka shoes add a rocker shape, a sole curved from heel to toe, so that each step
rolls forward. Together with the soft midsole, it takes some of the work out of long
days on your feet. Hoka also tends to use bold, often bright colours, which makes the
shoes easy to spot across a room.

### Who should wear Hoka

Hoka is for people who put comfort first: long walks, long shifts, long runs. Its
proportions make a statement on their own, so it looks best with simple clothes, and it
suits anyone who found the Kayano 14's chunky midsole the best thing about it.

## The archive runners next to the Kayano 14

Salomon and Hoka bring function from the present. The other half of the wave brings it
back from the archive: running shoes of the 2000s and early 2010s, reissued with their
original lines.

### New Balance 1906R and 2002R

New Balance's archive runners are among the most visible of the revival, helped along by
collaborations with Aime Leon Dore and GANNI. If you own a pair of 2002Rs, good news:
they run true to size and suit wide feet, so take the same size in the Kayano 14. The
[size finder](/sizing/?shoe=new-balance-2002r) does the conversion for you.

### Nike Vomero 5 and P-6000

The Vomero 5 began as a running trainer in 2010. Its mesh and layered overlays put it in
the same family of looks as the Kayano 14, and the P-6000 plays the same card with the
lines of 2000s Nike running, mesh and overlays included.

### Adidas Response CL

Adidas's entry in the revival comes from its own running archive: a chunky, layered
runner that sits comfortably next to the Kayano 14.

### Asics Gel-1130

Closer to home, the Gel-1130 is the Kayano 14's tougher everyday cousin. It belongs to
the same Asics fit family, so take your Kayano 14 size, and it stands up better to daily
wear. If you already own a pair, the [size finder](/sizing/?shoe=asics-gel-1130) turns
your Gel-1130 size into a Kayano 14 size.

## How to choose

Start with what you will actually do in them.

- **You want to run.** The Kayano 14 is a lifestyle shoe now, not one for serious
  training, and the same goes for most archive reissues. Runners should look at a
  current Gel-Kayano, the 30 or 31, or at the current running shoes from Salomon and
  Hoka, which are made for exactly that.
- **You walk a lot, on every kind of ground.** A Salomon trail shoe grips and lasts; a
  Hoka cushions. Both are built for the miles.
- **You want the Kayano 14 look, every day.** The Kayano 14 is not the most durable
  shoe. The Gel-1130 gives you a similar archive look with more toughness.
- **You want the shoe people talk about.** Browse the [colorway catalogue](/colorways/):
  the collaborations are where the Kayano 14 shines.

Whatever you choose, sizes differ from brand to brand. Compare in centimetres, which
measure the foot itself, or let the [size finder](/sizing/) convert from a shoe you
already own; our [Kayano 14 sizing guide](/blog/{SIZING_SLUG}/) explains the rest.
"""

BRANDS_FAQ = [
    (
        "Are Salomon and Hoka running shoes or fashion shoes?",
        "Both. They are made for running, Salomon's on trails and Hoka's with maximal "
        "cushioning, and people wear them every day because grip, support, comfort and "
        "durability work just as well off the trail.",
    ),
    (
        "Can I still run in the Gel-Kayano 14?",
        "Not seriously. It is a lifestyle shoe now, and not the most durable one. For "
        "training, look at a current Gel-Kayano, the 30 or 31.",
    ),
    (
        "What is a tougher everyday alternative to the Kayano 14?",
        "The Asics Gel-1130. It is in the same fit family, so take the same size, and it "
        "stands up better to daily wear.",
    ),
]

POSTS = [
    {
        "slug": HISTORY_SLUG,
        "title": "From stability trainer to grail: the story of the Gel-Kayano 14",
        "summary": "How a 2008 stability shoe for overpronators, designed by Hidenori "
        "Yamashita, went quiet for a decade and came back as a collaborators' favourite.",
        "body": HISTORY_BODY,
        "publish_at": datetime.datetime(2025, 10, 17, 9, 0, tzinfo=datetime.UTC),
        "tags": ["history", "collaborations", "archive-runners"],
        "faq": [],
        "related": [BRANDS_SLUG, SIZING_SLUG],
    },
    {
        "slug": BRANDS_SLUG,
        "title": "Salomon, Hoka and the running brands that blend function and fashion",
        "summary": "Why shoes built for movement, support and durability became everyday "
        "wear: Salomon's trail roots, Hoka's tall cushioning and the archive runners next "
        "to the Kayano 14.",
        "body": BRANDS_BODY,
        "publish_at": datetime.datetime(2025, 10, 20, 9, 0, tzinfo=datetime.UTC),
        "tags": ["archive-runners", "salomon", "hoka"],
        "faq": BRANDS_FAQ,
        "related": [HISTORY_SLUG, SIZING_SLUG],
    },
    {
        "slug": SIZING_SLUG,
        "title": "Gel-Kayano 14 sizing and fit: which size to order",
        "summary": "True to size for most feet, half up for truly wide ones, and how it "
        "compares with Air Force 1, Dunk, New Balance and other Asics.",
        "body": SIZING_BODY,
        "publish_at": datetime.datetime(2025, 10, 21, 9, 0, tzinfo=datetime.UTC),
        "tags": ["sizing"],
        "faq": SIZING_FAQ,
        "related": [HISTORY_SLUG, BRANDS_SLUG],
    },
]

# Fingerprints (seeding.records) of the states earlier versions of this module gave
# these records: a record still in one of them was never edited, so loading updates it.
EARLIER_VERSIONS: dict[str, set[str]] = {
    "author:charly": {"716dd2575f70d4e9"},
    "category:gel-kayano-14": {"68026ac84e6d93c1"},
    "post:gel-kayano-14-history": {"bf83a6cc6b010a4f", "5c65cb2419a98308"},
    "post:gel-kayano-14-sizing-and-fit": {"f3f885deb67f5b04"},
}

AUTHOR_FIELDS = ("name", "bio", "photo")
CATEGORY_FIELDS = ("name", "description")
POST_FIELDS = (
    "title",
    "summary",
    "body",
    "status",
    "publish_at",
    "hero_image",
    "hero_alt",
    "seo_title",
    "meta_description",
)


def author_state(author: Author) -> dict:
    return field_values(author, AUTHOR_FIELDS)


def category_state(category: Category) -> dict:
    return field_values(category, CATEGORY_FIELDS)


def post_state(post: Post) -> dict:
    return {
        **field_values(post, POST_FIELDS),
        "author": post.author.slug,
        "category": post.category.slug if post.category_id else None,
        "tags": list(post.tags.values_list("slug", flat=True)),
        "faq": list(post.faqs.values_list("order", "question", "answer")),
        "related": list(post.related.values_list("slug", flat=True)),
    }


def wanted_post(data: dict) -> dict:
    return {
        **defaults_of(Post, POST_FIELDS, {**data, "status": Post.Status.PUBLISHED}),
        "author": AUTHOR["slug"],
        "category": CATEGORY["slug"],
        "tags": data["tags"],
        "faq": [(order, *entry) for order, entry in enumerate(data["faq"])],
        "related": data["related"],
    }


def _write_post(post: Post, data: dict, author: Author, category: Category, tags: dict) -> None:
    published = {**data, "status": Post.Status.PUBLISHED}
    write_fields(post, Post, POST_FIELDS, published, author=author, category=category)
    post.tags.set([tags[slug] for slug in data["tags"]])
    post.faqs.all().delete()
    for order, (question, answer) in enumerate(data["faq"]):
        FAQ.objects.create(post=post, question=question, answer=answer, order=order)


def load() -> list[str]:
    """Create what is missing, bring untouched demo records up to date, leave edited ones
    alone. Returns a report, one line per record."""
    report = []
    author, outcome = load_record(
        Author,
        {"slug": AUTHOR["slug"]},
        state=author_state,
        wanted=defaults_of(Author, AUTHOR_FIELDS, AUTHOR),
        earlier=EARLIER_VERSIONS.get(f"author:{AUTHOR['slug']}", ()),
        write=lambda record: write_fields(record, Author, AUTHOR_FIELDS, AUTHOR),
    )
    report.append(f"author {author.name}: {outcome}")
    category, outcome = load_record(
        Category,
        {"slug": CATEGORY["slug"]},
        state=category_state,
        wanted=defaults_of(Category, CATEGORY_FIELDS, CATEGORY),
        earlier=EARLIER_VERSIONS.get(f"category:{CATEGORY['slug']}", ()),
        write=lambda record: write_fields(record, Category, CATEGORY_FIELDS, CATEGORY),
    )
    report.append(f"category {category.name}: {outcome}")
    tags = {}
    for slug, name in TAGS.items():
        tags[slug], _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name})

    written = {}
    for data in POSTS:
        post, outcome = load_record(
            Post,
            {"slug": data["slug"]},
            state=post_state,
            wanted=wanted_post(data),
            earlier=EARLIER_VERSIONS.get(f"post:{data['slug']}", ()),
            write=lambda record, data=data: _write_post(record, data, author, category, tags),
        )
        report.append(f"post {post.slug}: {outcome}")
        if outcome in (Outcome.CREATED, Outcome.UPDATED):
            written[post] = data["related"]
    # Related reading is set once every post exists; a post an editor removed stays out.
    for post, related in written.items():
        post.related.set(Post.objects.filter(slug__in=related))
    return report
