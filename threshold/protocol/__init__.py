"""The protocol engine: policy packs as data, the decision engine and the document checker.

Pure Python: nothing here imports Django, so it runs from the CLI, in tests and in the app alike.

The app-facing API:

    pack = load_pack("ct-2025")                 # or load_pack("ct-2025", "1.0.0")
    pack.options                                # name -> OptionSpec(default, label, description)
    values = pack.resolve_options({"school_bus_is_public": True})   # raises OptionError
    decision = decide(facts, pack, values, signoff=None)            # facts: dict or Facts
    decide(facts, pack, values, language="es")  # steps, words, rules in Spanish (pack.languages)
    decision.as_dict()                          # the contract's JSON, plus steps, say, rules
    explain(decision, pack)                     # the same decision as text
    diff_packs(old_pack, new_pack).text()       # what a revision changes, for counsel

    findings = check_document(path_or_text, school="...", address="...", now=datetime(...))
    findings.as_dict()                          # type, facial_check, signed_by, expires, ...
    findings.as_fact()                          # {"type", "facial_check", "nondisclosure"}
"""

from __future__ import annotations

from threshold.protocol.diff import PackDiff, diff_packs
from threshold.protocol.engine import Decision, SignOff, decide
from threshold.protocol.explain import explain
from threshold.protocol.facts import Document, Facts, FactsError, parse_facts, parse_facts_json
from threshold.protocol.pack import (
    LanguageError,
    OptionError,
    OptionSpec,
    Pack,
    PackError,
    PackIssue,
    PackNotFound,
    default_pack_id,
    list_packs,
    load_pack,
    load_pack_file,
    load_pack_text,
)

__all__ = [
    "Decision",
    "Document",
    "Facts",
    "FactsError",
    "LanguageError",
    "OptionError",
    "OptionSpec",
    "Pack",
    "PackDiff",
    "PackError",
    "PackIssue",
    "PackNotFound",
    "SignOff",
    "decide",
    "default_pack_id",
    "diff_packs",
    "explain",
    "list_packs",
    "load_pack",
    "load_pack_file",
    "load_pack_text",
    "parse_facts",
    "parse_facts_json",
]
