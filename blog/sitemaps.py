from django.contrib.sitemaps import Sitemap

from blog.models import Author, Category, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        # A list, not a queryset: Django's sitemap paginator would count the rows first,
        # one query more per section (the same holds for every section below).
        return list(Post.objects.published().only("slug", "updated_at"))

    def lastmod(self, post):
        return post.updated_at


class AuthorSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return list(Author.objects.filter(posts__in=Post.objects.published()).distinct())


class CategorySitemap(AuthorSitemap):
    def items(self):
        return list(Category.objects.filter(posts__in=Post.objects.published()).distinct())
