"""Policy packs: the rules as data, read from TOML, validated against the schema below.

A pack holds no code. It says, for each document class (and whether the document passed its
surface checks), what follows for each kind of request; what follows when no document governs;
how documents, an emergency and an officer going on without consent combine; who is told; what is
logged; which steps are read out and which words staff may use; and the citation, with its
verification tag, for every rule. `docs/policy-packs.md` describes the format for counsel.

Loading checks everything and reports *every* problem with its file, table and key. A pack with a
gap (a document class, facial-check group or request without a rule) is refused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from threshold.protocol.conditions import Condition, Stage, parse_condition
from threshold.protocol.vocab import (
    INFORMATION_REQUESTS,
    LANGUAGES,
    PHYSICAL_REQUESTS,
    Access,
    Agency,
    Channel,
    DocType,
    Exigency,
    FacialCheck,
    Identification,
    Log,
    Notify,
    Place,
    Records,
    Request,
    StudentContact,
)

PACKS_DIR = Path(__file__).resolve().parent / "packs"
TAGS = ("V", "B", "D")
FAMILIES = ("judicial", "administrative", "request", "unknown")
GROUPS_WITH_CHECKS = ("valid", "failed", "unchecked")
GROUP_WITHOUT_CHECKS = "always"
PLACEHOLDERS = frozenset(
    {
        "documents",
        "document_checks",
        "place",
        "missing_identification",
        "requests",
        "exigency",
        "agency",
    }
)
SOURCE_LANGUAGE = "en"  # the language every pack is written in; others are translations
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


# A table's translations: language -> field -> text (e.g. {"es": {"title": ..., "text": ...}}).
Translations = Mapping[str, Mapping[str, str]]
_T = TypeVar("_T")


def _localized(item: _T, language: str) -> _T:
    """A copy of a pack item whose person-readable fields are in `language`."""
    texts = getattr(item, "translations", {}).get(language)
    return dataclasses.replace(item, **texts) if texts else item  # type: ignore[type-var]


def placeholder_names(text: str) -> frozenset[str]:
    """The {placeholders} a text uses (raises ValueError on a malformed brace)."""
    formatter = string.Formatter()
    return frozenset(name for _, name, _, _ in formatter.parse(text) if name is not None)


class LanguageError(ValueError):
    """A language the pack has no texts for."""


class PackError(Exception):
    """A pack could not be loaded; `issues` lists every problem found."""

    def __init__(self, issues: list[PackIssue]) -> None:
        self.issues = issues
        super().__init__(self.summary())

    def summary(self) -> str:
        first = self.issues[0]
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        return f"{first}{more}"

    def report(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)


@dataclass(frozen=True)
class PackIssue:
    file: str
    table: str
    key: str
    message: str

    def __str__(self) -> str:
        where = f"[{self.table}]" if self.table else "(top level)"
        key = f" {self.key}:" if self.key else ""
        return f"{self.file}: {where}{key} {self.message}"


@dataclass(frozen=True)
class Citation:
    id: str
    name: str
    kind: str
    tag: str
    url: str | None
    note: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "tag": self.tag,
            "url": self.url,
            "note": self.note,
        }


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    text: str
    cites: tuple[str, ...]
    tag: str
    domain: str | None
    translations: Translations = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class OptionSpec:
    name: str
    default: bool
    label: str
    description: str
    rule: str
    translations: Translations = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": "bool",
            "default": self.default,
            "label": self.label,
            "description": self.description,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Outcome:
    """One case of a rule for one request: when it applies, and what follows."""

    rule: str
    when: Condition = field(default_factory=Condition)
    defer: bool = False
    access: Access | None = None
    student_contact: StudentContact | None = None
    records: Records | None = None

    def describe(self) -> str:
        from threshold.protocol.vocab import words

        if self.defer:
            return "adds nothing: decided as if this document had not been presented"
        parts = []
        if self.access:
            parts.append(f"access: {words('access', self.access)}")
        if self.student_contact:
            parts.append(f"student: {words('student_contact', self.student_contact)}")
        if self.records:
            parts.append(f"records: {words('records', self.records)}")
        return "; ".join(parts)


@dataclass(frozen=True)
class RequestRules:
    """The cases for each request, first match wins; the last case always applies."""

    rank: int
    cases: Mapping[Request, tuple[Outcome, ...]]


@dataclass(frozen=True)
class DocumentClass:
    type: DocType
    label: str
    summary: str
    family: str
    rule: str
    checks_apply: bool
    groups: Mapping[str, RequestRules]
    translations: Translations = field(default_factory=dict, compare=False)

    def group_name(self, facial: FacialCheck, facial_groups: Mapping[str, frozenset[str]]) -> str:
        if not self.checks_apply:
            return GROUP_WITHOUT_CHECKS
        for name in GROUPS_WITH_CHECKS:
            if facial.value in facial_groups[name]:
                return name
        raise AssertionError(f"facial check {facial} has no group")  # validation prevents it


@dataclass(frozen=True)
class PlaceSpec:
    place: Place
    label: str
    public: bool | None
    public_option: str | None
    translations: Translations = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Override:
    id: str
    when: Condition
    access: Access | None
    student_contact: StudentContact | None
    records: Records | None
    rule: str


@dataclass(frozen=True)
class FlagRule:
    id: str
    when: Condition
    value: bool
    rule: str


@dataclass(frozen=True)
class ListRule:
    id: str
    when: Condition
    add: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class TextRule:
    id: str
    order: int
    when: Condition
    text: str
    rule: str
    translations: Translations = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Authentication:
    unverifiable_agencies: frozenset[str]
    unverifiable_channels: frozenset[str]
    required_identification: frozenset[str]
    minimum_identification: int
    rule: str


@dataclass(frozen=True)
class ExigencyPolicy:
    recognized: frozenset[str]
    recognized_from: frozenset[str]
    rules: Mapping[Exigency, str]


@dataclass(frozen=True)
class Combine:
    access: tuple[Access, ...]
    student_contact: tuple[StudentContact, ...]
    records: tuple[Records, ...]
    access_baseline: Access
    student_contact_baseline: StudentContact


@dataclass(frozen=True)
class Review:
    status: str
    statement: str
    notice: str
    translations: Translations = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    effective: date
    jurisdiction: str
    title: str
    description: str
    default: bool
    review: Review
    options: Mapping[str, OptionSpec]
    agency_groups: Mapping[str, frozenset[str]]
    places: Mapping[Place, PlaceSpec]
    authentication: Authentication
    exigency: ExigencyPolicy
    facial_groups: Mapping[str, frozenset[str]]
    combine: Combine
    documents: Mapping[DocType, DocumentClass]
    no_document: RequestRules
    no_document_label: str
    overrides: tuple[Override, ...]
    consult_counsel: tuple[FlagRule, ...]
    do_not_obstruct: tuple[FlagRule, ...]
    notify: tuple[ListRule, ...]
    log: tuple[ListRule, ...]
    steps: tuple[TextRule, ...]
    say: tuple[TextRule, ...]
    recipients: Mapping[str, str]
    rules: Mapping[str, Rule]
    citations: Mapping[str, Citation]
    path: Path | None
    digest: str
    languages: tuple[str, ...] = (SOURCE_LANGUAGE,)
    language: str = SOURCE_LANGUAGE  # the language of this object's texts
    # title, description and no_document_label; recipients' labels: language -> name -> label
    translations: Translations = field(default_factory=dict, compare=False)
    recipient_translations: Translations = field(default_factory=dict, compare=False)
    _localized_packs: dict[str, Pack] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def in_language(self, language: str) -> Pack:
        """The same pack with every person-readable text in `language`: steps, words to say,
        rules, document labels and summaries, places, recipients, options and the review notice.

        Citations stay as written (names of laws and forms). Raises `LanguageError` for a
        language the pack does not declare."""
        if language == self.language:
            return self
        if language not in self.languages:
            raise LanguageError(
                f"pack {self.id} has no texts in {language!r} "
                f"(its languages: {', '.join(self.languages)})"
            )
        if self.language != SOURCE_LANGUAGE:
            return self._source().in_language(language)
        cached = self._localized_packs.get(language)
        if cached is not None:
            return cached
        own = dict(self.translations.get(language, {}))
        labels = self.recipient_translations.get(language, {})
        localized = dataclasses.replace(
            self,
            language=language,
            title=own.get("title", self.title),
            description=own.get("description", self.description),
            no_document_label=own.get("no_document_label", self.no_document_label),
            review=_localized(self.review, language),
            options={k: _localized(v, language) for k, v in self.options.items()},
            places={k: _localized(v, language) for k, v in self.places.items()},
            documents={k: _localized(v, language) for k, v in self.documents.items()},
            steps=tuple(_localized(rule, language) for rule in self.steps),
            say=tuple(_localized(rule, language) for rule in self.say),
            recipients={k: labels.get(k, v) for k, v in self.recipients.items()},
            rules={k: _localized(v, language) for k, v in self.rules.items()},
            _localized_packs={SOURCE_LANGUAGE: self},
        )
        self._localized_packs[language] = localized
        return localized

    def _source(self) -> Pack:
        return self._localized_packs[SOURCE_LANGUAGE]

    def resolve_options(self, overrides: Mapping[str, object] | None = None) -> dict[str, bool]:
        """The district's option values: the pack's defaults with `overrides` applied."""
        values = {name: spec.default for name, spec in self.options.items()}
        for name, value in (overrides or {}).items():
            if name not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                raise OptionError(f"unknown option {name!r} for pack {self.id} (known: {known})")
            if not isinstance(value, bool):
                raise OptionError(f"option {name} must be true or false, got {value!r}")
            values[name] = value
        return values

    def info(self) -> dict[str, object]:
        """A summary for listings (`threshold protocol packs`)."""
        return {
            "id": self.id,
            "version": self.version,
            "effective": self.effective.isoformat(),
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "default": self.default,
            "languages": list(self.languages),
            "review": {
                "status": self.review.status,
                "statement": self.review.statement,
            },
            "options": [spec.as_dict() for spec in self.options.values()],
            "digest": self.digest,
            "file": self.path.name if self.path else None,
        }


class OptionError(ValueError):
    """A district option that the pack does not define, or of the wrong type."""


# ---------------------------------------------------------------------------------------------
# Loading


def load_pack(pack_id: str | None = None, version: str | None = None) -> Pack:
    """Load a shipped pack by id (default: the default pack) and version (default: newest)."""
    if pack_id is not None and "@" in pack_id and version is None:
        pack_id, version = pack_id.split("@", 1)
    candidates = _shipped_files()
    if pack_id is None:
        pack_id = default_pack_id()
    matching = [(pid, ver, path) for pid, ver, path in candidates if pid == pack_id]
    if not matching:
        known = ", ".join(sorted({pid for pid, _, _ in candidates})) or "none"
        raise PackNotFound(f"no policy pack {pack_id!r} (available: {known})")
    packs = [load_pack_file(path) for _, _, path in matching]
    if version is not None:
        for pack in packs:
            if pack.version == version:
                return pack
        known = ", ".join(sorted(p.version for p in packs))
        raise PackNotFound(f"pack {pack_id} has no version {version!r} (available: {known})")
    return max(packs, key=lambda p: _version_key(p.version))


def list_packs() -> list[Pack]:
    """Every shipped pack (all versions), newest first within an id."""
    packs = [load_pack_file(path) for _, _, path in _shipped_files()]
    return sorted(packs, key=lambda p: (p.id, [-n for n in _version_key(p.version)]))


def default_pack_id() -> str:
    """The id of the shipped pack marked `default = true`."""
    for _, _, path in _shipped_files():
        data = _read_toml_quietly(path)
        pack = data.get("pack") if isinstance(data, dict) else None
        if (
            isinstance(pack, dict)
            and pack.get("default") is True
            and isinstance(pack.get("id"), str)
        ):
            return str(pack["id"])
    raise PackNotFound("no shipped policy pack is marked as the default")


class PackNotFound(LookupError):
    """No pack with that id or version."""


def _shipped_files() -> list[tuple[str, str | None, Path]]:
    found = []
    for path in sorted(PACKS_DIR.glob("*.toml")):
        stem = path.stem
        pack_id, _, version = stem.partition("@")
        found.append((pack_id, version or None, path))
    return found


def _read_toml_quietly(path: Path) -> object:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")) if _VERSION.match(version) else (0,)


def load_pack_file(path: str | Path) -> Pack:
    """Load and validate one pack file; raise `PackError` listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        issue = PackIssue(path.name, "", "", f"cannot be read: {exc.strerror or exc}")
        raise PackError([issue]) from None
    return _load_cached(raw, path.name, path)


