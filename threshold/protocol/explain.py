"""A decision as text a principal can follow: the decision card, the steps, the words, the why."""

from __future__ import annotations

import textwrap

from threshold.protocol.engine import Decision
from threshold.protocol.pack import Pack
from threshold.protocol.vocab import (
    INFORMATION_REQUESTS,
    PHYSICAL_REQUESTS,
    Access,
    Records,
    StudentContact,
    words,
)

WIDTH = 96
LABEL = 13

_MAY = {
    Access.PUBLIC_ONLY: "stay in the lobby and other public areas, like any visitor",
    Access.WARRANT_SCOPE: "go only where the warrant or court document allows, for what it names",
    Access.NO_CONSENT_DO_NOT_OBSTRUCT: (
        "nothing is consented to; if they go on anyway, staff step aside and write it down"
    ),
    Access.EXIGENCY_DO_NOT_OBSTRUCT: (
        "act on the stated emergency; staff follow safety directions and do not obstruct"
    ),
}


def explain(decision: Decision, pack: Pack) -> str:
    """Render the decision as plain text: card, words to say, steps, tell/write, and why."""
    lines: list[str] = []
    lines.append(decision.headline)
    status = (
        "reviewed by the district's counsel"
        if decision.review_notice is None
        else ("NOT YET REVIEWED by the district's counsel")
    )
    lines.append(f"Pack {pack.id} {pack.version} ({pack.jurisdiction}) · {status}")
    if decision.review_notice:
        lines.extend(_wrap(decision.review_notice, indent=""))
    lines.append("")
    lines.extend(_card(decision, pack))
    if decision.say:
        lines.append("")
        lines.append("SAY")
        for text in decision.say:
            lines.extend(_wrap(f'"{text}"', indent="  "))
    lines.append("")
    lines.append("STEPS, IN ORDER")
    for number, text in enumerate(decision.steps, start=1):
        prefix = f"{number:>3}. "
        body = textwrap.wrap(text, WIDTH - len(prefix))
        lines.append(prefix + body[0])
        lines.extend(" " * len(prefix) + rest for rest in body[1:])
    lines.append("")
    lines.append("WHY (rules applied, with their sources and verification tags)")
    for rule in decision.rules:
        where = f" ({rule.domain})" if rule.domain else ""
        lines.extend(_wrap(f"- {rule.title} [{rule.tag}]{where}", indent="    ", first="  "))
        for citation in rule.citations:
            lines.extend(
                _wrap(f"{citation['name']} [{citation['tag']}]", indent="        ", first="      ")
            )
    lines.append("")
    lines.append(
        "Tags: V stated in a retrieved source; B from a press report of the CSDE guidance, not "
        "yet checked against it; D derived: counsel should confirm."
        if pack.jurisdiction == "US-CT"
        else "Tags: V stated in a retrieved source; B from a secondary report, not yet checked; "
        "D derived: counsel should confirm."
    )
    return "\n".join(_fold(lines)) + "\n"


def _card(decision: Decision, pack: Pack) -> list[str]:
    requested = decision.facts.ordered_requests()
    physical = [words("request", r.value) for r in requested if r in PHYSICAL_REQUESTS]
    info = [words("request", r.value) for r in requested if r in INFORMATION_REQUESTS]
    rows: list[tuple[str, str]] = []
    if decision.access in _MAY:
        rows.append(("MAY", _MAY[decision.access]))
    if decision.access in (Access.PUBLIC_ONLY, Access.NO_CONSENT_DO_NOT_OBSTRUCT) and physical:
        rows.append(("NO CONSENT", "to " + _join(physical, "or")))
    elif decision.access is Access.WARRANT_SCOPE:
        rows.append(("NO CONSENT", "to anything the document does not describe"))
    if decision.student_contact is StudentContact.NOT_PRODUCED:
        rows.append(("STUDENT", "do not bring, locate or confirm the student; do not hide anyone"))
    elif decision.student_contact is StudentContact.PER_WARRANT:
        rows.append(("STUDENT", words("student_contact", decision.student_contact.value)))
    if decision.records is not Records.NOT_APPLICABLE:
        asked = f" ({_join(info, 'and')})" if info else ""
        rows.append(("RECORDS" + "", words("records", decision.records.value) + asked))
    must: list[str] = []
    if decision.consult_counsel:
        must.append("call counsel now; inform the superintendent")
    if decision.do_not_obstruct:
        must.append("never obstruct physically; write down what happens")
    if must:
        rows.append(("MUST", "; ".join(must)))
    tell = [pack.recipients.get(name) or _recipient(name) for name in decision.notify]
    if tell:
        rows.append(("TELL", _join(tell, "and")))
    write = [words("log", entry) for entry in decision.log]
    if write:
        rows.append(("WRITE", "; ".join(write)))
    out: list[str] = []
    for label, text in rows:
        body = textwrap.wrap(text, WIDTH - LABEL)
        out.append(f"{label:<{LABEL}}{body[0]}")
        out.extend(" " * LABEL + rest for rest in body[1:])
    return out


def _recipient(name: str) -> str:
    text = words("notify", name)
    return text if text != name else name.replace("_", " ").lower()


def _join(items: list[str], word: str) -> str:
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
    ) or [indent]


def _fold(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if len(line) <= WIDTH or line.startswith(" "):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, WIDTH))
    return out
