import pytest
from django.db import transaction

from sizing import demo
from sizing.engine import Guide
from sizing.guide import build_guide


@pytest.fixture(scope="session")
def demo_guide(django_db_setup, django_db_blocker) -> Guide:
    """The guide exactly as the demo content builds it, read back from PostgreSQL.

    The demo rows are rolled back at once: tests get plain data, the database stays empty.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        demo.load()
        guide = build_guide()
        transaction.set_rollback(True)
    return guide


@pytest.fixture
def demo_content(db):
    """The demo sizing data in the test's own database transaction."""
    demo.load()
