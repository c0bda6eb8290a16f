"""The version of the code that is running, precise enough to key caches of its own results."""

from __future__ import annotations

import functools
import hashlib
import sys
from importlib import metadata
from pathlib import Path

# What shapes a validated bank besides our own code: pint names the units in it.
_LIBRARIES = ("quiz", "pint", "pyyaml")


@functools.cache
def code_version() -> str:
    """The installed versions, plus a fingerprint of the package's files (names, sizes and
    modification times): a checkout edited without a version bump must not be served banks
    that the code it had before validated. Stat-only, so a few milliseconds per process."""
    package = Path(__file__).parents[1]  # the quiz package
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        name = source.relative_to(package).as_posix()
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return "+".join([*(_installed(name) for name in _LIBRARIES), digest.hexdigest()[:16]])


def _installed(name: str) -> str:
    try:
        return f"{name}-{metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}-unknown"
