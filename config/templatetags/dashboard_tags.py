from django import template

from config.dashboard import editor_dashboard, is_site_admin, split_app_list

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard(context):
    """The editor's dashboard panels for the logged-in user (config.dashboard)."""
    return editor_dashboard(context["request"].user)


@register.simple_tag(takes_context=True)
def app_sections(context, app_list):
    """{"content": [...], "technical": [...]}: technical sections for site admins only."""
    content, technical = split_app_list(
        app_list, show_technical=is_site_admin(context["request"].user)
    )
    return {"content": content, "technical": technical}
