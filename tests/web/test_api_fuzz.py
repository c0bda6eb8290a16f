"""The API fuzzed against its own OpenAPI spec with schemathesis, through the WSGI app: every
operation gets a bounded, reproducible set of generated requests (derandomized), sent with a
read-write bearer token so POSTs are authorised. No 500, every response as the spec says.

Then statefully: sequences of calls that follow the spec's links (a bank, its question, an
answer, the progress; the due cards, a front, its back, a rating, undo), so later calls get
real ids and a real `preview_at` instead of ones that only ever meet a 404."""

from __future__ import annotations

from itertools import count
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, settings
from schemathesis import Case, Response
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
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
BOUNDED = settings(
    derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory, app_settings: Any) -> Flask:
    """One app for the whole module: a fresh one per example would be slower than the calls."""
    folder: Path = tmp_path_factory.mktemp("fuzz")
    return create_app(app_settings(folder), instance_path=str(folder / "instance"))


def new_token(app: Flask, username: str) -> str:
    """A read-write token of a new account: what a script would be given."""
    with app.app_context():
        db = get_session()
        made = create_token(
            db, create_learner(db, username, "correct horse"), "fuzz", False, utcnow()
        )
        db.commit()
        return made.secret


@pytest.fixture(scope="module")
def token(fuzzed_app: Flask) -> str:
    return new_token(fuzzed_app, "fuzzer")


# The spec the app serves at /api/openapi.json (a test there checks they are the same).
schema = schemathesis.openapi.from_dict(openapi_spec())


@schema.parametrize()
@settings(BOUNDED, max_examples=EXAMPLES_PER_OPERATION)
def test_the_api_keeps_its_spec(case: Any, fuzzed_app: Flask, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    case.call_and_validate(app=fuzzed_app, headers=headers, checks=list(CHECKS))


# Only the spec's own links: schemathesis would also guess some from names (a bank id to the
# authors' pages), which spends the few steps on calls that can only be refused.
linked = schemathesis.openapi.from_dict(
    openapi_spec(),
    config=SchemathesisConfig.from_dict(
        {"phases": {"stateful": {"inference": {"algorithms": []}}}}
    ),
)


# Answers and ratings start only from links: with made-up ids they can only meet a 404, which
# the test above sends plenty of, and they would spend the steps the chains need.
LINKED_ONLY = (
    "RANDOM__POST_api_banks_bank_id_questions_question_id_answer",
    "RANDOM__POST_api_flashcards_cards_bank_id__question_id_rate",
)


def test_linked_calls_keep_the_spec(fuzzed_app: Flask) -> None:
    """Scenarios of up to 12 calls: due → front → back → rate is four deep, and random
    starting calls share the steps. Schemathesis picks among a link's values with true
    randomness, so the scenarios vary a little from run to run; the asserts allow for it."""
    workflow = linked.as_state_machine()
    assert set(LINKED_ONLY) <= workflow.root_rules, "schemathesis renamed its root rules"
    answered: list[tuple[str, int]] = []

    accounts = count()

    class LinkedCalls(workflow):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            # Each scenario as a new account: the same calls then meet the same state, as
            # Hypothesis requires (a second rating of a card would be a 409, not a 200).
            self.token = new_token(fuzzed_app, f"linked-{next(accounts)}")

        def get_call_kwargs(self, case: Case) -> dict[str, Any]:
            return {"app": fuzzed_app, "headers": {"Authorization": f"Bearer {self.token}"}}

        def after_call(self, response: Response, case: Case) -> None:
            answered.append((case.operation.label, response.status_code))

        def validate_response(
            self, response: Response, case: Case, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            case.validate_response(response, checks=list(CHECKS), transport_kwargs=kwargs)

    for name in LINKED_ONLY:
        setattr(LinkedCalls, name, None)  # before the first run, when Hypothesis reads rules
    LinkedCalls.run(
        # No shrinking: replaying a failing scenario against a live database took minutes;
        # the unshrunk scenario is reported as it ran.
        settings=settings(BOUNDED, max_examples=25, stateful_step_count=12, phases=[Phase.generate])
    )
    # The links led somewhere: these are reached only through them, with ids from earlier
    # responses, and went through rather than meeting a refusal.
    assert ("GET /api/flashcards/cards/{bank_id}/{question_id}/back", 200) in answered
    assert ("POST /api/banks/{bank_id}/questions/{question_id}/answer", 200) in answered
