"""`{% kept name key... %}...{% endkept %}`: a fragment of a template kept for the content
generation (caching.fragments), rendered only when it is not kept yet.

    {% load kept %}
    {% kept "article" post.pk %}...everything that depends on the post alone...{% endkept %}

The name and keys say what the fragment depends on: content (a primary key, a date),
never the request (no CSRF token, nothing from the session or the query string inside).
Whatever the block reads from its context is read only when it is rendered, so a view
can hand it querysets and lazy values that cost nothing while the fragment is kept.
"""

from django import template

from caching.fragments import kept

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        name = self.name.resolve(context)
        key = tuple(part.resolve(context) for part in self.keys)
        return kept(f"template:{name}", key, lambda: self.nodelist.render(context))


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name, then the keys.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
