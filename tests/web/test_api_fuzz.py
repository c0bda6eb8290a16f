"""The API fuzzed against its own OpenAPI spec with schemathesis, through the WSGI app: every
operation gets a bounded, reproducible set of generated requests (derandomized), sent with a
read-write bearer token so POSTs are authorised. No 500, every response as the spec says.

Then statefully: sequences of calls that follow the spec's links (a bank, its question, an
answer, the progress; a bank, a run started, its first position answered, the run, the
progress; the due cards, a front, its back, a rating, undo), so later calls get real ids and
a real `preview_at` instead of ones that only ever meet a 404."""

from __future__ import annotations

import copy
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
from schemathesis.schemas import BaseSchema
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


def without_shuffling(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with a run's shuffles pinned off. A shuffle is truly random, and Hypothesis
    needs the same calls to meet the same responses: a shuffled run's first question (so the
    answer its link sends, and whether that answer is right) would differ between runs."""
    pinned = copy.deepcopy(spec)
    for name in ("shuffle", "shuffle_choices"):
        pinned["components"]["schemas"]["RunOptions"]["properties"][name] = {"const": False}
    return pinned


# Only the spec's own links: schemathesis would also guess some from names (a bank id to the
# authors' pages), which spends the few steps on calls that can only be refused.
linked = schemathesis.openapi.from_dict(
    without_shuffling(openapi_spec()),
    config=SchemathesisConfig.from_dict(
        {"phases": {"stateful": {"inference": {"algorithms": []}}}}
    ),
)


# The run operations get scenarios of their own (the last test): mixed with the flashcard
# chains, neither chain reached its end in the few steps a scenario has.
RUN_OPERATIONS = ("startRun", "getRun", "answerInRun")
ACCOUNTS = count()  # a new account per scenario, across both stateful tests
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
    answered = follow_links(
        fuzzed_app, linked.exclude(operation_id=list(RUN_OPERATIONS)), LINKED_ONLY
    )
    # The links led somewhere: these are reached only through them, with ids from earlier
    # responses, and went through rather than meeting a refusal.
    assert ("GET /api/flashcards/cards/{bank_id}/{question_id}/back", 200) in answered
    assert ("POST /api/banks/{bank_id}/questions/{question_id}/answer", 200) in answered


def test_linked_run_calls_keep_the_spec(fuzzed_app: Flask) -> None:
    """A bank, a run of it started, position 1 answered, the run read, the progress. The
    random calls schemathesis starts scenarios with stay (a start or an answer with made-up
    ids, which meets a 404): without them Hypothesis found its data generation inconsistent
    (FlakyStrategyDefinition) whatever the seed."""
    operations = ("listBanks", "getBank", *RUN_OPERATIONS, "getProgress")
    answered = follow_links(
        fuzzed_app, linked.include(operation_id=list(operations)), (), examples=15, steps=8
    )
    assert ("POST /api/banks/{bank_id}/runs", 201) in answered
    assert ("POST /api/runs/{run_id}/questions/{position}/answer", 200) in answered
    assert ("GET /api/runs/{run_id}", 200) in answered


def follow_links(
    app: Flask,
    schema: BaseSchema,
    linked_only: tuple[str, ...],
    examples: int = 25,
    steps: int = 12,
) -> list[tuple[str, int]]:
    """Run `schema`'s state machine (no random calls of the `linked_only` root rules) with a
    new account per scenario, `examples` scenarios of up to `steps` calls; each call's
    (operation, status), in order."""
    workflow = schema.as_state_machine()
    assert set(linked_only) <= workflow.root_rules, "schemathesis renamed its root rules"
    answered: list[tuple[str, int]] = []

    class LinkedCalls(workflow):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            # Each scenario as a new account: the same calls then meet the same state, as
            # Hypothesis requires (a second rating of a card would be a 409, not a 200).
            self.token = new_token(app, f"linked-{next(ACCOUNTS)}")

        def get_call_kwargs(self, case: Case) -> dict[str, Any]:
            return {"app": app, "headers": {"Authorization": f"Bearer {self.token}"}}

        def after_call(self, response: Response, case: Case) -> None:
            answered.append((case.operation.label, response.status_code))

        def validate_response(
            self, response: Response, case: Case, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            case.validate_response(response, checks=list(CHECKS), transport_kwargs=kwargs)

    for name in linked_only:
        setattr(LinkedCalls, name, None)  # before the first run, when Hypothesis reads rules
    LinkedCalls.run(
        # No shrinking: replaying a failing scenario against a live database took minutes;
        # the unshrunk scenario is reported as it ran.
        settings=settings(
            BOUNDED, max_examples=examples, stateful_step_count=steps, phases=[Phase.generate]
        )
    )
    return answered
