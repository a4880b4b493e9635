"""Builders for encounter facts, so each test states only what matters to it."""

from __future__ import annotations

from typing import Any

from threshold.protocol import Decision, decide, load_pack

FULL_ID = ["NAME", "BADGE_OR_ID_NUMBER", "PHONE", "BUSINESS_CARD"]


def doc(type_: str, facial: str = "NOT_APPLICABLE", nondisclosure: str = "NONE") -> dict[str, str]:
    return {"type": type_, "facial_check": facial, "nondisclosure": nondisclosure}


def facts(
    *,
    agency: str = "IMMIGRATION",
    identification: list[str] | None = None,
    channel: str = "IN_PERSON",
    place: str = "NONPUBLIC_AREA",
    requests: list[str] | None = None,
    subject: str = "STUDENT",
    documents: list[dict[str, str]] | None = None,
    exigency: str = "NONE",
    proceeds: bool = False,
    opt_out: bool = False,
    non_directory_id: bool = False,
) -> dict[str, Any]:
    return {
        "requester": {
            "agency": agency,
            "identification": FULL_ID if identification is None else identification,
        },
        "channel": channel,
        "place": place,
        "requests": requests or [],
        "subject": subject,
        "documents": documents or [],
        "exigency": exigency,
        "proceeds_without_consent": proceeds,
        "student": {
            "directory_opt_out": opt_out,
            "identified_by_non_directory_info": non_directory_id,
        },
    }


def ct(options: dict[str, object] | None = None, **kwargs: Any) -> Decision:
    return decide(facts(**kwargs), load_pack("ct-2025"), options)


def ca(options: dict[str, object] | None = None, **kwargs: Any) -> Decision:
    return decide(facts(**kwargs), load_pack("ca-2025"), options)
