"""pint's unit registry, read from its disk cache when the caller keeps one.

pint keys a cached entry by the definitions' content but keeps the path it first read them
from, and checks that path again on every load. An entry written by another install of the
same pint (a virtualenv since removed, a release folder replaced) then fails the load with
FileNotFoundError, and with it every command and the app's start. The cache is only a
saving: such a cache is dropped and written anew, and without a usable one the registry is
built from the definitions.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import Any

import pint

CACHE_SUFFIXES = (".json", ".pickle")  # what pint's cache (flexcache) writes


def new_unit_registry(cache_folder: str | PathLike[str] | None = None) -> pint.UnitRegistry[Any]:
    if cache_folder is None:
        return pint.UnitRegistry()
    try:
        return pint.UnitRegistry(cache_folder=cache_folder)
    except OSError:
        _forget(Path(cache_folder))
    try:
        return pint.UnitRegistry(cache_folder=cache_folder)
    except OSError:  # still unusable (a read-only folder, say): no cache, then
        return pint.UnitRegistry()


def _forget(folder: Path) -> None:
    for entry in folder.glob("*"):
        if entry.suffix in CACHE_SUFFIXES:
            entry.unlink(missing_ok=True)
