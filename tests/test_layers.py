"""Dependencies point inward: web and CLI use storage and core, storage uses core, core uses
neither. Each module's imports are read from its source (every `import`, also inside functions
and under TYPE_CHECKING), so a layer can't lean outward even where nothing runs it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "quiz"
WEB_LIBRARIES = {"flask", "flask_wtf", "flask_login", "flask_limiter", "wtforms", "werkzeug"}
DATABASE_LIBRARIES = {"sqlalchemy", "alembic", "psycopg"}

# layer: (the parts of quiz it may import, the outside libraries it must not)
RULES = {
    "core": ({"quiz.core"}, WEB_LIBRARIES | DATABASE_LIBRARIES),
    "storage": ({"quiz.core", "quiz.storage"}, WEB_LIBRARIES),
    # web: anything but the CLI (server.py builds the app with the factory for gunicorn)
    "web": (
        {"quiz.core", "quiz.storage", "quiz.web", "quiz.config", "quiz.resources", "quiz.factory"},
        set(),
    ),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, package: str) -> set[str]:
    """Every module `source` imports (`from a import b` counts as `a.b`), relative imports
    resolved against `package`, the package the source file sits in."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(filter(None, [base, node.module]))
            modules |= {f"{module}.{alias.name}" for alias in node.names}
    return modules


def outward(modules: set[str], layer: str) -> list[str]:
    """The modules a file in `layer` must not import."""
    own_parts, banned_libraries = RULES[layer]
    return sorted(
        module
        for module in modules
        if module.split(".")[0] in banned_libraries
        or (module.split(".")[0] == "quiz" and ".".join(module.split(".")[:2]) not in own_parts)
    )


def outward_imports(path: Path, layer: str) -> list[str]:
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    return outward(imported_modules(path.read_text(encoding="utf-8"), package), layer)


LAYERED_FILES = [
    (layer, path) for layer in RULES for path in sorted((PACKAGE / layer).rglob("*.py"))
]


@pytest.mark.parametrize(
    ("layer", "path"),
    LAYERED_FILES,
    ids=[str(path.relative_to(PACKAGE)) for _, path in LAYERED_FILES],
)
def test_module_imports_nothing_from_an_outer_layer(layer: str, path: Path) -> None:
    assert outward_imports(path, layer) == []


@pytest.mark.parametrize(
    ("layer", "source", "expected"),
    [
        ("core", "from flask import g", ["flask.g"]),
        ("core", "import sqlalchemy.orm", ["sqlalchemy.orm"]),
        ("core", "from quiz.storage.models import Learner", ["quiz.storage.models.Learner"]),
        (
            "core",
            "def f():\n    from werkzeug.security import gen_salt",
            ["werkzeug.security.gen_salt"],
        ),
        ("core", "from ...storage import models", ["quiz.storage.models"]),
        ("core", "from quiz import web", ["quiz.web"]),
        ("core", "from .. import errors\nfrom quiz.core.grading import grade\nimport hashlib", []),
        ("storage", "from flask import current_app", ["flask.current_app"]),
        ("storage", "from quiz.web.database import get_session", ["quiz.web.database.get_session"]),
        ("storage", "from sqlalchemy import select\nfrom quiz.core import errors", []),
        ("web", "from quiz.cli.common import usage", ["quiz.cli.common.usage"]),
    ],
)
def test_the_rules_catch_an_outward_import(layer: str, source: str, expected: list[str]) -> None:
    # As if the source sat in quiz/<layer>/x/: the checker itself must be able to fail.
    assert outward(imported_modules(source, f"quiz.{layer}.x"), layer) == expected
