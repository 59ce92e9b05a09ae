"""A colorway's picture wherever it is shown: the editor's first photo, else our drawing
of it, served as an image from its own versioned address (never inlined in the page)."""

from django import template
from django.urls import reverse
from django.utils.text import capfirst

from colorways import illustration, releases
from colorways.detail import money
from colorways.seo import drawing_fills

register = template.Library()

# The drawing's size in a page's layout before CSS scales it: the browser reserves
# the space from these, so nothing moves when it loads.
DRAWING_WIDTH = 600
DRAWING_HEIGHT = round(DRAWING_WIDTH * illustration.VIEW_HEIGHT / illustration.VIEW_WIDTH)


def drawing_url(colorway) -> str:
    """The address of the colorway's drawing, versioned by what it draws."""
    fills = drawing_fills(colorway)
    path = reverse("colorways:colorway-drawing", kwargs={"slug": colorway.slug})
    return f"{path}?v={illustration.version(fills=fills, title=colorway.title)}"


def drawing_alt(colorway) -> str:
    colours = [capfirst(colour.name) for colour in colorway.palette.all() if colour.name]
    alt = f"Drawing of the {reader_title(colorway)}"
    if not colours:
        return f"{alt}; its colours are not known yet"
    if len(colours) == 1:
        return f"{alt} in {colours[0]}"
    return f"{alt} in {', '.join(colours[:-1])} and {colours[-1]}"


@register.filter
def reader_title(colorway) -> str:
    """The colorway's name as readers know it, without saying its collaborator twice
    ("Awake NY", not "Awake NY Awake NY")."""
    collaborator = colorway.collaborator.name if colorway.collaborator_id else ""
    if not colorway.nickname and collaborator and colorway.name.startswith(collaborator):
        return colorway.name
    return colorway.title


@register.inclusion_tag("includes/colorway_picture.html")
def colorway_picture(colorway, *, sizes="100vw", loading="lazy", css_class="colorway-img"):
    """The colorway's picture: its first photo, else its drawing, with explicit width and
    height. `loading="eager"` for a picture on the first screen."""
    image = colorway.first_image
    if image is not None:
        return {
            "image": image,
            "sizes": sizes,
            "loading": loading,
            "class": f"{css_class} is-photo",
        }
    return {
        "drawing": {
            "src": drawing_url(colorway),
            "alt": drawing_alt(colorway),
            "width": DRAWING_WIDTH,
            "height": DRAWING_HEIGHT,
        },
        "loading": loading,
        "class": f"{css_class} is-drawing",
    }


@register.filter(name="money")
def money_filter(amount, currency: str = "") -> str:
    """An amount as readers write it: {{ price.amount|money:price.currency }}."""
    return money(amount, currency)


@register.filter
def date_in_year(dated) -> str:
    """A colorway's or milestone's release date without its year (see
    releases.format_within_year)."""
    return releases.format_within_year(date=dated.release_date, precision=dated.release_precision)
