from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef

from blog.models import Author, Category, Post


class PostSitemap(Sitemap):
    def items(self):
        return Post.objects.published().only("slug", "publish_at", "edited_at").order_by("pk")

    def lastmod(self, post):
        return post.modified_at

    def get_latest_lastmod(self):
        """For the index, in one query rather than by reading every post."""
        found = Post.objects.published().aggregate(Max("publish_at"), Max("edited_at"))
        return max(filter(None, found.values()), default=None)


class AuthorSitemap(Sitemap):
    def items(self):
        published = Post.objects.published().filter(author=OuterRef("pk"))
        return list(Author.objects.filter(Exists(published)))


class CategorySitemap(AuthorSitemap):
    def items(self):
        published = Post.objects.published().filter(category=OuterRef("pk"))
        return list(Category.objects.filter(Exists(published)))
