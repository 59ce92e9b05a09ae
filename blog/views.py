from django.db import connection
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from blog.cards import post_cards
from blog.models import SEARCH_VECTORS, Author, Category, OldSlug, Post, Tag
from blog.structured_data import structured_data
from caching.pages import cache_public
from colorways.cards import colorway_cards
from colorways.embeds import expand_markers, marked_pks
from seo.jsonld import JsonLd
from seo.links import site_url

POSTS_PER_PAGE = 12


@method_decorator(cache_public(query=["page"]), name="dispatch")
class PostListView(ListView):
    paginate_by = POSTS_PER_PAGE
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return Post.objects.published().values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = post_cards(context["page_obj"].object_list)
        return context


class FilteredPostListView(PostListView):
    """Published posts of one author, category or tag: 404 until one is published, so
    that a draft's author, category or tags are not shown before it is."""

    model_filter: tuple[type, str]
    template_name = "blog/post_filtered_list.html"

    def get_queryset(self):
        model, lookup = self.model_filter
        published = Post.objects.published().filter(**{lookup: OuterRef("pk")})
        self.subject = get_object_or_404(
            model.objects.filter(Exists(published)), slug=self.kwargs["slug"]
        )
        return super().get_queryset().filter(**{lookup: self.subject.pk})

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class AuthorPostListView(FilteredPostListView):
    model_filter = (Author, "author")
    template_name = "blog/author_detail.html"


class CategoryPostListView(FilteredPostListView):
    model_filter = (Category, "category")


class TagPostListView(FilteredPostListView):
    model_filter = (Tag, "tags")


def _neighbours(post: Post) -> tuple[Post | None, Post | None]:
    """The published posts just before and just after `post`, in one query where the
    database can order and limit each half of a UNION."""
    links = Post.objects.published().only("title", "slug", "publish_at")
    before = links.filter(publish_at__lt=post.publish_at).order_by("-publish_at", "-id")[:1]
    after = links.filter(publish_at__gt=post.publish_at).order_by("publish_at", "id")[:1]
    if not connection.features.supports_slicing_ordering_in_compound:
        return before.first(), after.first()
    found = list(before.union(after))
    return (
        next((p for p in found if p.publish_at < post.publish_at), None),
        next((p for p in found if p.publish_at > post.publish_at), None),
    )


def _may_preview(user) -> bool:
    """Drafts and scheduled posts are shown to those who may view or change posts."""
    return user.has_perm("blog.view_post") or user.has_perm("blog.change_post")


@cache_public()
def post_detail(request, slug):
    post = (
        Post.objects.defer(*SEARCH_VECTORS)
        .select_related("author", "category")
        .prefetch_related("tags", "faqs")
        .filter(slug=slug)
        .first()
    )
    is_preview = post is not None and not post.is_public
    if is_preview and not _may_preview(request.user):
        post = None
    if post is None:
        moved = OldSlug.objects.filter(slug=slug).select_related("post").first()
        # A former address leads only to a post the reader may see.
        if moved is None or moved.post.slug == slug or not moved.post.is_public:
            raise Http404("No such article.")
        return redirect(moved.post, permanent=True)
    body_html = expand_markers(post.body_html)
    embedded = marked_pks(post.body_html, kind="card")
    linked = [pk for pk in marked_pks(post.body_html, kind="link") if pk not in embedded]
    data = structured_data(post, site_url(request))
    context = {
        "post": post,
        "body_html": body_html,
        "faqs": list(post.faqs.all()),
        "tags": list(post.tags.all()),
        "article_ld": JsonLd.of(data["article_ld"]),
        "faq_ld": data["faq_ld"] and JsonLd.of(data["faq_ld"]),
        "is_preview": is_preview,
        # The colorways the text only links to; those embedded as cards are not repeated.
        "colorway_cards": colorway_cards(linked),
        "related_posts": list(
            Post.objects.published()
            .filter(pk__in=post.related.values("pk"))
            .without_bodies()
            .select_related("author")
        ),
    }
    context["previous_post"], context["next_post"] = _neighbours(post)
    response = render(request, "blog/post_detail.html", context)
    if is_preview:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
