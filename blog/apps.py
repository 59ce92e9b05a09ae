from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog.models import Post
        from caching import generation

        # A scheduled post goes live without a save: what was kept before must end then.
        generation.register_next_change(Post.objects.next_publish_time)
