"""Sign-in throttling: per account and address, per address, per account an hour; a
refused attempt costs no password hash and extends no lockout."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.db.models import F
from django.test import Client

from config.login_throttle import account_failure_limit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/account/login/"
PASSWORD = "correct horse battery"


class CountingHasher(MD5PasswordHasher):
    """The fast test hasher, counting every password it hashes or checks."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def hashes(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


@pytest.fixture
def editor(settings):
    return UserFactory(username="editor", is_staff=True)


def login(address, username, password="wrong"):
    form = {"login_view-current_step": "auth", "auth-username": username, "auth-password": password}
    return Client(REMOTE_ADDR=address).post(LOGIN_URL, form)


def later(minutes: float) -> None:
    """Move every recorded sign-in attempt and sign-in `minutes` into the past."""
    delta = timedelta(minutes=minutes)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - delta)
    AccessLog.objects.update(attempt_time=F("attempt_time") - delta)


def address(n: int) -> str:
    return f"198.51.{n // 250}.{n % 250 + 1}"


def test_an_address_trying_many_usernames_is_refused_without_hashing(hashes, editor):
    attacker = "203.0.113.5"
    for n in range(20):
        assert login(attacker, f"guess{n}").status_code == HTTPStatus.OK
    assert hashes.calls >= 20
    before = hashes.calls
    assert login(attacker, "guess-next").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert login(attacker, "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert hashes.calls == before
    assert login("203.0.113.6", "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_ten_clients_guessing_usernames_pay_for_at_most_twenty_hashes_each(hashes):
    statuses = [
        login(address(client), f"guess{n}").status_code for client in range(10) for n in range(22)
    ]
    assert statuses.count(HTTPStatus.TOO_MANY_REQUESTS) == 10 * 2
    assert hashes.calls <= 10 * 20


def test_a_locked_out_account_and_address_pair_costs_no_hash(hashes, editor):
    for _ in range(5):
        login("203.0.113.5", "editor")
    before = hashes.calls
    assert login("203.0.113.5", "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert hashes.calls == before


def test_an_account_is_refused_after_its_ceiling_from_any_address(hashes, editor):
    for n in range(25):
        assert login(address(n), "editor").status_code == HTTPStatus.OK
    before = hashes.calls
    assert login(address(99), "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert hashes.calls == before
    later(16)
    assert login(address(99), "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_no_account_takes_more_than_a_hundred_failures_in_any_hour(editor):
    """A slow, distributed guess: one attempt every 30 seconds, each from a new address."""
    checked_at = []
    for step in range(240):
        minute = step / 2
        if login(address(step), "editor").status_code == HTTPStatus.OK:
            checked_at.append(minute)
        later(0.5)
    assert len(checked_at) > 100, "the ceiling must lift again, not lock the account for good"
    for start in checked_at:
        assert sum(start <= t < start + 60 for t in checked_at) <= 100


def test_an_editor_keeps_signing_in_from_their_usual_address_while_the_account_is_attacked(
    editor,
):
    assert login("192.0.2.10", "editor", PASSWORD).status_code == HTTPStatus.FOUND
    for n in range(30):
        login(address(n), "editor")
    assert login(address(99), "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert login("192.0.2.10", "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_an_editor_behind_an_attacked_office_address_still_signs_in(editor):
    office = "192.0.2.10"
    assert login(office, "editor", PASSWORD).status_code == HTTPStatus.FOUND
    for n in range(25):
        login(office, f"guess{n}")
    assert login(office, "someone-else", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert login(office, "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_an_address_used_long_ago_is_not_trusted_any_more(editor):
    assert login("192.0.2.10", "editor", PASSWORD).status_code == HTTPStatus.FOUND
    later(91 * 24 * 60)
    for n in range(25):
        login(address(n), "editor")
    assert login("192.0.2.10", "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_retrying_while_locked_out_does_not_make_the_lockout_longer(editor):
    for _ in range(5):
        login("203.0.113.5", "editor")
    later(10)
    assert login("203.0.113.5", "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    later(6)
    assert login("203.0.113.5", "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_a_site_admin_unlocks_an_account_with_the_axes_command(editor):
    for n in range(25):
        login(address(n), "editor")
    assert login(address(99), "editor", PASSWORD).status_code == HTTPStatus.TOO_MANY_REQUESTS
    call_command("axes_reset_username", "editor", verbosity=0)
    assert login(address(99), "editor", PASSWORD).status_code == HTTPStatus.FOUND


def test_the_lockout_page_says_how_long_to_wait_and_whom_to_ask(editor):
    for _ in range(5):
        response = login("203.0.113.5", "editor")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    text = response.content.decode()
    assert "Sign-in paused" in text
    assert "Wait 15 minutes" in text
    assert "site administrator" in text
    assert 'href="/account/login/"' in text


@pytest.mark.parametrize(
    "per_hour, cool_off_minutes, expected",
    [(100, 15, 25), (100, 25, 33), (100, 60, 100), (100, 120, 100), (100, 7, 11), (3, 1, 1)],
)
def test_the_account_ceiling_per_cool_off_never_allows_more_an_hour(
    per_hour, cool_off_minutes, expected
):
    limit = account_failure_limit(per_hour=per_hour, cool_off=timedelta(minutes=cool_off_minutes))
    assert limit == expected
