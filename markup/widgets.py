"""The article editor: Markdown beside a live preview that looks like the published page."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from markdownx.widgets import MarkdownxWidget


class ArticleEditor(MarkdownxWidget):
    """markdownx's editor (live preview through the sanitizing endpoint, image drag and
    drop) with its preview shown in a sandboxed frame that loads only the site's own
    stylesheet, beside the text on wide screens, with word count and reading time.

    `title_field` and `summary_field` name the form fields shown above the body in the
    preview, as the article page shows them.
    """

    template_name = "markup/article_editor.html"

    def __init__(self, *, words_per_minute: int, title_field="", summary_field="", attrs=None):
        super().__init__(attrs)
        self.words_per_minute = words_per_minute
        self.title_field = title_field
        self.summary_field = summary_field

    def get_context(self, name, value, attrs=None):
        context = super().get_context(name, value, attrs)
        context["editor"] = {
            "words_per_minute": self.words_per_minute,
            "title_field": self.title_field,
            "summary_field": self.summary_field,
            "document": render_to_string("markup/article_preview.html"),
        }
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # With the site's templates (Django's form renderer only sees installed apps').
        attrs = {**(attrs or {}), **self.attrs}
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))

    @staticmethod
    def add_markdownx_attrs(attrs):
        attrs = MarkdownxWidget.add_markdownx_attrs(attrs)
        # The text scrolls in a box of its own, in step with the preview beside it.
        attrs["data-markdownx-editor-resizable"] = "False"
        return attrs

    class Media:
        css = {"all": ["css/admin-desk.css"]}
        js = ["js/article-editor.js"]
