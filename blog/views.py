from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from blog.article import LONG_COLUMNS, ArticleParts
from blog.cards import post_cards
from blog.models import Author, Category, OldSlug, Post, Tag
from blog.seo import blog_crumb
from caching.fragments import kept_many, kept_page
from caching.pages import cache_public
from seo.links import site_url
from seo.meta import PageMeta, page_meta

POSTS_PER_PAGE = 12


@method_decorator(cache_public(query=["page"]), name="dispatch")
class PostListView(ListView):
    paginate_by = POSTS_PER_PAGE
    template_name = "blog/post_list.html"
    # What the list is of, for its kept pages: (lookup, value), or all published posts.
    listing = (None, None)

    def get_queryset(self):
        return Post.objects.published().values_list("pk", flat=True)

    def paginate_queryset(self, queryset, page_size):
        """The page asked for, kept for the content generation (a 404 past the last)."""
        found = kept_page(
            "post-list-page",
            self.listing,
            lambda: queryset,
            per_page=page_size,
            number=self.request.GET.get("page"),
        )
        return found.paginator, found, found.object_list, found.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = post_cards(
            context["page_obj"].object_list, show_category=self.listing[0] != "category"
        )
        context["meta"] = self.meta()
        return context

    def meta(self) -> PageMeta:
        return page_meta(
            self.request,
            title="Articles about the Gel-Kayano 14",
            description="Articles about the Asics Gel-Kayano 14: history, sizing and fit, styling.",
        )


class FilteredPostListView(PostListView):
    """Published posts of one author, category or tag: 404 until one is published, so
    that a draft's author, category or tags are not shown before it is."""

    model_filter: tuple[type, str]
    template_name = "blog/post_filtered_list.html"

    def get_queryset(self):
        model, lookup = self.model_filter
        slug = self.kwargs["slug"]

        def subjects(slugs) -> dict:
            published = Post.objects.published().filter(**{lookup: OuterRef("pk")})
            found = model.objects.filter(Exists(published), slug=slugs[0]).first()
            return {} if found is None else {slugs[0]: found}

        found = kept_many(f"post-subject-{lookup}", [slug], subjects)
        if not found:
            raise Http404(f"No such {model._meta.verbose_name}.")
        self.subject = found[slug]
        self.listing = (lookup, self.subject.pk)
        return super().get_queryset().filter(**{lookup: self.subject.pk})

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)

    def meta(self) -> PageMeta:
        return page_meta(
            self.request,
            title=self.subject.name,
            description=self.description(),
            trail=(blog_crumb(site_url(self.request)),),
        )

    def description(self) -> str:
        return f"Articles filed under {self.subject.name} on {settings.SITE_NAME}."


class AuthorPostListView(FilteredPostListView):
    model_filter = (Author, "author")
    template_name = "blog/author_detail.html"

    def description(self) -> str:
        return f"Articles by {self.subject.name} on {settings.SITE_NAME}."


class CategoryPostListView(FilteredPostListView):
    model_filter = (Category, "category")


class TagPostListView(FilteredPostListView):
    model_filter = (Tag, "tags")


def _may_preview(user) -> bool:
    """Drafts and scheduled posts are shown to those who may view or change posts."""
    return user.has_perm("blog.view_post") or user.has_perm("blog.change_post")


@cache_public()
def post_detail(request, slug):
    post = (
        Post.objects.defer(*LONG_COLUMNS)
        .select_related("author", "category")
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
    context = {
        "post": post,
        "article": ArticleParts(post, site_url=site_url(request)),
        "is_preview": is_preview,
    }
    response = render(request, "blog/post_detail.html", context)
    if is_preview:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
