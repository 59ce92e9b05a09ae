from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from blog.cards import post_cards
from blog.models import Author, Category, OldSlug, Post, Tag
from blog.structured_data import structured_data
from colorways.cards import cards_for
from colorways.embeds import shortcode_keys
from colorways.models import Colorway

POSTS_PER_PAGE = 12


class PostListView(ListView):
    paginate_by = POSTS_PER_PAGE
    template_name = "blog/post_list.html"

    def get_queryset(self):
        # Built per request: "published" compares with the time of the request.
        return Post.objects.published().values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = post_cards(context["page_obj"].object_list)
        return context


class FilteredPostListView(PostListView):
    """Published posts of one author, category or tag."""

    model_filter: tuple[type, str]
    template_name = "blog/post_filtered_list.html"

    def get_queryset(self):
        model, lookup = self.model_filter
        self.subject = get_object_or_404(model, slug=self.kwargs["slug"])
        return super().get_queryset().filter(**{lookup: self.subject})

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class AuthorPostListView(FilteredPostListView):
    model_filter = (Author, "author")
    template_name = "blog/author_detail.html"


class CategoryPostListView(FilteredPostListView):
    model_filter = (Category, "category")


class TagPostListView(FilteredPostListView):
    model_filter = (Tag, "tags")


def neighbours(published, post):
    """The published posts just before and just after `post`, in one query where the
    database can order and limit each half of a UNION."""
    links = published.only("title", "slug", "publish_at")
    before = links.filter(publish_at__lt=post.publish_at).order_by("-publish_at", "-id")[:1]
    after = links.filter(publish_at__gt=post.publish_at).order_by("publish_at", "id")[:1]
    if not connection.features.supports_slicing_ordering_in_compound:
        return before.first(), after.first()
    found = list(before.union(after))
    return (
        next((p for p in found if p.publish_at < post.publish_at), None),
        next((p for p in found if p.publish_at > post.publish_at), None),
    )


class PostDetailView(DetailView):
    template_name = "blog/post_detail.html"

    def get_queryset(self):
        return (
            Post.objects.visible_to(self.request.user)
            .defer("search_vector")
            .select_related("author", "category")
            .prefetch_related("tags", "faqs")
        )

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = OldSlug.objects.filter(slug=kwargs["slug"]).select_related("post").first()
            if moved is None or moved.post.slug == kwargs["slug"]:
                raise
            return redirect(moved.post, permanent=True)

    def get_context_data(self, **kwargs):
        post = self.object
        published = Post.objects.published()
        related = (
            published.filter(pk__in=post.related.values("pk"))
            .without_bodies()
            .select_related("author")
        )
        previous_post, next_post = neighbours(published, post)
        context = {
            "is_preview": not post.is_public,
            "related_posts": related,
            "previous_post": previous_post,
            "next_post": next_post,
        }
        keys = shortcode_keys(post.body)
        if keys:
            context["mentioned_colorways"] = cards_for(Colorway.objects.matching_shortcodes(keys))
        context.update(structured_data(post, self.request))
        return super().get_context_data(**context, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
