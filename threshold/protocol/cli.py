"""`threshold protocol`: decide, explain, list, diff and validate policy packs.

Pure Python: no Django, no database, no environment variables. Bad input exits 2 with one line on
stderr naming the problem; otherwise the command prints to stdout and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from threshold.cli_support import OneLineParser, UsageError, read_input
from threshold.protocol.diff import diff_packs
from threshold.protocol.engine import decide
from threshold.protocol.explain import explain
from threshold.protocol.facts import FactsError, parse_facts_json
from threshold.protocol.pack import (
    LanguageError,
    OptionError,
    Pack,
    PackError,
    PackNotFound,
    list_packs,
    load_pack,
    load_pack_file,
)

MAX_FACTS_BYTES = 1024 * 1024

DESCRIPTION = """\
Decide what an officer's request and documents permit at a school, under a policy pack.

  decide   FILE   the decision as JSON (access, student_contact, records, notify, log, ...)
  explain  FILE   the same decision as text a principal can follow
                  (both: --language es for the steps, words to say and rules in Spanish)
  packs           the policy packs available, with version and review status
  diff OLD NEW    what a pack revision changes, rule by rule, in plain words
  validate PATH   check a pack file and list every problem

FILE holds the encounter facts as JSON (or - for stdin). Packs are named by id (ct-2025),
id@version (ct-2025@1.0.0) or, with --pack-file, a path. Exit status 2 on bad input."""


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="threshold protocol",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("decide", "print the decision for the facts in FILE as JSON"),
        ("explain", "print the decision for the facts in FILE as readable text"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("file", metavar="FILE", help="encounter facts (JSON); - for stdin")
        source = sub.add_mutually_exclusive_group()
        source.add_argument(
            "--pack", metavar="ID[@VERSION]", help="a shipped pack (default: ct-2025)"
        )
        source.add_argument("--pack-file", metavar="PATH", help="a pack file to use instead")
        sub.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="NAME=true|false",
            help="a district option (repeatable); see `threshold protocol packs`",
        )
        sub.add_argument(
            "--language",
            default="en",
            metavar="LANG",
            help=(
                "language of the headline, steps, words to say, rule texts and review notice: "
                "one of the pack's languages (en, es; see `threshold protocol packs`); "
                "default en. The outcome codes do not change"
            ),
        )
    packs = commands.add_parser("packs", help="list the policy packs available")
    packs.add_argument("--text", action="store_true", help="a readable list instead of JSON")
    diff = commands.add_parser("diff", help="state what changes from pack OLD to pack NEW")
    diff.add_argument("old", metavar="OLD", help="pack id, id@version or .toml path")
    diff.add_argument("new", metavar="NEW", help="pack id, id@version or .toml path")
    diff.add_argument("--json", action="store_true", help="JSON instead of text")
    validate = commands.add_parser("validate", help="check pack files; list every problem")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        if args.command in {"decide", "explain"}:
            return _decide(args)
        if args.command == "packs":
            return _packs(args.text)
        if args.command == "diff":
            return _diff(args.old, args.new, args.json)
        return _validate(args.paths)
    except (UsageError, FactsError, OptionError, PackNotFound, LanguageError) as exc:
        return _fail(str(exc))
    except PackError as exc:
        return _fail(f"invalid policy pack: {exc.summary()}")


def _decide(args: argparse.Namespace) -> int:
    pack = load_pack_file(args.pack_file) if args.pack_file else load_pack(args.pack)
    options = _options(args.option)
    facts = parse_facts_json(_read(args.file))
    decision = decide(facts, pack, options, language=args.language)
    if args.command == "decide":
        print(json.dumps(decision.as_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(explain(decision, pack))
    return 0


def _options(pairs: list[str]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or value.lower() not in {"true", "false"}:
            raise UsageError(f"--option {pair!r}: expected NAME=true or NAME=false")
        options[name.strip()] = value.lower() == "true"
    return options


def _read(name: str) -> str:
    data = read_input(name, limit=MAX_FACTS_BYTES, too_large="is too large for encounter facts")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{name} is not UTF-8 text") from None


def _packs(as_text: bool) -> int:
    packs = list_packs()
    if not as_text:
        print(json.dumps({"packs": [pack.info() for pack in packs]}, indent=2, ensure_ascii=False))
        return 0
    for pack in packs:
        default = " (default)" if pack.default else ""
        print(f"{pack.id} {pack.version}{default}  effective {pack.effective}  {pack.jurisdiction}")
        print(f"  languages: {', '.join(pack.languages)}")
        print(f"  {pack.title}")
        print(f"  review: {pack.review.status.replace('_', ' ').lower()} - {pack.review.statement}")
        for option in pack.options.values():
            print(f"  option {option.name} = {str(option.default).lower()}: {option.label}")
    return 0


def _resolve(ref: str) -> Pack:
    if ref.endswith(".toml") or "/" in ref:
        return load_pack_file(ref)
    return load_pack(ref)


def _diff(old_ref: str, new_ref: str, as_json: bool) -> int:
    result = diff_packs(_resolve(old_ref), _resolve(new_ref))
    if as_json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(result.text())
    return 0


def _validate(paths: list[str]) -> int:
    failed = False
    for path in paths:
        try:
            pack = load_pack_file(path)
        except PackError as exc:
            failed = True
            print(exc.report(), file=sys.stderr)
            continue
        print(f"{path}: valid ({pack.id} {pack.version}, {len(pack.rules)} rules)")
    return 1 if failed else 0


def _fail(message: str) -> int:
    print(f"threshold protocol: {message.splitlines()[0] if message else 'error'}", file=sys.stderr)
    return 2
