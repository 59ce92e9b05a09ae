from django.urls import path

from blog import feeds, views
from caching.pages import cache_public

feed = cache_public()

app_name = "blog"
urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("feed/", feed(feeds.LatestPostsFeed()), name="feed"),
    path("feed/atom/", feed(feeds.LatestPostsAtomFeed()), name="feed-atom"),
    path("author/<slug:slug>/", views.AuthorPostListView.as_view(), name="author"),
    path("author/<slug:slug>/feed/", feed(feeds.AuthorFeed()), name="author-feed"),
    path("category/<slug:slug>/", views.CategoryPostListView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feed(feeds.CategoryFeed()), name="category-feed"),
    path("tag/<slug:slug>/", views.TagPostListView.as_view(), name="tag"),
    path("<slug:slug>/", views.post_detail, name="post-detail"),
]
