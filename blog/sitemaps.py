from django.contrib.sitemaps import Sitemap

from blog.models import Author, Category, Post


class PostSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Post.objects.published().only("slug", "updated_at").order_by("pk")

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
