"""The sign-in throttle: django-axes' per-account-and-address lockout plus two wider limits.

django-axes locks a username at one address after LOGIN_FAILURE_LIMIT failures, but it
applies one failure limit to every combination it watches. This handler adds:

- a ceiling per client address, whatever the usernames tried, so that a client guessing
  many names is refused before any password is hashed;
- a ceiling per account, whatever the addresses, so that a distributed guess at one
  account gets at most LOGIN_ACCOUNT_FAILURES_PER_HOUR tries an hour (OWASP ASVS 2.2.1).

Neither wider limit applies where the account has signed in successfully from the same
address lately: an attacker elsewhere cannot lock an editor out of their usual network.
Axes refuses a locked-out attempt in its authentication backend, which runs before the
password backend, and (with AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT off) does not
count it, so a refused attempt costs no hash and extends no lockout.
"""

import math
from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

KNOWN_ADDRESS_DAYS = 90


def account_failure_limit(*, per_hour: int, cool_off: timedelta) -> int:
    """Failures allowed per account within one cool-off period, so that no hour has more
    than `per_hour`: an hour spans at most ceil(60 min / cool-off) such periods."""
    periods_per_hour = math.ceil(timedelta(hours=1) / cool_off)
    return max(1, per_hour // periods_per_hour)


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottle(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        if self._signed_in_lately(username, address):
            return False
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        if _failures(recent.filter(ip_address=address)) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return True
        account_limit = account_failure_limit(
            per_hour=settings.LOGIN_ACCOUNT_FAILURES_PER_HOUR, cool_off=get_cool_off(request)
        )
        return _failures(recent.filter(username=username)) >= account_limit

    @staticmethod
    def _signed_in_lately(username, address) -> bool:
        if not username or not address:
            return False
        since = timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS)
        return AccessLog.objects.filter(
            username=username, ip_address=address, attempt_time__gte=since
        ).exists()


def lockout_response(request, original_response=None, credentials=None):
    """The page a refused sign-in gets: what happened, how long to wait, whom to ask."""
    minutes = round(get_cool_off(request) / timedelta(minutes=1))
    return render(
        request,
        "two_factor/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
