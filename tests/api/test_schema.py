"""Schemathesis against the OpenAPI document: no server errors, responses match the schema.

The WSGI application runs in the test's thread and transaction (as Django's test client
does, the per-request connection cleanup is switched off), over a published cycle, the
coverage tables and a signed-in national committee member for the committee endpoints.
"""

import pytest
import schemathesis
from django.conf import settings as settings_
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth

from paritrana.accounts.models import Role
from tests.factories import user_with_role


@pytest.fixture
def api_schema(db, published, coverage_store):
    from paritrana.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def session_cookie(client, role, province=None):
    """The session cookie of a freshly signed-in user holding ``role``."""
    client.force_login(user_with_role(role, province))
    name = settings_.SESSION_COOKIE_NAME
    return {name: client.cookies[name].value}


@pytest.mark.parametrize("who", ["anonymous", "national", "province_32", "juror"])
def test_api_conforms_to_its_schema(api_schema, client, who):
    # schemathesis' pytest plugin does not run under pytest 9 yet: drive each operation's
    # hypothesis strategy directly, with the same checks (status codes, schemas, no 5xx).
    roles = {
        "national": (Role.NATIONAL_COMMITTEE, None),
        "province_32": (Role.PROVINCIAL_COMMITTEE, "32"),
        "juror": (Role.JUROR, None),
    }
    cookies = session_cookie(client, *roles[who]) if who in roles else None
    # ignored_auth replays a call "without" auth but keeps our session cookie: it applies to
    # the anonymous pass only (there, committee endpoints must answer 401).
    signed_in = [ignored_auth] if cookies else []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 9
    calls = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=20,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call_and_validate(cookies=cookies, excluded_checks=signed_in)
            calls.append((case.operation.path, response.status_code))

        check()
    statuses = {status for _path, status in calls}
    assert 200 in statuses  # the published fixtures were found, not only 404s
    assert not any(status >= 500 for status in statuses)


@pytest.mark.django_db
def test_openapi_document_lists_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/cycles",
        "/api/cycles/{cycle}",
        "/api/cycles/{cycle}/rounds/{round}/categories/{category}/results",
        "/api/results/{result_id}/scorecard",
        "/api/coverage/cycles",
        "/api/coverage/provinces",
        "/api/coverage/provinces/{code}/regencies",
        "/api/committee/cycles/{cycle}/status",
        "/api/committee/rounds/{round_id}/status",
    }
    assert all(set(ops) == {"get"} for ops in paths.values())  # read-only


def test_real_responses_match_the_schema(api_schema, published, client):
    """The fuzzed values rarely hit a published result: validate those answers too."""
    ops = {
        op.path.removeprefix("/api"): op for op in (r.ok() for r in api_schema.get_all_operations())
    }
    slug, result = published.cycle.slug, published.national.runs.first().results.first()
    cases = [
        ("/cycles", {}),
        ("/cycles/{cycle}", {"cycle": slug}),
        (
            "/cycles/{cycle}/rounds/{round}/categories/{category}/results",
            {"cycle": slug, "round": "national", "category": "PEMPROV"},
        ),
        ("/results/{result_id}/scorecard", {"result_id": result.pk}),
        ("/coverage/provinces/{code}/regencies", {"code": "32"}),
        ("/committee/cycles/{cycle}/status", {"cycle": slug}),
        ("/committee/rounds/{round_id}/status", {"round_id": published.provincial.pk}),
    ]
    cookies = session_cookie(client, Role.NATIONAL_COMMITTEE)
    for path, params in cases:
        case = ops[path].Case(path_parameters=params)
        response = case.call_and_validate(cookies=cookies, excluded_checks=[ignored_auth])
        assert response.status_code == 200, path
