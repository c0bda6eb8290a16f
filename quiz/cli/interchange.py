"""`quiz import` and `quiz export`: banks in from Moodle GIFT, CSV and Anki; out to Anki, CSV
and GIFT. Kept apart so `quiz validate` never imports genanki or zstandard."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, Subcommands, print_problems, usage

if TYPE_CHECKING:
    from quiz.core.bank import Bank
    from quiz.core.interchange.records import Imported

_FORMATS = {".gift": "gift", ".csv": "csv", ".apkg": "anki", ".colpkg": "anki"}


def register(commands: Subcommands) -> None:
    importer = commands.add_parser(
        "import", help="make a bank from a Moodle GIFT, CSV or Anki file; print what was lost"
    )
    importer.add_argument("file", type=Path, help="a .gift, .csv, .apkg or .colpkg file")
    importer.add_argument(
        "-o", "--output", type=Path, help="the bank to write (default: FILE with .yaml)"
    )
    importer.add_argument(
        "--from",
        dest="reader",
        choices=["gift", "csv", "anki"],
        help="the input's format, when its extension does not say (e.g. a GIFT .txt)",
    )
    importer.add_argument(
        "--as",
        dest="row_type",
        choices=["card", "text"],
        default="card",
        help="CSV rows as flashcards (default) or typed-answer questions",
    )
    importer.add_argument("--title", help="the bank's title (default: the deck or file name)")
    importer.set_defaults(run=_import)

    exporter = commands.add_parser(
        "export", help="export a bank as an Anki deck, CSV or Moodle GIFT"
    )
    exporter.add_argument("file", type=Path, help="the bank file")
    exporter.add_argument("--format", choices=["apkg", "csv", "gift"], default="apkg")
    exporter.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    exporter.set_defaults(run=_export)


def _import(args: argparse.Namespace) -> int:
    reader = args.reader or _FORMATS.get(args.file.suffix.lower())
    if reader is None:
        return usage(
            f"cannot tell the format of {args.file} from its extension: "
            "give --from gift, --from csv or --from anki"
        )
    if args.row_type == "text" and reader != "csv":
        return usage("--as text is for CSV files (GIFT and Anki say each question's type)")
    output = args.output or args.file.with_suffix(".yaml")
    if output.exists():
        return usage(f"{output} exists: name another file with -o, or remove it first")
    raw = _read_bounded(args.file, reader)
    if isinstance(raw, str):
        print(raw, file=sys.stderr)
        return EXIT_PROBLEMS
    return import_bank(args.file, raw, reader, output, args)


def _read_bounded(path: Path, reader: str) -> bytes | str:
    """The file's bytes, or a `FILE:LINE: message` when it cannot be read or is too large."""
    from quiz.core.interchange.anki_reading import MAX_PACKAGE_BYTES
    from quiz.core.interchange.records import MAX_TEXT_BYTES

    limit = MAX_PACKAGE_BYTES if reader == "anki" else MAX_TEXT_BYTES
    try:
        size = path.stat().st_size
        if size > limit:  # checked before reading, so a huge file is never loaded
            return (
                f"{path}:1: the file is {size / 1e6:.1f} MB; the limit is {limit // 1_000_000} MB"
            )
        return path.read_bytes()
    except OSError as error:
        return f"{path}:1: cannot read the file: {error.strerror}"


def import_bank(path: Path, raw: bytes, reader: str, output: Path, args: argparse.Namespace) -> int:
    from quiz.core.interchange.bank_building import build_bank
    from quiz.core.interchange.records import InterchangeError

    title = args.title or path.stem.replace("_", " ").replace("-", " ").capitalize()
    try:
        imported = _read(reader, raw, title, args.row_type == "text")
    except InterchangeError as error:
        print(f"{path}:{error.where}: {error.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.title:
        imported.title = args.title
    for problem in imported.errors:
        print(f"{path}:{problem.where}: {problem.message}", file=sys.stderr)
    if imported.errors:
        count = len(imported.errors)
        problems = "the problem" if count == 1 else f"the {count} problems"
        print(f"quiz: nothing written: fix {problems} above", file=sys.stderr)
        return EXIT_PROBLEMS
    built = build_bank(imported, path.name)
    for where, note in built.notes:
        print(f"{path}:{where}: {note}", file=sys.stderr)
    if not built.question_count:
        print(f"quiz: {path} gave no question that could be imported", file=sys.stderr)
        return EXIT_PROBLEMS
    if built.problems:  # the builder validates and drops: left-overs are a bug, not the input's
        print_problems(built.problems)
        return EXIT_PROBLEMS
    try:
        output.write_text(built.text, encoding="utf-8")
    except OSError as error:
        return usage(f"{output}: cannot write the bank: {error.strerror}")
    dropped = len(imported.drafts) - built.question_count
    print(
        f"wrote {built.question_count} questions to {output}"
        + (f" ({dropped} dropped, see above)" if dropped else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def _read(reader: str, raw: bytes, title: str, as_text: bool) -> Imported:
    if reader == "gift":
        from quiz.core.interchange.gift_reading import read_gift

        return read_gift(raw, title)
    if reader == "csv":
        from quiz.core.interchange.csv_reading import read_csv

        return read_csv(raw, title, as_text)
    from quiz.core.interchange.anki_reading import read_anki

    return read_anki(raw, title)


def _export(args: argparse.Namespace) -> int:
    return export(args.file, args.format, args.output)


def export(path: Path, kind: str, output: Path) -> int:
    from quiz.core.banks.loading import load_bank

    loaded = load_bank(path)
    if loaded.bank is None:
        print_problems(loaded.problems)
        return EXIT_PROBLEMS
    if kind == "gift":
        return _export_gift(path, loaded.bank, output)
    from quiz.core.exporting import export_apkg, export_csv

    if kind == "csv":
        output.write_text(export_csv(loaded.bank), encoding="utf-8")
    else:
        export_apkg(loaded.bank, str(output), datetime.now(UTC).timestamp())
    print(f"wrote {len(loaded.bank.questions)} cards to {output}", file=sys.stderr)
    return EXIT_OK


def _export_gift(path: Path, bank: Bank, output: Path) -> int:
    from quiz.core.interchange.gift_writing import write_gift

    export = write_gift(bank)
    for question_id, reason in export.skipped:
        print(f"{path}: skipped {question_id}: {reason}", file=sys.stderr)
    for question_id, note in export.notes:
        print(f"{path}: {question_id}: not carried: {note}", file=sys.stderr)
    output.write_text(export.text, encoding="utf-8")
    written = len(bank.questions) - len(export.skipped)
    print(
        f"wrote {written} questions to {output}; {len(export.skipped)} skipped "
        "(GIFT has no place for quotes or the source article)",
        file=sys.stderr,
    )
    return EXIT_OK
