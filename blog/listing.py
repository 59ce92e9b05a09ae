"""Which published posts a list shows, in order, kept in each process per content
generation and until a scheduled post goes live.

The blog list, the home page and each tag, author and category page read the keys
of their posts from here and page through them in memory; the cards come from
`blog.cards`. Without a shared cache nothing is kept, and lists are read from the
database page by page.
"""

from django.http import Http404

from blog.models import Post
from performance.pagecache import KeyedMemo, shared_cache

# Keys of the posts of each list (all published posts, one tag...) kept per process.
KEPT_LISTS = 500


def _published(lookup: str | None, value: int | None):
    posts = Post.objects.published()
    if lookup is not None:
        posts = posts.filter(**{lookup: value})
    return posts.values_list("pk", flat=True)


_lists = KeyedMemo(
    lambda keys: {key: list(_published(*key)) for key in keys},
    max_entries=KEPT_LISTS,
    by_publication=True,
)


def published_keys(lookup: str | None = None, value: int | None = None):
    """The primary keys of the published posts (those whose `lookup` is `value`, if
    given), newest first: a list when kept, else a query to slice."""
    if not shared_cache():
        return _published(lookup, value)
    key = (lookup, value)
    return _lists.get_many([key])[key]


def _subjects(keys) -> dict:
    found = {}
    for model, slug in keys:
        subject = model.objects.filter(slug=slug).first()
        if subject is not None:
            found[(model, slug)] = subject
    return found


_subjects_kept = KeyedMemo(_subjects, max_entries=KEPT_LISTS)


def subject_or_404(model, slug: str):
    """The author, category or tag `slug`, kept per generation; 404 if there is none."""
    key = (model, slug)
    subject = _subjects_kept.get_many([key]).get(key)
    if subject is None:
        raise Http404(f"No such {model._meta.verbose_name}.")
    return subject
