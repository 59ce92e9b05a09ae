"""Services the tests start or reach (Redis, Varnish): missing, a test is skipped on a
developer's machine and fails where REQUIRE_SERVICES is set (CI), so a green run there
means every such test ran."""

import os
from typing import NoReturn

import pytest


def service_missing(message: str) -> NoReturn:
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(message)
    pytest.skip(message)
