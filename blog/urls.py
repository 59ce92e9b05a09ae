from django.urls import path

from blog import feeds, views

app_name = "blog"
urlpatterns = [
    path("", views.PostListView.as_view(), name="post-list"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed-atom"),
    path("author/<slug:slug>/", views.AuthorPostListView.as_view(), name="author"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("category/<slug:slug>/", views.CategoryPostListView.as_view(), name="category"),
    path("category/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path("tag/<slug:slug>/", views.TagPostListView.as_view(), name="tag"),
    path("<slug:slug>/", views.post_detail, name="post-detail"),
]
