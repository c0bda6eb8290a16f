"""The lock files stay in step with pyproject.toml: every dependency pinned, in range, hashed.

A dependency added to pyproject.toml without rerunning scripts/lock fails here, before CI's
`pip install --require-hashes` does on a fresh machine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def wanted(*extras: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(text) for text in project["dependencies"]]
    for extra in extras:
        found += [Requirement(text) for text in project["optional-dependencies"][extra]]
    return found


@pytest.mark.parametrize(
    ("lock", "extras"), [("runtime.txt", ("postgres", "redis")), ("test.txt", ("test",))]
)
def test_every_dependency_is_pinned_within_its_range(lock: str, extras: tuple[str, ...]) -> None:
    pinned = pins(lock)
    problems = []
    for requirement in wanted(*extras):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in requirements/{lock}")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside '{requirement}'")
    assert not problems, "run scripts/lock:\n" + "\n".join(problems)


@pytest.mark.parametrize("lock", ["runtime.txt", "test.txt"])
def test_every_pin_carries_a_hash(lock: str) -> None:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [
        entry.split()[0] for entry in entries if "==" in entry and "--hash=sha256:" not in entry
    ]
    assert not unhashed
    assert "file://" not in text and "--index-url" not in text  # nothing of one machine's setup