@lru_cache(maxsize=32)
def _load_cached(raw: bytes, name: str, path: Path) -> Pack:
    # Keyed by the file's bytes: an edited pack is read again, an unchanged one is not.
    return load_pack_text(raw, name=name, path=path)


def load_pack_text(raw: bytes | str, *, name: str = "<pack>", path: Path | None = None) -> Pack:
    """Load and validate a pack from its TOML text."""
    data_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError([PackIssue(name, "", "", "is not UTF-8 text")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError([PackIssue(name, "", "", f"is not valid TOML: {exc}")]) from None
    builder = _Builder(name, data, path, hashlib.sha256(data_bytes).hexdigest())
    return builder.build()


# ---------------------------------------------------------------------------------------------
# Validation and construction


class _Builder:
    """Reads the TOML tables into a `Pack`, collecting every problem on the way."""

    def __init__(self, name: str, data: dict[str, Any], path: Path | None, digest: str) -> None:
        self.name = name
        self.data = data
        self.path = path
        self.digest = digest
        self.issues: list[PackIssue] = []
        self.rule_refs: list[tuple[str, str, str]] = []  # (table, key, rule id)
        self.option_names: dict[str, object] = {}
        self.agency_groups: dict[str, frozenset[str]] = {}
        self.output_values: dict[str, frozenset[str]] = {}
        self.languages: tuple[str, ...] = (SOURCE_LANGUAGE,)

    # -- reporting helpers

    def issue(self, table: str, key: str, message: str) -> None:
        self.issues.append(PackIssue(self.name, table, key, message))

    def table(self, parent: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = parent.get(key)
        if value is None:
            self.issue(where, key, "missing table")
            return {}
        if not isinstance(value, dict):
            self.issue(where, key, "must be a table")
            return {}
        return value

    def string(self, tbl: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = tbl.get(key)
        if value is None:
            if required:
                self.issue(where, key, "missing (a string is required)")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.issue(where, key, "must be a non-empty string")
            return ""
        return value.strip()

    def translations(
        self, tbl: Mapping[str, Any], where: str, english: Mapping[str, str]
    ) -> dict[str, dict[str, str]]:
        """Read `translations.LANG.FIELD` for each declared language other than English.

        `english` maps each translatable field of the table to its English text (already read;
        empty when absent). Every declared language must translate every field that has English
        text, with the same placeholders."""
        others = [lang for lang in self.languages if lang != SOURCE_LANGUAGE]
        raw = tbl.get("translations", {})
        if not isinstance(raw, dict):
            self.issue(where, "translations", "must be a table of languages (translations.es...)")
            raw = {}
        for lang in raw:
            if lang not in others:
                declared = ", ".join(others) or "none besides en"
                self.issue(
                    where,
                    f"translations.{lang}",
                    f"language not declared in [pack] languages (translations: {declared})",
                )
        out: dict[str, dict[str, str]] = {}
        for lang in others:
            entry = raw.get(lang, {})
            if not isinstance(entry, dict):
                self.issue(where, f"translations.{lang}", "must be a table of texts")
                entry = {}
            for key in entry:
                if key not in english:
                    allowed = ", ".join(english) or "none"
                    self.issue(
                        where, f"translations.{lang}.{key}", f"unknown key (translated: {allowed})"
                    )
            texts: dict[str, str] = {}
            for name, source in english.items():
                if not source:
                    continue  # no English text here (optional, or already reported)
                key = f"translations.{lang}.{name}"
                value = entry.get(name)
                if value is None:
                    self.issue(
                        where, key, f"missing: the pack declares {lang!r}; translate the {name}"
                    )
                    continue
                if not isinstance(value, str) or not value.strip():
                    self.issue(where, key, "must be a non-empty string")
                    continue
                self._same_placeholders(source, value, where, key)
                texts[name] = value.strip()
            out[lang] = texts
        return out

    def _same_placeholders(self, source: str, text: str, where: str, key: str) -> None:
        try:
            wanted = placeholder_names(source)
        except ValueError:
            return  # the English text's own problem, reported where it is read
        try:
            found = placeholder_names(text)
        except ValueError as exc:
            self.issue(where, key, f"bad placeholder: {exc}")
            return
        if found != wanted:
            self.issue(
                where,
                key,
                "placeholders differ from the English text "
                f"(English: {_braced(wanted)}; here: {_braced(found)})",
            )

    def _languages(self, meta: Mapping[str, Any]) -> tuple[str, ...]:
        value = meta.get("languages", [SOURCE_LANGUAGE])
        known = ", ".join(LANGUAGES)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.issue("pack", "languages", 'must be a list of language codes, e.g. ["en", "es"]')
            return (SOURCE_LANGUAGE,)
        if not value or value[0] != SOURCE_LANGUAGE:
            self.issue("pack", "languages", 'must start with "en", the language of the pack text')
        out: list[str] = [SOURCE_LANGUAGE]
        for lang in value:
            if lang not in LANGUAGES:
                self.issue("pack", "languages", f"unknown language {lang!r} (known: {known})")
            elif lang in out and lang != SOURCE_LANGUAGE:
                self.issue("pack", "languages", f"{lang!r} is listed twice")
            elif lang not in out:
                out.append(lang)
        return tuple(out)

    def unknown_keys(self, tbl: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
        allowed_set = set(allowed)
        for key in tbl:
            if key not in allowed_set:
                self.issue(where, key, f"unknown key (allowed: {', '.join(sorted(allowed_set))})")

    def enum_value(self, value: object, enum: Any, where: str, key: str) -> Any:
        if not isinstance(value, str):
            self.issue(where, key, f"must be one of {', '.join(m.value for m in enum)}")
            return None
        try:
            return enum(value)
        except ValueError:
            self.issue(
                where, key, f"unknown value {value!r} (expected {', '.join(m.value for m in enum)})"
            )
            return None

    def rule_ref(self, value: object, where: str, key: str = "rule") -> str:
        if not isinstance(value, str) or not value:
            self.issue(where, key, "must name a rule in [rules]")
            return ""
        self.rule_refs.append((where, key, value))
        return value

    def condition(self, raw: object, where: str, max_stage: Stage) -> Condition:
        return parse_condition(
            raw,
            groups=self.agency_groups,
            options=self.option_names,
            max_stage=max_stage,
            report=lambda key, message: self.issue(where, key, message),
            outputs=self.output_values,
        )

    # -- the build

    def build(self) -> Pack:
        data = self.data
        self.unknown_keys(
            data,
            {
                "pack",
                "review",
                "options",
                "groups",
                "places",
                "authentication",
                "exigency",
                "facial",
                "combine",
                "outcomes",
                "tables",
                "documents",
                "no_document",
                "overrides",
                "consult_counsel",
                "do_not_obstruct",
                "notify",
                "log",
                "steps",
                "say",
                "recipients",
                "rules",
                "citations",
            },
            "",
        )
        meta = self.table(data, "pack", "")
        self.unknown_keys(
            meta,
            {
                "id",
                "version",
                "effective",
                "jurisdiction",
                "title",
                "description",
                "default",
                "languages",
                "translations",
            },
            "pack",
        )
        self.languages = self._languages(meta)
        pack_id = self.string(meta, "id", "pack")
        if pack_id and not _ID.match(pack_id):
            self.issue("pack", "id", "must be lower-case letters, digits, dots and hyphens")
        if self.path is not None and pack_id and self.path.stem.split("@")[0] != pack_id:
            self.issue("pack", "id", f"{pack_id!r} does not match the file name {self.path.name}")
        version = self.string(meta, "version", "pack")
        if version and not _VERSION.match(version):
            self.issue("pack", "version", "must be MAJOR.MINOR.PATCH, e.g. 1.0.0")
        stem = self.path.stem if self.path is not None else ""
        if "@" in stem and version and stem.split("@", 1)[1] != version:
            self.issue("pack", "version", f"{version!r} does not match the file name")
        effective = meta.get("effective")
        if not isinstance(effective, date):
            self.issue("pack", "effective", "must be a date, e.g. effective = 2025-01-28")
            effective = date.min
        jurisdiction = self.string(meta, "jurisdiction", "pack")
        title = self.string(meta, "title", "pack")
        description = str(meta.get("description", "")).strip()
        pack_texts = self.translations(meta, "pack", {"title": title, "description": description})
        default = meta.get("default", False)
        if not isinstance(default, bool):
            self.issue("pack", "default", "must be true or false")
            default = False

        review = self._review()
        citations = self._citations()
        rules = self._rules(citations)
        options = self._options()
        self._groups()
        places = self._places()
        authentication = self._authentication()
        exigency = self._exigency()
        facial_groups = self._facial()
        combine = self._combine()
        named_outcomes = self._named_outcomes()
        tables = self._tables(named_outcomes)
        documents = self._documents(named_outcomes, tables, facial_groups)
        no_document, no_document_label, no_document_texts = self._no_document(
            named_outcomes, tables
        )
        for lang, texts in no_document_texts.items():
            if "label" in texts:
                pack_texts.setdefault(lang, {})["no_document_label"] = texts["label"]
        recipients, recipient_texts = self._recipients()
        self.output_values = {
            "notify": frozenset({n.value for n in Notify} | set(recipients)),
            "log": frozenset(entry.value for entry in Log),
        }
        overrides = self._overrides()
        consult = self._flag_rules("consult_counsel")
        obstruct = self._flag_rules("do_not_obstruct")
        notify = self._list_rules("notify", {n.value for n in Notify} | set(recipients))
        log = self._list_rules("log", {entry.value for entry in Log})
        steps = self._text_rules("steps")
        say = self._text_rules("say")

        for where, key, rule_id in self.rule_refs:
            if rule_id and rule_id not in rules:
                self.issue(where, key, f"names rule {rule_id!r}, which is not in [rules]")
        used = {rule_id for _, _, rule_id in self.rule_refs}
        for rule_id in rules:
            if rule_id not in used:
                self.issue(f"rules.{rule_id}", "", "is never used by any outcome or rule")

        if self.issues:
            raise PackError(self.issues)
        return Pack(
            id=pack_id,
            version=version,
            effective=effective,
            jurisdiction=jurisdiction,
            title=title,
            description=description,
            default=default,
            review=review,
            options=options,
            agency_groups=dict(self.agency_groups),
            places=places,
            authentication=authentication,
            exigency=exigency,
            facial_groups=facial_groups,
            combine=combine,
            documents=documents,
            no_document=no_document,
            no_document_label=no_document_label,
            overrides=overrides,
            consult_counsel=consult,
            do_not_obstruct=obstruct,
            notify=notify,
            log=log,
            steps=steps,
            say=say,
            recipients=recipients,
            rules=rules,
            citations=citations,
            path=self.path,
            digest=self.digest,
            languages=self.languages,
            translations=pack_texts,
            recipient_translations=recipient_texts,
        )

    def _review(self) -> Review:
        tbl = self.table(self.data, "review", "")
        self.unknown_keys(tbl, {"status", "statement", "notice", "translations"}, "review")
        status = self.string(tbl, "status", "review")
        if status and status not in {"NOT_REVIEWED"}:
            # A shipped pack is never reviewed for a district: counsel's sign-off is recorded in
            # the app, per district, not in the shared file.
            self.issue("review", "status", 'a pack file ships as "NOT_REVIEWED"')
        statement = self.string(tbl, "statement", "review")
        notice = self.string(tbl, "notice", "review")
        return Review(
            status=status,
            statement=statement,
            notice=notice,
            translations=self.translations(
                tbl, "review", {"statement": statement, "notice": notice}
            ),
        )

    def _citations(self) -> dict[str, Citation]:
        out: dict[str, Citation] = {}
        for cid, tbl in self.table(self.data, "citations", "").items():
            where = f"citations.{cid}"
            if not isinstance(tbl, dict):
                self.issue("citations", cid, "must be a table")
                continue
            self.unknown_keys(tbl, {"name", "kind", "tag", "url", "note"}, where)
            kind = self.string(tbl, "kind", where)
            if kind and kind not in {
                "statute",
                "regulation",
                "court-rule",
                "form",
                "guidance",
                "case",
                "policy",
                "practice",
            }:
                self.issue(where, "kind", f"unknown kind {kind!r}")
            tag = self.string(tbl, "tag", where)
            if tag and tag not in TAGS:
                self.issue(where, "tag", f"must be one of {', '.join(TAGS)} (DOMAIN.md tags)")
            url = tbl.get("url")
            note = tbl.get("note")
            out[cid] = Citation(
                id=cid,
                name=self.string(tbl, "name", where),
                kind=kind,
                tag=tag,
                url=url if isinstance(url, str) else None,
                note=note.strip() if isinstance(note, str) else None,
            )
        return out

    def _rules(self, citations: Mapping[str, Citation]) -> dict[str, Rule]:
        out: dict[str, Rule] = {}
        for rid, tbl in self.table(self.data, "rules", "").items():
            where = f"rules.{rid}"
            if not isinstance(tbl, dict):
                self.issue("rules", rid, "must be a table")
                continue
            allowed = {"title", "text", "cite", "tag", "domain", "translations"}
            self.unknown_keys(tbl, allowed, where)
            cites = tbl.get("cite")
            if not isinstance(cites, list) or not cites:
                self.issue(where, "cite", "every rule needs at least one citation")
                cites = []
            for cite in cites:
                if cite not in citations:
                    self.issue(where, "cite", f"names citation {cite!r}, not in [citations]")
            tag = self.string(tbl, "tag", where)
            if tag and tag not in TAGS:
                self.issue(where, "tag", f"must be one of {', '.join(TAGS)} (DOMAIN.md tags)")
            domain = tbl.get("domain")
            title = self.string(tbl, "title", where)
            text = self.string(tbl, "text", where)
            out[rid] = Rule(
                id=rid,
                title=title,
                text=text,
                cites=tuple(str(c) for c in cites),
                tag=tag,
                domain=domain if isinstance(domain, str) else None,
                translations=self.translations(tbl, where, {"title": title, "text": text}),
            )
        return out

    def _options(self) -> dict[str, OptionSpec]:
        out: dict[str, OptionSpec] = {}
        raw = self.data.get("options", {})
        if not isinstance(raw, dict):
            self.issue("", "options", "must be a table")
            return out
        for name, tbl in raw.items():
            where = f"options.{name}"
            if not isinstance(tbl, dict):
                self.issue("options", name, "must be a table")
                continue
            self.unknown_keys(
                tbl, {"type", "default", "label", "description", "rule", "translations"}, where
            )
            if tbl.get("type") != "bool":
                self.issue(where, "type", 'must be "bool"')
            default = tbl.get("default")
            if not isinstance(default, bool):
                self.issue(where, "default", "must be true or false")
                default = False
            label = self.string(tbl, "label", where)
            description = self.string(tbl, "description", where)
            out[name] = OptionSpec(
                name=name,
                default=default,
                label=label,
                description=description,
                rule=self.rule_ref(tbl.get("rule"), where),
                translations=self.translations(
                    tbl, where, {"label": label, "description": description}
                ),
            )
            self.option_names[name] = default
        return out

    def _groups(self) -> None:
        tbl = self.table(self.data, "groups", "")
        self.unknown_keys(tbl, {"agency"}, "groups")
        agencies = self.table(tbl, "agency", "groups")
        allowed = {a.value for a in Agency}
        for name, members in agencies.items():
            if name in allowed:
                self.issue("groups.agency", name, "a group cannot be named like an agency")
                continue
            if not isinstance(members, list) or not members:
                self.issue("groups.agency", name, "must be a non-empty list of agencies")
                continue
            bad = [m for m in members if m not in allowed]
            if bad:
                self.issue("groups.agency", name, f"unknown agencies {bad}")
                continue
            self.agency_groups[name] = frozenset(members)

    def _places(self) -> dict[Place, PlaceSpec]:
        tbl = self.table(self.data, "places", "")
        out: dict[Place, PlaceSpec] = {}
        for place in Place:
            where = f"places.{place.value}"
            entry = tbl.get(place.value)
            if not isinstance(entry, dict):
                self.issue("places", place.value, "missing (every place needs an entry)")
                continue
            self.unknown_keys(entry, {"label", "public", "public_option", "translations"}, where)
            public = entry.get("public")
            option = entry.get("public_option")
            if public is not None and not isinstance(public, bool):
                self.issue(where, "public", "must be true or false")
                public = None
            if option is not None and option not in self.option_names:
                self.issue(where, "public_option", f"names unknown option {option!r}")
                option = None
            if public is not None and option is not None:
                self.issue(where, "public", "give either public or public_option, not both")
            label = self.string(entry, "label", where)
            out[place] = PlaceSpec(
                place,
                label,
                public,
                option,
                translations=self.translations(entry, where, {"label": label}),
            )
        for key in tbl:
            if key not in {p.value for p in Place}:
                self.issue("places", key, "unknown place")
        return out

    def _authentication(self) -> Authentication:
        where = "authentication"
        tbl = self.table(self.data, where, "")
        self.unknown_keys(
            tbl,
            {
                "unverifiable_agencies",
                "unverifiable_channels",
                "required_identification",
                "minimum_identification",
                "rule",
            },
            where,
        )
        minimum = tbl.get("minimum_identification", 0)
        if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 0:
            self.issue(where, "minimum_identification", "must be a whole number, 0 or more")
            minimum = 0
        return Authentication(
            unverifiable_agencies=self._value_list(tbl, "unverifiable_agencies", Agency, where),
            unverifiable_channels=self._value_list(tbl, "unverifiable_channels", Channel, where),
            required_identification=self._value_list(
                tbl, "required_identification", Identification, where
            ),
            minimum_identification=minimum,
            rule=self.rule_ref(tbl.get("rule"), where),
        )

    def _value_list(
        self, tbl: Mapping[str, Any], key: str, enum: Any, where: str, groups: bool = False
    ) -> frozenset[str]:
        value = tbl.get(key, [])
        if not isinstance(value, list):
            self.issue(where, key, "must be a list")
            return frozenset()
        allowed = {m.value for m in enum}
        out: set[str] = set()
        for item in value:
            if item in allowed:
                out.add(item)
            elif groups and item in self.agency_groups:
                out |= self.agency_groups[item]
            else:
                self.issue(where, key, f"unknown value {item!r}")
        return frozenset(out)

    def _exigency(self) -> ExigencyPolicy:
        where = "exigency"
        tbl = self.table(self.data, where, "")
        self.unknown_keys(tbl, {"recognized", "recognized_from", "rules"}, where)
        recognized = self._value_list(tbl, "recognized", Exigency, where)
        if Exigency.NONE.value in recognized:
            self.issue(where, "recognized", "NONE is not an emergency")
        rules_tbl = self.table(tbl, "rules", where)
        rules: dict[Exigency, str] = {}
        for value in Exigency:
            if value.value not in rules_tbl:
                self.issue(f"{where}.rules", value.value, "missing (every exigency needs a rule)")
                continue
            rules[value] = self.rule_ref(rules_tbl[value.value], f"{where}.rules", value.value)
        return ExigencyPolicy(
            recognized=recognized,
            recognized_from=self._value_list(tbl, "recognized_from", Agency, where, groups=True),
            rules=rules,
        )

    def _facial(self) -> dict[str, frozenset[str]]:
        where = "facial"
        tbl = self.table(self.data, where, "")
        self.unknown_keys(tbl, GROUPS_WITH_CHECKS, where)
        out = {name: self._value_list(tbl, name, FacialCheck, where) for name in GROUPS_WITH_CHECKS}
        seen: dict[str, str] = {}
        for name, values in out.items():
            for value in values:
                if value in seen:
                    self.issue(where, name, f"{value} is also in {seen[value]}")
                seen[value] = name
        for value in FacialCheck:
            if value.value not in seen:
                self.issue(where, "", f"{value.value} is in no group (valid, failed, unchecked)")
        return out

    def _combine(self) -> Combine:
        where = "combine"
        tbl = self.table(self.data, where, "")
        self.unknown_keys(
            tbl,
            {"access", "student_contact", "records", "access_baseline", "student_contact_baseline"},
            where,
        )

        def order(key: str, enum: Any) -> tuple[Any, ...]:
            value = tbl.get(key)
            if not isinstance(value, list):
                self.issue(where, key, "must list every value, strongest first")
                return tuple(enum)
            items = [self.enum_value(v, enum, where, key) for v in value]
            if sorted(v for v in value if isinstance(v, str)) != sorted(m.value for m in enum):
                self.issue(where, key, "must list every value exactly once, strongest first")
                return tuple(enum)
            return tuple(i for i in items if i is not None)

        access_baseline = self.enum_value(
            tbl.get("access_baseline"), Access, where, "access_baseline"
        )
        contact_baseline = self.enum_value(
            tbl.get("student_contact_baseline"), StudentContact, where, "student_contact_baseline"
        )
        return Combine(
            access=order("access", Access),
            student_contact=order("student_contact", StudentContact),
            records=order("records", Records),
            access_baseline=access_baseline or Access.PUBLIC_ONLY,
            student_contact_baseline=contact_baseline or StudentContact.NOT_PRODUCED,
        )

    # -- outcomes

    def _outcome(self, raw: object, where: str, key: str, max_stage: Stage) -> Outcome | None:
        if not isinstance(raw, dict):
            self.issue(where, key, "each case must be a table")
            return None
        self.unknown_keys(
            raw, {"rule", "when", "defer", "access", "student_contact", "records"}, f"{where}.{key}"
        )
        defer = raw.get("defer", False)
        if not isinstance(defer, bool):
            self.issue(where, key, "defer must be true or false")
            defer = False
        access = (
            self.enum_value(raw["access"], Access, where, f"{key}.access")
            if "access" in raw
            else None
        )
        contact = (
            self.enum_value(raw["student_contact"], StudentContact, where, f"{key}.student_contact")
            if "student_contact" in raw
            else None
        )
        records = (
            self.enum_value(raw["records"], Records, where, f"{key}.records")
            if "records" in raw
            else None
        )
        if defer and (access or contact or records):
            self.issue(where, key, "a deferring case gives no outcome")
        return Outcome(
            rule=self.rule_ref(raw.get("rule"), where, f"{key}.rule"),
            when=self.condition(raw.get("when"), f"{where}.{key}", max_stage),
            defer=defer,
            access=access,
            student_contact=contact,
            records=records,
        )

    def _cases(
        self,
        raw: object,
        where: str,
        key: str,
        named: Mapping[str, tuple[Outcome, ...]],
        max_stage: Stage,
    ) -> tuple[Outcome, ...]:
        if isinstance(raw, str):
            if raw not in named:
                self.issue(where, key, f"names outcome {raw!r}, which is not in [outcomes]")
                return ()
            return named[raw]
        items = raw if isinstance(raw, list) else [raw]
        cases: list[Outcome] = []
        for index, item in enumerate(items):
            label = key if len(items) == 1 else f"{key}[{index}]"
            if isinstance(item, str):
                cases.extend(self._cases(item, where, label, named, max_stage))
                continue
            outcome = self._outcome(item, where, label, max_stage)
            if outcome is not None:
                cases.append(outcome)
        if cases and cases[-1].when.tests:
            self.issue(where, key, "the last case must have no `when` (so that one always applies)")
        return tuple(cases)

    def _named_outcomes(self) -> dict[str, tuple[Outcome, ...]]:
        raw = self.data.get("outcomes", {})
        out: dict[str, tuple[Outcome, ...]] = {}
        if not isinstance(raw, dict):
            self.issue("", "outcomes", "must be a table")
            return out
        for name, value in raw.items():
            if isinstance(value, str):
                self.issue("outcomes", name, "must be a case or a list of cases, not a name")
                continue
            out[name] = self._cases(value, "outcomes", name, out, Stage.DOCUMENT)
        return out

    def _request_table(
        self,
        tbl: Mapping[str, Any],
        where: str,
        named: Mapping[str, tuple[Outcome, ...]],
        tables: Mapping[str, Mapping[Request, tuple[Outcome, ...]]],
        max_stage: Stage,
        extra_keys: Iterable[str] = (),
    ) -> dict[Request, tuple[Outcome, ...]]:
        allowed = {r.value for r in Request} | {"table"} | set(extra_keys)
        self.unknown_keys(tbl, allowed, where)
        cases: dict[Request, tuple[Outcome, ...]] = {}
        base = tbl.get("table")
        if base is not None:
            if not isinstance(base, str) or base not in tables:
                self.issue(where, "table", f"names table {base!r}, which is not in [tables]")
            else:
                cases.update(tables[base])
        for request in Request:
            if request.value in tbl:
                cases[request] = self._cases(
                    tbl[request.value], where, request.value, named, max_stage
                )
        return cases

    def _check_complete(self, cases: Mapping[Request, tuple[Outcome, ...]], where: str) -> None:
        for request in Request:
            outcomes = cases.get(request)
            if not outcomes:
                self.issue(where, request.value, "missing: no rule for this request (a gap)")
                continue
            for outcome in outcomes:
                if outcome.defer:
                    continue
                if request in PHYSICAL_REQUESTS and outcome.access is None:
                    self.issue(where, request.value, "a physical request needs an access outcome")
                if request in (Request.ACCESS_STUDENT, Request.ARREST_PERSON) and (
                    outcome.student_contact is None
                ):
                    self.issue(
                        where,
                        request.value,
                        "a request that may seek a student needs student_contact",
                    )
                if request in INFORMATION_REQUESTS and outcome.records is None:
                    self.issue(
                        where, request.value, "an information request needs a records outcome"
                    )

    def _tables(
        self, named: Mapping[str, tuple[Outcome, ...]]
    ) -> dict[str, Mapping[Request, tuple[Outcome, ...]]]:
        raw = self.data.get("tables", {})
        out: dict[str, Mapping[Request, tuple[Outcome, ...]]] = {}
        if not isinstance(raw, dict):
            self.issue("", "tables", "must be a table")
            return out
        for name, tbl in raw.items():
            if not isinstance(tbl, dict):
                self.issue("tables", name, "must be a table")
                continue
            if "table" in tbl:
                self.issue(f"tables.{name}", "table", "a shared table cannot build on another")
            out[name] = self._request_table(tbl, f"tables.{name}", named, {}, Stage.DOCUMENT)
        return out

    def _documents(
        self,
        named: Mapping[str, tuple[Outcome, ...]],
        tables: Mapping[str, Mapping[Request, tuple[Outcome, ...]]],
        facial_groups: Mapping[str, frozenset[str]],
    ) -> dict[DocType, DocumentClass]:
        docs_tbl = self.table(self.data, "documents", "")
        out: dict[DocType, DocumentClass] = {}
        for key in docs_tbl:
            if key not in {d.value for d in DocType}:
                self.issue("documents", key, "unknown document class")
        for doc_type in DocType:
            where = f"documents.{doc_type.value}"
            tbl = docs_tbl.get(doc_type.value)
            if not isinstance(tbl, dict):
                self.issue("documents", doc_type.value, "missing: no rules for this class (a gap)")
                continue
            checks_apply = tbl.get("checks_apply")
            if not isinstance(checks_apply, bool):
                self.issue(where, "checks_apply", "must be true or false")
                checks_apply = False
            group_names = GROUPS_WITH_CHECKS if checks_apply else (GROUP_WITHOUT_CHECKS,)
            self.unknown_keys(
                tbl,
                {"label", "summary", "family", "rule", "checks_apply", "translations"}
                | set(group_names),
                where,
            )
            family = self.string(tbl, "family", where)
            if family and family not in FAMILIES:
                self.issue(where, "family", f"must be one of {', '.join(FAMILIES)}")
            groups: dict[str, RequestRules] = {}
            for group in group_names:
                gwhere = f"{where}.{group}"
                gtbl = tbl.get(group)
                if not isinstance(gtbl, dict):
                    self.issue(where, group, "missing: no rules for this group (a gap)")
                    continue
                rank = gtbl.get("rank")
                if not isinstance(rank, int) or isinstance(rank, bool):
                    self.issue(gwhere, "rank", "must be a whole number (higher governs)")
                    rank = 0
                cases = self._request_table(
                    gtbl, gwhere, named, tables, Stage.DOCUMENT, extra_keys=("rank",)
                )
                self._check_complete(cases, gwhere)
                groups[group] = RequestRules(rank=rank, cases=cases)
            label = self.string(tbl, "label", where)
            summary = self.string(tbl, "summary", where)
            out[doc_type] = DocumentClass(
                type=doc_type,
                label=label,
                summary=summary,
                family=family,
                rule=self.rule_ref(tbl.get("rule"), where),
                checks_apply=checks_apply,
                groups=groups,
                translations=self.translations(tbl, where, {"label": label, "summary": summary}),
            )
        return out

    def _no_document(
        self,
        named: Mapping[str, tuple[Outcome, ...]],
        tables: Mapping[str, Mapping[Request, tuple[Outcome, ...]]],
    ) -> tuple[RequestRules, str, dict[str, dict[str, str]]]:
        where = "no_document"
        tbl = self.table(self.data, where, "")
        cases = self._request_table(
            tbl, where, named, tables, Stage.FACTS, extra_keys=("label", "translations")
        )
        self._check_complete(cases, where)
        for request, outcomes in cases.items():
            if any(o.defer for o in outcomes):
                self.issue(where, request.value, "cannot defer: there is nothing to defer to")
            for outcome in outcomes:
                if outcome.when.stage is Stage.DOCUMENT:
                    self.issue(where, request.value, "tests a document, but there is none here")
        label = self.string(tbl, "label", where)
        texts = self.translations(tbl, where, {"label": label})
        return RequestRules(rank=0, cases=cases), label, texts

    def _recipients(self) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        raw = self.data.get("recipients", {})
        out: dict[str, str] = {}
        texts: dict[str, dict[str, str]] = {}
        if not isinstance(raw, dict):
            self.issue("", "recipients", "must be a table")
            return out, texts
        contract = {n.value for n in Notify}
        for name, tbl in raw.items():
            if name in contract:
                self.issue("recipients", name, "already a contract recipient")
                continue
            if not re.match(r"^[A-Z][A-Z0-9_]+$", name):
                self.issue("recipients", name, "must be UPPER_CASE")
                continue
            if not isinstance(tbl, dict):
                self.issue("recipients", name, "must be a table with a label")
                continue
            self.unknown_keys(tbl, {"label", "translations"}, f"recipients.{name}")
            out[name] = self.string(tbl, "label", f"recipients.{name}")
            translated = self.translations(tbl, f"recipients.{name}", {"label": out[name]})
            for lang, label in translated.items():
                if "label" in label:
                    texts.setdefault(lang, {})[name] = label["label"]
        return out, texts

    def _array(self, key: str) -> list[tuple[str, dict[str, Any]]]:
        raw = self.data.get(key)
        if raw is None:
            self.issue("", key, f"missing (write at least one [[{key}]] rule)")
            return []
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.issue("", key, f"must be an array of tables ([[{key}]])")
            return []
        out = []
        seen: set[str] = set()
        for index, item in enumerate(raw):
            rid = item.get("id")
            if not isinstance(rid, str) or not rid:
                self.issue(f"{key}[{index}]", "id", "missing (every rule needs an id)")
                rid = f"#{index}"
            elif rid in seen:
                self.issue(f"{key}[{index}]", "id", f"{rid!r} is used twice")
            seen.add(rid)
            out.append((f"{key}.{rid}", item))
        return out

    def _overrides(self) -> tuple[Override, ...]:
        out = []
        for where, item in self._array("overrides"):
            self.unknown_keys(item, {"id", "when", "set", "rule"}, where)
            set_tbl = item.get("set")
            if not isinstance(set_tbl, dict) or not set_tbl:
                self.issue(where, "set", "must set access, student_contact or records")
                set_tbl = {}
            self.unknown_keys(set_tbl, {"access", "student_contact", "records"}, f"{where}.set")
            out.append(
                Override(
                    id=where.split(".", 1)[1],
                    when=self.condition(item.get("when"), where, Stage.OUTCOME),
                    access=self.enum_value(set_tbl["access"], Access, where, "set.access")
                    if "access" in set_tbl
                    else None,
                    student_contact=self.enum_value(
                        set_tbl["student_contact"], StudentContact, where, "set.student_contact"
                    )
                    if "student_contact" in set_tbl
                    else None,
                    records=self.enum_value(set_tbl["records"], Records, where, "set.records")
                    if "records" in set_tbl
                    else None,
                    rule=self.rule_ref(item.get("rule"), where),
                )
            )
        return tuple(out)

    def _flag_rules(self, key: str) -> tuple[FlagRule, ...]:
        out = []
        for where, item in self._array(key):
            self.unknown_keys(item, {"id", "when", "value", "rule"}, where)
            value = item.get("value")
            if not isinstance(value, bool):
                self.issue(where, "value", "must be true or false")
                value = True
            stage = Stage.OUTCOME
            out.append(
                FlagRule(
                    id=where.split(".", 1)[1],
                    when=self.condition(item.get("when"), where, stage),
                    value=value,
                    rule=self.rule_ref(item.get("rule"), where),
                )
            )
        if out and out[-1].when.tests:
            self.issue(f"{key}.{out[-1].id}", "when", "the last rule must always apply (no when)")
        for rule in out:
            if key == "consult_counsel" and any(k == "consult_counsel" for k, _ in rule.when.tests):
                self.issue(f"{key}.{rule.id}", "when", "cannot test consult_counsel itself")
        return tuple(out)

    def _list_rules(self, key: str, allowed: set[str]) -> tuple[ListRule, ...]:
        out = []
        for where, item in self._array(key):
            self.unknown_keys(item, {"id", "when", "add", "rule"}, where)
            add = item.get("add")
            if not isinstance(add, list) or not add:
                self.issue(where, "add", "must list what to add")
                add = []
            for value in add:
                if value not in allowed:
                    self.issue(where, "add", f"unknown value {value!r}")
            out.append(
                ListRule(
                    id=where.split(".", 1)[1],
                    when=self.condition(item.get("when"), where, Stage.OUTCOME),
                    add=tuple(str(v) for v in add if v in allowed),
                    rule=self.rule_ref(item.get("rule"), where),
                )
            )
        return tuple(out)

    def _text_rules(self, key: str) -> tuple[TextRule, ...]:
        out = []
        for where, item in self._array(key):
            self.unknown_keys(item, {"id", "order", "when", "text", "rule", "translations"}, where)
            order = item.get("order")
            if not isinstance(order, int) or isinstance(order, bool):
                self.issue(where, "order", "must be a whole number (steps are read in this order)")
                order = 0
            text = self.string(item, "text", where)
            try:
                names = set(placeholder_names(text))
            except ValueError as exc:
                self.issue(where, "text", f"bad placeholder: {exc}")
                names = set()
            unknown = names - PLACEHOLDERS
            if unknown:
                self.issue(
                    where,
                    "text",
                    f"unknown placeholder {', '.join(sorted(unknown))} "
                    f"(known: {', '.join(sorted(PLACEHOLDERS))})",
                )
            out.append(
                TextRule(
                    id=where.split(".", 1)[1],
                    order=order,
                    when=self.condition(item.get("when"), where, Stage.TEXT),
                    text=text,
                    rule=self.rule_ref(item.get("rule"), where),
                    translations=self.translations(item, where, {"text": text}),
                )
            )
        return tuple(out)


def _braced(names: Iterable[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "none"
