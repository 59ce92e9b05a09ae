"""The admin's home for editors: what needs doing today, and the site's technical
sections set apart for site admins."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import formats, timezone

from blog.models import Post, ReviewEvent
from colorways.models import Colorway, Source
from config.roles import SITE_ADMINS

PANEL_SIZE = 8
SCHEDULE_DAYS = 7
# Admin sections about people, logins and consent, not content (by app, or app and model).
TECHNICAL_APPS = frozenset(
    {"auth", "axes", "otp_totp", "otp_static", "two_factor", "cookie_consent", "reversion"}
)
TECHNICAL_MODELS = frozenset(
    {("consent", "ConsentRecord"), ("consent", "CookieDetail"), ("consent", "BannerVersion")}
)


@dataclass(frozen=True, slots=True)
class Item:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    title: str
    items: list[Item]
    empty: str
    more_url: str = ""
    more_label: str = ""
    count: int = 0


@dataclass
class Dashboard:
    panels: list[Panel] = field(default_factory=list)


def _when(moment: datetime.datetime | datetime.date) -> str:
    if isinstance(moment, datetime.datetime):
        return formats.date_format(timezone.localtime(moment), "D j M, H:i")
    return formats.date_format(moment, "j M Y")


def _post_url(post: Post) -> str:
    return reverse("admin:blog_post_change", args=[post.pk])


def _colorway_url(colorway: Colorway) -> str:
    return reverse("admin:colorways_colorway_change", args=[colorway.pk])


def disputed_colorways():
    """Colorways with two sources of one fact that say different things."""
    disputed = (
        Source.objects.filter(colorway__isnull=False)
        .values("colorway", "fact")
        .annotate(claims=Count(Lower(Trim("claim")), distinct=True))
        .filter(claims__gt=1)
        .values("colorway")
    )
    return Colorway.objects.filter(pk__in=disputed)


def coming_without_retailer(today: datetime.date):
    """Announced or upcoming colorways that no shop lists yet."""
    coming = Q(release_until__isnull=True) | Q(release_until__gt=today)
    return Colorway.objects.filter(coming, listings__isnull=True)


def post_panels(user, now: datetime.datetime) -> list[Panel]:
    changelist = reverse("admin:blog_post_changelist")
    posts = Post.objects.without_bodies().select_related("author")
    scheduled = posts.filter(
        status=Post.Status.PUBLISHED,
        publish_at__gt=now,
        publish_at__lte=now + datetime.timedelta(days=SCHEDULE_DAYS),
    ).order_by("publish_at")
    in_review = posts.filter(status=Post.Status.REVIEW).order_by("updated_at")
    drafts = posts.filter(status=Post.Status.DRAFT, author__user=user).order_by("-updated_at")
    shown_drafts = list(drafts[:PANEL_SIZE])
    latest_step = {}
    for event in ReviewEvent.objects.filter(post__in=shown_drafts).order_by("created_at", "id"):
        latest_step[event.post_id] = event.kind
    return [
        Panel(
            title=f"Scheduled in the next {SCHEDULE_DAYS} days",
            items=[
                Item(p.title, _post_url(p), f"{_when(p.publish_at)} · {p.author}")
                for p in scheduled[:PANEL_SIZE]
            ],
            empty="Nothing is scheduled for the coming week.",
            count=scheduled.count(),
        ),
        Panel(
            title="Awaiting review",
            items=[
                Item(p.title, _post_url(p), f"{p.author} · since {_when(p.updated_at)}")
                for p in in_review[:PANEL_SIZE]
            ],
            empty="No post is waiting for review.",
            more_url=f"{changelist}?status__exact={Post.Status.REVIEW}",
            more_label="Open the review queue",
            count=in_review.count(),
        ),
        Panel(
            title="My drafts",
            items=[
                Item(
                    p.title,
                    _post_url(p),
                    ("Sent back · " if latest_step.get(p.pk) == ReviewEvent.Kind.SENT_BACK else "")
                    + f"saved {_when(p.updated_at)}",
                )
                for p in shown_drafts
            ],
            empty="You have no drafts. Add a post to start one.",
            more_url=f"{changelist}?status__exact={Post.Status.DRAFT}",
            more_label="All drafts",
            count=drafts.count(),
        ),
    ]


def colorway_panels(today: datetime.date) -> list[Panel]:
    changelist = reverse("admin:colorways_colorway_changelist")
    recent = Colorway.objects.select_related("collaborator").order_by("-updated_at")
    disputed = disputed_colorways().select_related("collaborator").prefetch_related("sources")
    unlisted = coming_without_retailer(today).select_related("collaborator")
    return [
        Panel(
            title="Recently changed colorways",
            items=[
                Item(c.title, _colorway_url(c), _when(c.updated_at)) for c in recent[:PANEL_SIZE]
            ],
            empty="No colorway yet.",
            more_url=f"{changelist}?o=-0",
            more_label="All colorways",
        ),
        Panel(
            title="Colorways with disputed facts",
            items=[
                Item(c.title, _colorway_url(c), ", ".join(c.disputes))
                for c in disputed.order_by("name")[:PANEL_SIZE]
            ],
            empty="Every fact's sources agree.",
            count=disputed.count(),
        ),
        Panel(
            title="Announced releases without a retailer",
            items=[
                Item(c.title, _colorway_url(c), c.release_display)
                for c in unlisted.order_by("release_date", "name")[:PANEL_SIZE]
            ],
            empty="Every announced release has a shop listing.",
            count=unlisted.count(),
        ),
    ]


def editor_dashboard(user, *, now: datetime.datetime | None = None) -> Dashboard:
    """The panels `user` may see: posts for those who may view posts, the catalogue
    for those who may view colorways."""
    now = now or timezone.now()
    dashboard = Dashboard()
    if user.has_perm("blog.view_post"):
        dashboard.panels += post_panels(user, now)
    if user.has_perm("colorways.view_colorway"):
        dashboard.panels += colorway_panels(timezone.localdate(now))
    return dashboard


def is_site_admin(user) -> bool:
    return user.is_superuser or user.groups.filter(name=SITE_ADMINS).exists()


def split_app_list(app_list: list[dict], *, show_technical: bool) -> tuple[list, list]:
    """The admin index's apps as (content, technical); technical is empty unless shown."""
    content, technical = [], []
    for app in app_list:
        label = app["app_label"]
        models = {True: [], False: []}
        for model in app["models"]:
            is_technical = (
                label in TECHNICAL_APPS or (label, model["object_name"]) in TECHNICAL_MODELS
            )
            models[is_technical].append(model)
        if models[False]:
            content.append({**app, "models": models[False]})
        if models[True] and show_technical:
            technical.append({**app, "models": models[True]})
    return content, technical
