"""What card lists show, read from the page as a reader gets it."""

import re

CARD_LINK = re.compile(r'<h3 class="card-title"><a href="([^"]+)">')


def carded(response, model) -> list:
    """The `model` objects whose cards the page shows, in page order."""
    by_url = {obj.get_absolute_url(): obj for obj in model.objects.all()}
    links = CARD_LINK.findall(response.content.decode())
    return [by_url[link] for link in links if link in by_url]
