"""The API fuzzed against its own OpenAPI spec with schemathesis, through the WSGI app: every
operation gets a bounded, reproducible set of generated requests (derandomized), sent with a
read-write bearer token so POSTs are authorised. No 500, every response as the spec says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from quiz import create_app
from quiz.storage import create_learner
from quiz.storage.models import utcnow
from quiz.storage.tokens import create_token
from quiz.web.api.routes import openapi_spec
from quiz.web.database import get_session

CHECKS = (not_a_server_error, response_schema_conformance, status_code_conformance)
EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory, app_settings: Any) -> Flask:
    """One app for the whole module: a fresh one per example would be slower than the calls."""
    folder: Path = tmp_path_factory.mktemp("fuzz")
    return create_app(app_settings(folder), instance_path=str(folder / "instance"))


@pytest.fixture(scope="module")
def token(fuzzed_app: Flask) -> str:
    with fuzzed_app.app_context():
        db = get_session()
        made = create_token(
            db, create_learner(db, "fuzzer", "correct horse"), "fuzz", False, utcnow()
        )
        db.commit()
        return made.secret


# The spec the app serves at /api/openapi.json (a test there checks they are the same).
schema = schemathesis.openapi.from_dict(openapi_spec())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_spec(case: Any, fuzzed_app: Flask, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    case.call_and_validate(app=fuzzed_app, headers=headers, checks=list(CHECKS))
