from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView

from blog.article import preview_article, published_article, surroundings
from blog.cards import post_cards
from blog.listing import published_keys, subject_or_404
from blog.models import Author, Category, OldSlug, Tag
from config.links import site_url

POSTS_PER_PAGE = 12


class PostListView(ListView):
    paginate_by = POSTS_PER_PAGE
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return published_keys()

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
        self.subject = subject_or_404(model, self.kwargs["slug"])
        return published_keys(lookup, self.subject.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class AuthorPostListView(FilteredPostListView):
    model_filter = (Author, "author")
    template_name = "blog/author_detail.html"


class CategoryPostListView(FilteredPostListView):
    model_filter = (Category, "category")


class TagPostListView(FilteredPostListView):
    model_filter = (Tag, "tags")


def post_detail(request, slug):
    site = site_url(request)
    article = published_article(slug, site)
    if article is None or not article.is_public:
        user = request.user
        may_preview = user.has_perm("blog.view_post") or user.has_perm("blog.change_post")
        article = preview_article(slug, site) if may_preview else None
    if article is None:
        moved = OldSlug.objects.filter(slug=slug).select_related("post").first()
        if moved is None or moved.post.slug == slug:
            raise Http404("No such article.")
        return redirect(moved.post, permanent=True)
    context = {
        "article": article,
        "is_preview": not article.is_public,
        "around": surroundings(article),
    }
    response = render(request, "blog/post_detail.html", context)
    if context["is_preview"]:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
