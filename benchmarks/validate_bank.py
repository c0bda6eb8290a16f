"""Benchmark: validating a generated bank of N questions, against PyYAML's C loader alone.

Run by hand:  .venv/bin/python benchmarks/validate_bank.py [N]   (default 10,000)
It writes the bank to a temporary folder, then times, in the same run and interleaved,
`yaml.load(text, Loader=yaml.CSafeLoader)` (the bare baseline) and our `load_bank` (read,
parse with positions, validate, prepare every answer, grade every `check` example, find
every quote in the source), then `load_bank` again from a cache of validated banks (what a
restart or a new worker does). Ratios are the figure to trust: the machines here are noisy.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from quiz.core.banks.bank_cache import BankCache, CachedBank
from quiz.core.banks.loading import load_bank
from quiz.core.parsing.dates import parse_partial_date
from quiz.core.parsing.quantities import parse_quantity
from quiz.core.parsing.text import normalize

SEEDS = Path(__file__).parents[1] / "seeds"
TEMPLATES = [
    """  - id: text-{n}
    type: text
    prompt: Name the training ground ({n}).
    answer: Kharb-Maidon
    accept: [Kharb Maidon]
    quote: at the Kharb-Maidon training ground in Tajikistan
    check:
      right: ['kharb maidon', 'Kharb Maydon']
      wrong: ['Dushanbe']
""",
    """  - id: quantity-{n}
    type: quantity
    prompt: How far from the border ({n})?
    answer: 20 km
    quote: about 20 kilometers from Afghanistan’s northern border
    check:
      right: ['20 kilometres', '12.4 miles']
      wrong: ['20 kg', '20']
""",
    """  - id: date-{n}
    type: date
    prompt: Until when did the drills run ({n})?
    answer: April 18
    quote: set to run until April 18
    check:
      right: ['18 April', 'Apr 18th']
      wrong: ['April', '19 April']
""",
    """  - id: choice-{n}
    type: choice
    prompt: Where is the training ground ({n})?
    choices: [Afghanistan, Tajikistan, Russia]
    answer: Tajikistan
    check:
      right: ['Tajikistan']
      wrong: ['Russia']
""",
    """  - id: who-{n}
    type: who
    quote: Their main goal is to spread radical ideas
    answer: Sergei Shoigu
    check:
      right: ['Shoigu', 'Mr. Shoigu']
      wrong: ['Sergei']
""",
]


def generate(count: int, folder: Path) -> Path:
    (folder / "seeds").mkdir()
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / "seeds" / seed.name)
    source = next(SEEDS.iterdir()).name
    body = "".join(TEMPLATES[n % len(TEMPLATES)].format(n=n) for n in range(count))
    path = folder / "bank.yaml"
    path.write_text(f"title: Generated\nsource: seeds/{source}\nquestions:\n{body}", "utf-8")
    return path


def forget_parsed_values() -> None:
    """Empty the per-process caches of parsed answers, so every round pays for them once, as
    a worker loading the bank for the first time does (the unit registry stays built)."""
    for cached in (parse_quantity, parse_partial_date, normalize):
        cached.cache_clear()


def main(count: int = 10_000, rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = generate(count, Path(tmp))
        cache = BankCache(Path(tmp) / "cache", version="benchmark")
        size_mb = path.stat().st_size / 1e6
        baseline, ours, cached = [], [], []
        for _ in range(rounds):
            started = time.perf_counter()
            yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
            baseline.append(time.perf_counter() - started)
            forget_parsed_values()
            started = time.perf_counter()
            loaded = load_bank(path)
            ours.append(time.perf_counter() - started)
            assert loaded.ok, loaded.problems[:5]
            cache.put(
                path, path.read_bytes(), CachedBank(loaded.bank, loaded.warnings, loaded.article)
            )
            started = time.perf_counter()
            again = load_bank(path, cache)
            cached.append(time.perf_counter() - started)
            assert again.bank is not None and len(again.bank.questions) == count
    base, mine, fast = (statistics.median(times) for times in (baseline, ours, cached))
    print(f"{count} questions, {size_mb:.1f} MB, median of {rounds}")
    print(f"yaml.load(CSafeLoader):   {base:.3f} s")
    print(f"quiz load_bank:           {mine:.3f} s  ({mine / base:.2f}x the bare C loader)")
    print(
        f"load_bank from its cache: {fast:.3f} s  ({fast / base:.3f}x the bare C loader, "
        f"{fast / mine:.3f}x load_bank)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
