"""The review workflow of posts: draft -> in review -> published, and back.

Writers write drafts and submit them; editors (who hold `blog.publish_post`) send
them back with a comment, publish or schedule them. What a save does to a post's
status is decided here, from the stored status, never from what a writer's form sent.
"""

from dataclasses import dataclass
from enum import StrEnum

from blog.models import Post, ReviewEvent

PUBLISH_PERMISSION = "blog.publish_post"


class Action(StrEnum):
    SUBMIT = "submit"
    SEND_BACK = "send_back"
    PUBLISH = "publish"


# The submit buttons of the post form, by the name they post.
BUTTONS = {
    "_submit_review": Action.SUBMIT,
    "_send_back": Action.SEND_BACK,
    "_publish": Action.PUBLISH,
}


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str
    event: str | None  # a ReviewEvent.Kind, when the save is a step of the review


def action_from(data) -> Action | None:
    """The review button an editor pressed, from the submitted form."""
    return next((action for name, action in BUTTONS.items() if name in data), None)


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def refusal(*, action: Action | None, before: str | None, publisher: bool, comment: str) -> str:
    """Why the pressed button cannot be used, in a sentence; empty when it can."""
    if action in (Action.PUBLISH, Action.SEND_BACK) and not publisher:
        return "Only editors can publish, schedule or send back a post."
    if action is Action.SEND_BACK and before != Post.Status.REVIEW:
        return "Only a post in review can be sent back."
    if action is Action.SEND_BACK and not comment.strip():
        return "Say what the writer should change before sending the post back."
    return ""


def decide(
    *, before: str | None, wanted: str, action: Action | None, publisher: bool, scheduled: bool
) -> Outcome:
    """The status a save leaves a post in, and the review step it records.

    `before` is the stored status (None for a new post), `wanted` the status in the
    form, which only editors can change; `scheduled` says the publish date is ahead.
    """
    current = before or Post.Status.DRAFT
    if not publisher:
        if action is Action.SUBMIT and current == Post.Status.DRAFT:
            return Outcome(Post.Status.REVIEW, ReviewEvent.Kind.SUBMITTED)
        return Outcome(current, None)
    status = {
        Action.SUBMIT: Post.Status.REVIEW,
        Action.SEND_BACK: Post.Status.DRAFT,
        Action.PUBLISH: Post.Status.PUBLISHED,
        None: wanted,
    }[action]
    return Outcome(status, _event(current, status, action, scheduled))


def _event(before: str, after: str, action: Action | None, scheduled: bool) -> str | None:
    if action is Action.SEND_BACK:
        return ReviewEvent.Kind.SENT_BACK
    if after == Post.Status.PUBLISHED and before != Post.Status.PUBLISHED:
        return ReviewEvent.Kind.SCHEDULED if scheduled else ReviewEvent.Kind.PUBLISHED
    if before == Post.Status.PUBLISHED and after != Post.Status.PUBLISHED:
        return ReviewEvent.Kind.UNPUBLISHED
    if after == Post.Status.REVIEW and before != Post.Status.REVIEW:
        return ReviewEvent.Kind.SUBMITTED
    return None


def latest_feedback(post: Post) -> ReviewEvent | None:
    """The comment of the last time the post was sent back, while it is a draft again."""
    if post.pk is None or post.status != Post.Status.DRAFT:
        return None
    last = post.review_events.select_related("actor").first()
    return last if last and last.kind == ReviewEvent.Kind.SENT_BACK else None
