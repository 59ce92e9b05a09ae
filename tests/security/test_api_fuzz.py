"""The JSON API fuzzed against its own OpenAPI schema, in process (no network).

schemathesis reads /api/openapi.json from the WSGI application, generates requests
for every operation and sends them to the same application. Every answer is checked:
never a 5xx, and it matches what the schema documents (status code, content type,
body). The same requests are sent again with a NUL character in one parameter. No
request changes stored data.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.security.fuzzing import row_counts

pytestmark = pytest.mark.django_db
EXAMPLES_PER_OPERATION = 40
# Every built-in check runs but one: the schema types parameters as strings and numbers, and a
# schema-valid value may still name no shoe or size (a documented 400), so "schema-valid
# data is always accepted" cannot hold for this API.


def api_operations(app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_api_operation_answers_generated_requests_as_its_schema_says(demo_site, wsgi_app):
    operations = api_operations(wsgi_app)
    assert {op.label for op in operations} >= {
        "GET /api/colorways/",
        "GET /api/colorways/{slug}/",
        "GET /api/collaborators/",
        "GET /api/sizing/recommend",
        "GET /api/sizing/shoes",
    }
    before = row_counts()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def answers_as_documented(case):
            # In process there is no HTTP client to undo the site's gzip.
            case.call_and_validate(
                headers={"Accept-Encoding": "identity"},
                excluded_checks=[positive_data_acceptance],
            )

        answers_as_documented()
    assert row_counts() == before


def with_a_nul(case, where: int):
    """`case` with a NUL character in one of its path or query parameters (chosen by
    `where`), or in a parameter of its own when the operation takes none."""
    parameters = [(case.path_parameters, name) for name in case.path_parameters or {}]
    parameters += [(case.query, name) for name in case.query or {}]
    if not parameters:
        case.query = {"ref": "\x00"}
        return case
    values, name = parameters[where % len(parameters)]
    value = values[name]
    values[name] = [f"{v}\x00" for v in value] if isinstance(value, list) else f"{value}\x00"
    return case


def test_every_api_operation_answers_a_nul_in_any_parameter_as_its_schema_says(demo_site, wsgi_app):
    before = row_counts()
    for operation in api_operations(wsgi_app):

        @given(case=operation.as_strategy(), where=st.integers(min_value=0, max_value=20))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION // 2,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def answers_as_documented(case, where):
            with_a_nul(case, where).call_and_validate(
                headers={"Accept-Encoding": "identity"},
                excluded_checks=[positive_data_acceptance],
            )

        answers_as_documented()
    assert row_counts() == before
