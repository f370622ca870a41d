"""Property-based tests of the served OpenAPI document (schemathesis, in process over WSGI).

Every operation is called with generated requests, as an administrator (so that
writes go through): no response may be a server error (500) or break the schema; a
request the schema calls invalid is refused; one it calls valid is parsed (refused,
if at all, only for a rule about the stored data that no schema states: a figure
with no subject, an identifier taken, a pairing that does not exist). Examples are
kept few so that the whole run takes about a minute; ``schemathesis run`` with the
coverage phase over a served demo database is the thorough check (README, Measuring).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator, FormatChecker
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pairaid.accounts.services import token_create
from pairaid.api.errors import NOT_PARSED
from tests.web.factories import make_activity, make_figure, make_pairing, make_report, make_transaction, make_user


@schemathesis.check
def parsed_as_documented(ctx: Any, response: Any, case: schemathesis.Case) -> bool | None:
    """A request the schema calls valid is not refused for its shape (a 422 of the parser: NOT_PARSED).

    The generator does not always keep every keyword of a string's schema at once (a pattern
    with a maximum length), so a body it calls valid is checked against the schema first.
    """
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 422:
        return None
    error = response.json()["error"]
    if error["message"] != NOT_PARSED:
        return None  # refused by a rule about the stored data, which no schema states
    details = error["details"]
    if all(d["loc"][0] == "body" for d in details) and not _body_valid(case):
        return None
    raise AssertionError(f"the schema calls this request valid, the API refused it: {details}")


def _body_valid(case: schemathesis.Case) -> bool:
    body = case.operation.definition.raw["requestBody"]["content"]["application/json"]["schema"]
    document = {**body, "components": case.operation.schema.raw_schema["components"]}
    return bool(Draft202012Validator(document, format_checker=FormatChecker()).is_valid(case.body))


#: No server error; every response as documented (status, media type, headers, body); what the
#: schema forbids refused, what it allows parsed.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    parsed_as_documented,
]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# The coverage phase walks every boundary of every parameter: thorough but minutes long;
# the fuzzing phase with a few examples per operation keeps the run under a minute.
schema.config.phases.coverage.enabled = False


@pytest.fixture
def admin_token(db: None) -> Iterator[str]:
    # Django's WSGI handler closes the connection after each request; in a test that
    # would end the test's transaction (PostgreSQL), so do as Django's test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    make_user("api-admin", "administrator")
    pairing = make_pairing("370000", "650000")
    activity = make_activity(pairing, "ST-1")
    make_transaction(activity)
    make_figure("aid_funds", "1000", pairing=pairing)
    make_report(pairing)
    yield token_create(username="api-admin").token
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_conforms_to_its_schema(case: schemathesis.Case, admin_token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"}, checks=CHECKS)
