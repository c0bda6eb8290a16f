"""`quiz new` and `quiz draft`: starting a bank, empty or drafted from an article."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from quiz.cli.common import EXIT_OK, EXIT_PROBLEMS, Subcommands, usage, use_unit_cache

SCHEMA_FILE = "bank.schema.json"
# Larger articles are drafted from their first part only; a draft reads at most this much.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024


def register(commands: Subcommands) -> None:
    new = commands.add_parser(
        "new", help="write NAME.yaml: a new bank with an example of every question type"
    )
    new.add_argument("name", type=Path, help="the bank file to write (.yaml is added if missing)")
    new.add_argument("--source", type=Path, metavar="ARTICLE", help="the article it draws from")
    new.add_argument("--title", help="the bank's title (default: from NAME)")
    new.set_defaults(run=_new)

    draft = commands.add_parser(
        "draft", help="draft a bank from a plain-text article: dates, measures, who said what"
    )
    draft.add_argument("article", type=Path, help="a UTF-8 plain-text article")
    draft.add_argument("-o", "--output", type=Path, metavar="FILE", help="the bank to write")
    draft.add_argument(
        "--max", type=int, default=60, metavar="N", help="at most N questions, best first (60)"
    )
    draft.add_argument("--title", help="the bank's title (default: from the article's name)")
    draft.set_defaults(run=_draft)


def schema_path() -> Path:
    """The shipped JSON Schema: in the package (wheel) or at the checkout's top level."""
    from quiz.resources import resource_dir

    return resource_dir("schema") / SCHEMA_FILE


def schema_reference(bank: Path) -> str:
    """How `bank` points at the schema: a relative path when they share a tree, else a URI."""
    schema = schema_path().resolve()
    folder = bank.resolve().parent
    if os.path.commonpath([schema, folder]) == schema.anchor:
        return schema.as_uri()
    return Path(os.path.relpath(schema, folder)).as_posix()


def _new(args: argparse.Namespace) -> int:
    from quiz.core.banks.template import new_bank

    path = args.name if args.name.suffix in (".yaml", ".yml") else args.name.with_suffix(".yaml")
    if path.exists():
        return usage(f"{path} already exists: choose another name, or delete it first")
    source, first_sentence = None, None
    if args.source is not None:
        sentence = _first_sentence(args.source)
        if isinstance(sentence, int):
            return sentence
        source, first_sentence = _relative(args.source, path), sentence
    title = args.title or path.stem.replace("-", " ").replace("_", " ").capitalize()
    text = new_bank(title, schema_reference(path), source, first_sentence)
    if (code := _write(path, text)) != EXIT_OK:
        return code
    print(f"wrote {path}: uncomment an example of each type you want, then `quiz validate`")
    return EXIT_OK


def _first_sentence(article: Path) -> str | int:
    from quiz.core.source import SourceError, read_article

    try:
        sentences = read_article(article).sentences
    except SourceError as error:
        return usage(str(error))
    if not sentences:
        return usage(f"{article} has no text to quote: give a plain-text article")
    return sentences[0].text


def _relative(target: Path, bank: Path) -> str:
    """`target` as the bank's `source`: relative to the bank when they share a tree."""
    target, folder = target.resolve(), bank.resolve().parent
    if os.path.commonpath([target, folder]) == target.anchor:
        return target.as_posix()
    return Path(os.path.relpath(target, folder)).as_posix()


def _write(path: Path, text: str) -> int:
    try:
        with path.open("x", encoding="utf-8") as file:  # "x": never overwrite a bank
            file.write(text)
    except FileExistsError:
        return usage(f"{path} already exists: choose another name, or delete it first")
    except OSError as error:
        return usage(f"cannot write {path}: {error.strerror}")
    return EXIT_OK


def _draft(args: argparse.Namespace) -> int:
    if args.max < 1:
        return usage("--max must be 1 or more")
    output = args.output or args.article.with_suffix(".yaml")
    if output.exists():
        return usage(f"{output} already exists: pass -o FILE to write the draft elsewhere")
    text = _article_text(args.article)
    if isinstance(text, int):
        return text
    return _write_draft(args, output, text)


def _article_text(path: Path) -> str | int:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        return usage(f"cannot read {path}: {error.strerror or error}")
    if len(raw) > MAX_ARTICLE_BYTES:
        return usage(f"{path} is over {MAX_ARTICLE_BYTES // 2**20} MB: draft from a shorter text")
    if b"\x00" in raw[:8192]:
        return usage(f"{path} looks like a binary file: give a plain-text (UTF-8) article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return usage(f"{path}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x}): save it as UTF-8")
    if not text.strip():
        return usage(f"{path} is empty: there is nothing to draft from")
    return text


def _write_draft(args: argparse.Namespace, output: Path, text: str) -> int:
    from quiz.core.drafting.drafting import MAX_CHARACTERS, draft_bank
    from quiz.core.source import Article

    use_unit_cache()
    notes = []
    if len(text) > MAX_CHARACTERS:
        cut = text.rfind("\n", 0, MAX_CHARACTERS)
        text = text[: cut if cut > 0 else MAX_CHARACTERS]
        notes.append(f"drafted from the first {len(text):,} characters only (the article is long)")
    article = Article.from_text(str(args.article), text)
    title = args.title or f"Draft: {args.article.stem.replace('_', ' ').replace('-', ' ')}"
    source = _relative(args.article, output)
    draft = draft_bank(article, title, source, args.max, schema_reference(output))
    for note in [*notes, *draft.notes]:
        print(f"note: {note}", file=sys.stderr)
    if draft.questions == 0:
        print(
            f"quiz: found no dates, measures, counts or attributed quotations in {args.article}; "
            "nothing drafted (start a bank by hand with `quiz new`)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if (code := _write(output, draft.yaml)) != EXIT_OK:
        return code
    print(f"wrote {output}: {draft.questions} draft question(s); reword, prune, `quiz validate`")
    return EXIT_OK
