from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from blog.models import SEARCH_VECTORS, Author, Category, Post
from caching import fragments
from colorways.embeds import expand_all
from seo.links import site_url

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        """The feed, kept per content generation: feed readers poll constantly, and
        twenty full articles take longer to build than any page."""

        key = (type(self).__name__, args, tuple(sorted(kwargs.items())), site_url(request))
        return fragments.kept_document(
            request,
            "feed",
            key,
            lambda: super(LatestPostsFeed, self).__call__(request, *args, **kwargs),
        )

    title = "Kayano 14 Hub"
    description = "New articles about the Asics Gel-Kayano 14: history, sizing and style."

    def link(self):
        return reverse("blog:post-list")

    def items(self):
        return self.latest(self.posts())

    @staticmethod
    def latest(posts) -> list[Post]:
        """The first FEED_LENGTH of `posts`, each with its body as readers get it
        (`feed_body`), worked out for all of them at once."""
        posts = list(posts[:FEED_LENGTH])
        for post, body in zip(posts, expand_all([post.body_html for post in posts]), strict=True):
            post.feed_body = body
        return posts

    def posts(self):
        # The feed carries each article's HTML, not its Markdown, text or search vector.
        return (
            Post.objects.published()
            .defer("body", "body_text", "toc", *SEARCH_VECTORS)
            .select_related("author")
        )

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.feed_body

    def item_pubdate(self, post):
        return post.publish_at

    def item_updateddate(self, post):
        return post.modified_at

    def item_author_name(self, post):
        return post.author.name

    def item_author_link(self, post):
        return post.author.get_absolute_url()


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class AuthorFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"Kayano 14 Hub: articles by {author.name}"

    def link(self, author):
        return author.get_absolute_url()

    def items(self, author):
        return self.latest(self.posts().filter(author=author))


class CategoryFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"Kayano 14 Hub: {category.name}"

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return self.latest(self.posts().filter(category=category))
