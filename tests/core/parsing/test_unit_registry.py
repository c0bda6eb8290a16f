"""pint's disk cache written by another install does not stop the registry from loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pint
import pytest

from quiz.core.parsing.unit_registry import new_unit_registry


def stale_cache(tmp_path: Path) -> Path:
    """A cache folder whose entries name definition files that are gone: what an install
    (a virtualenv) leaves behind once it is removed. pint's own load then fails."""
    other_install, cache = tmp_path / "other-venv", tmp_path / "cache"
    other_install.mkdir()
    for name in ("default_en.txt", "constants_en.txt"):
        shutil.copy(Path(pint.__file__).parent / name, other_install / name)
    pint.UnitRegistry(filename=str(other_install / "default_en.txt"), cache_folder=cache)
    shutil.rmtree(other_install)
    with pytest.raises(FileNotFoundError):
        pint.UnitRegistry(cache_folder=cache)
    return cache


def test_a_cache_from_a_removed_install_is_written_anew(tmp_path: Path) -> None:
    cache = stale_cache(tmp_path)
    registry = new_unit_registry(cache)
    assert str(registry.Quantity("20 km").to("m")) == "20000.0 meter"
    pint.UnitRegistry(cache_folder=cache)  # the entries written anew load on their own


def test_an_unusable_cache_folder_still_gives_a_registry(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("")  # pint can neither read nor write a cache there
    with pytest.raises(OSError):
        pint.UnitRegistry(cache_folder=not_a_folder)
    assert new_unit_registry(not_a_folder).Quantity("3 kg").to("g").magnitude == 3000


def test_no_cache_folder_builds_from_the_definitions() -> None:
    assert new_unit_registry(None).Quantity("1 h").to("min").magnitude == 60
