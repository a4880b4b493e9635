"""Every change to student records: one function each, called alike by the pages, the API, the
commands and the officer-visit workflow. Each runs in one transaction with its audit event; mail
goes out through the worker once the transaction commits.

The decision on a request is never made here: the district's policy pack (through
`threshold.policies.queries.policy_for`) decides the records outcome, who is told and what is
written down. This module turns that decision into the request's state, the parent's notice and
the 99.32 record, and refuses a release that comes too early.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from threshold.accounts import access as accounts_access
from threshold.accounts.models import District, Membership, School, User
from threshold.accounts.roles import Capability, Role
from threshold.audit.services import record
from threshold.policies import labels
from threshold.policies.queries import policy_for
from threshold.protocol import Decision, load_pack
from threshold.protocol.vocab import (
    Agency,
    Channel,
    DocType,
    FacialCheck,
    Nondisclosure,
    Request,
)
from threshold.records import notices
from threshold.records.models import (
    DirectoryCategory,
    DirectoryParty,
    DisclosureEntry,
    Notice,
    OptOutChange,
    RecordsPolicy,
    RecordsRequest,
    Student,
)
from threshold.records.queries import policy_of
from threshold.worker.mail import queue_email

NOTICE_CODES = ("PARENT_FERPA", "ELIGIBLE_STUDENT_FERPA")
# A DHS document's numbers are a person's alien number or the like: none is kept from it.
DHS_DOCUMENTS = frozenset(
    {
        DocType.ADMIN_WARRANT_I200,
        DocType.ADMIN_WARRANT_I205,
        DocType.EOIR_ORDER,
        DocType.ADMIN_SUBPOENA_I138,
        DocType.DETAINER_I247A,
        DocType.NOTICE_TO_APPEAR_I862,
    }
)
# An alien number (A and 8 or 9 digits, with or without dashes or spaces) or a Social Security
# number (ddd-dd-dddd, or 9 digits): never stored in any text a request keeps.
NATIONAL_NUMBER = re.compile(
    r"\bA[\s-]?(?:\d[\s-]?){7,8}\d\b|\b\d{3}[\s-]?\d{2}[\s-]?\d{4}\b", re.IGNORECASE
)


def refuse_national_numbers(**texts: str) -> None:
    """Refuse any text that holds an alien number or a Social Security number."""
    errors = {
        name: _(
            "Do not write an alien number or a Social Security number here: "
            "Threshold never keeps them. Remove it and try again."
        )
        for name, text in texts.items()
        if text and NATIONAL_NUMBER.search(text)
    }
    if errors:
        raise ValidationError(errors)


# Which parties of a 99.37(d) notice each kind of requester belongs to.
PARTIES_OF_AGENCY: dict[str, tuple[str, ...]] = {
    Agency.IMMIGRATION: (DirectoryParty.LAW_ENFORCEMENT,),
    Agency.FEDERAL_LAW_ENFORCEMENT: (DirectoryParty.LAW_ENFORCEMENT,),
    Agency.STATE_OR_LOCAL_POLICE: (DirectoryParty.LAW_ENFORCEMENT,),
    Agency.SCHOOL_RESOURCE_OFFICER: (DirectoryParty.LAW_ENFORCEMENT,),
    Agency.CHILD_PROTECTIVE_SERVICES: (DirectoryParty.OTHER_GOVERNMENT,),
    Agency.OTHER_GOVERNMENT: (DirectoryParty.OTHER_GOVERNMENT,),
    Agency.PRIVATE_PARTY: (
        DirectoryParty.SCHOOL_ORGANIZATIONS,
        DirectoryParty.COLLEGES_AND_RECRUITERS,
        DirectoryParty.PRIVATE_PARTIES,
    ),
    Agency.UNVERIFIED: (),
}


@dataclass(frozen=True)
class Requester:
    """Who asks. `agency` is a code of the protocol's vocabulary (protocol.vocab.Agency)."""

    agency: str
    name: str = ""
    organization: str = ""
    badge: str = ""
    phone: str = ""
    email: str = ""
    business_card: bool = False


@dataclass(frozen=True)
class PresentedDocument:
    """The document shown with the request, as the protocol's document vocabulary names it
    (threshold.protocol.vocab.DocType, FacialCheck, Nondisclosure)."""

    doc_class: str
    reference: str = ""
    facial_check: str = FacialCheck.NOT_APPLICABLE
    nondisclosure: str = Nondisclosure.NONE


def _check_codes(
    channel: str, requester: Requester, requested: Iterable[str], document: PresentedDocument | None
) -> None:
    errors: dict[str, str] = {}
    if channel not in set(Channel):
        errors["channel"] = _("Choose how the request came in.")
    if requester.agency not in set(Agency):
        errors["requester_agency"] = _("Choose who is asking.")
    codes = list(requested)
    if not codes or any(code not in set(Request) for code in codes):
        errors["requested"] = _("Choose what is asked for.")
    if document is not None:
        if document.doc_class not in set(DocType):
            errors["document_class"] = _("Choose the kind of document.")
        if document.facial_check not in set(FacialCheck):
            errors["facial_check"] = _("Choose the result of the surface checks.")
        if document.nondisclosure not in set(Nondisclosure):
            errors["nondisclosure"] = _("Choose the document's confidentiality terms.")
    if errors:
        raise ValidationError(errors)


def facts_for(
    *,
    channel: str,
    requester: Requester,
    requested: Iterable[str],
    student: Student | None,
    document: PresentedDocument | None,
    identified_by_non_directory_info: bool,
    today: date,
    policy: RecordsPolicy | None = None,
    directory_items: Iterable[str] = (),
    opted_out_excluded: bool = False,
    purpose_within_notice: bool = False,
) -> dict[str, Any]:
    """The encounter facts the protocol engine decides on (no names, only kinds of things)."""
    identification = [
        code
        for code, present in (
            ("NAME", requester.name),
            ("BADGE_OR_ID_NUMBER", requester.badge),
            ("PHONE", requester.phone),
            ("BUSINESS_CARD", requester.business_card),
        )
        if present
    ]
    if student is None:
        subject = "NONE"
    else:
        subject = "ELIGIBLE_STUDENT" if student.is_eligible(today) else "STUDENT"
    documents = []
    if document is not None:
        documents.append(
            {
                "type": document.doc_class,
                "facial_check": document.facial_check,
                "nondisclosure": document.nondisclosure,
            }
        )
    return {
        "requester": {"agency": requester.agency, "identification": identification},
        "channel": channel,
        "place": "NOT_APPLICABLE",
        "requests": list(dict.fromkeys(requested)),
        "subject": subject,
        "documents": documents,
        "student": {
            "directory_opt_out": bool(student and student.directory_opt_out),
            "identified_by_non_directory_info": identified_by_non_directory_info,
        },
        "directory": directory_reasons(
            policy,
            agency=requester.agency,
            items=list(directory_items),
            names_student=student is not None,
            opted_out_excluded=opted_out_excluded,
            purpose_within_notice=purpose_within_notice,
            today=today,
        )
        if policy is not None and Request.DIRECTORY_INFORMATION in set(requested)
        else {},
    }


def directory_reasons(
    policy: RecordsPolicy,
    *,
    agency: str,
    items: list[str],
    names_student: bool,
    opted_out_excluded: bool,
    purpose_within_notice: bool,
    today: date,
) -> dict[str, bool]:
    """What the district's directory-information notice says of this request, as the facts
    the policy pack decides on (34 CFR 99.37(a), (d))."""
    notice_on = policy.annual_notice_on
    missing = notice_on is None or notice_on > today
    window_open = not missing and today < notice_on + timedelta(days=policy.opt_out_days)
    designated = set(policy.directory_categories)
    allowed_parties = set(policy.directory_parties)
    return {
        "annual_notice_missing": missing,
        "opt_out_window_open": window_open,
        "items_not_designated": not items or any(item not in designated for item in items),
        "party_not_allowed": policy.parties_limited
        and not any(party in allowed_parties for party in PARTIES_OF_AGENCY.get(agency, ())),
        "purpose_not_allowed": bool(policy.directory_purposes.strip())
        and not purpose_within_notice,
        "opted_out_not_excluded": not names_student and not opted_out_excluded,
    }


def _basis(decision: Decision) -> str:
    """The rules that decided the records outcome, with their citations, in the pack's words."""
    rules = {rule.id: rule for rule in decision.rules}
    final = decision.records
    # When an override changed the records outcome (a directory request under the annual
    # notice's limits, say), the override's rules decided it, not the per-request ones.
    overridden = any(
        item.outcome.records is not None and item.outcome.records != final
        for item in decision.per_request
    )
    if overridden:
        ids = [
            override.rule
            for override in load_pack(decision.pack_id, decision.pack_version).overrides
            if override.records == final and override.rule in rules
        ]
    else:
        ids = [item.outcome.rule for item in decision.per_request if item.outcome.records]
    parts: list[str] = []
    for rule_id in dict.fromkeys(ids):
        rule = rules.get(rule_id)
        if rule is None:
            continue
        cites = "; ".join(str(cite.get("name") or cite.get("id") or "") for cite in rule.citations)
        text = f"{rule.title} ({cites})" if cites else rule.title
        if text not in parts:
            parts.append(text)
    return " · ".join(parts) or decision.headline


def _parties(request: RecordsRequest) -> str:
    who = ", ".join(
        part for part in (request.requester_name, request.requester_organization) if part
    )
    agency = labels.say(labels.AGENCY, request.requester_agency)
    return f"{who} ({agency})" if who else agency


def _counsel_emails(district: District) -> list[str]:
    return sorted(
        {
            m.user.email
            for m in Membership.objects.filter(
                district=district, role=Role.DISTRICT_COUNSEL, user__is_active=True
            ).select_related("user")
        }
    )


def _audit(action: str, *, actor: User | None, request: RecordsRequest, data=None) -> None:
    """One audit event about a request. A request in the restricted file is named only by its
    id: the audit trail is read by auditors and administrators, who may not open that file, so
    the event says nothing of the student, the school, the requester or the document."""
    if request.restricted:
        record(
            action,
            actor=actor,
            district=request.district,
            subject=request,
            data={"restricted": True},
        )
    else:
        record(
            action,
            actor=actor,
            district=request.district,
            school=request.school,
            subject=request,
            data=dict(data or {}),
        )


def is_counsel(user: User, district: District) -> bool:
    """Whether the user is the district's counsel (may direct a release without notice)."""
    return any(
        m.district_id == district.pk
        for m in accounts_access.memberships_with(user, Capability.DIRECT_RELEASE_WITHOUT_NOTICE)
    )


@transaction.atomic
def request_intake(
    *,
    district: District,
    actor: User,
    channel: str,
    requester: Requester,
    requested: Iterable[str],
    student: Student | None = None,
    school: School | None = None,
    document: PresentedDocument | None = None,
    identified_by_non_directory_info: bool = False,
    description: str = "",
    stated_interest: str = "",
    respond_by: date | None = None,
    received_at: datetime | None = None,
    directory_items: Iterable[str] = (),
    opted_out_excluded: bool = False,
    purpose_within_notice: bool = False,
) -> RecordsRequest:
    """Record a request for student information and decide it under the district's policy pack.

    Any requester, any channel (IN_PERSON, PHONE, EMAIL, MAIL_OR_FAX); `requested` holds the
    protocol's request codes (STUDENT_RECORDS, DIRECTORY_INFORMATION, ...); `document` is what
    was presented, or None when nothing was. `student` is the student the request is about, when
    there is one (it must be of `district`); `school` defaults to the student's school.

    The pack decides the records outcome, who is notified and what is logged. From it: the
    request's status (refused, with counsel, parent notice to send, may be released), whether it
    goes into the restricted file (a non-disclosure order), and an entry in the student's record
    of requests and disclosures when the pack says one is kept (34 CFR 99.32). Counsel is told
    by e-mail when the pack says so. Raises ValidationError for codes outside the vocabulary.
    """
    requested = list(dict.fromkeys(requested))
    directory_items = list(dict.fromkeys(directory_items))
    _check_codes(channel, requester, requested, document)
    if Request.DIRECTORY_INFORMATION in requested:
        if not directory_items:
            raise ValidationError(
                {"directory_items": _("Say which directory information is asked for.")}
            )
        if any(item not in DirectoryCategory.values for item in directory_items):
            raise ValidationError({"directory_items": _("Choose from the directory items.")})
    else:
        directory_items = []
    refuse_national_numbers(
        requester_name=requester.name,
        requester_organization=requester.organization,
        requester_badge=requester.badge,
        requester_phone=requester.phone,
        requester_email=requester.email,
        description=description,
        stated_interest=stated_interest,
        document_reference=document.reference if document else "",
    )
    if student is not None and student.district_id != district.pk:
        raise ValidationError({"student": _("This student is not in the district.")})
    if school is not None and school.district_id != district.pk:
        raise ValidationError({"school": _("This school is not in the district.")})
    now = timezone.now()
    received_at = received_at or now
    today = timezone.localdate(received_at)
    school = school or (student.school if student is not None else None)
    settings_ = policy_of(district)
    policy = policy_for(district)
    facts = facts_for(
        channel=channel,
        requester=requester,
        requested=requested,
        student=student,
        document=document,
        identified_by_non_directory_info=identified_by_non_directory_info,
        today=today,
        policy=settings_,
        directory_items=directory_items,
        opted_out_excluded=opted_out_excluded,
        purpose_within_notice=purpose_within_notice,
    )
    decision = policy.decide(facts)
    records_outcome = decision.records.value
    closed_note = ""
    if records_outcome in ("NONE",):
        status = RecordsRequest.Status.DENIED
    elif records_outcome == "NOT_APPLICABLE":
        status = RecordsRequest.Status.CLOSED
    elif records_outcome in ("HOLD_FOR_COUNSEL", "DISCLOSE_WITHOUT_NOTICE_ORDERED"):
        # A release without the parent's notice waits for counsel to confirm the order's terms
        # (the pack's own step): nothing is released before counsel's direction is recorded.
        status = RecordsRequest.Status.WITH_COUNSEL
    elif any(code in decision.notify for code in NOTICE_CODES):
        status = RecordsRequest.Status.AWAITING_NOTICE
    else:
        status = RecordsRequest.Status.READY
    if status not in (RecordsRequest.Status.DENIED, RecordsRequest.Status.CLOSED) and not (
        stated_interest.strip()
    ):
        # Anything that may lead to a release goes into the record of disclosures with the
        # requester's legitimate interest (34 CFR 99.32(a)(3)): ask for it now.
        raise ValidationError(
            {
                "stated_interest": _(
                    "Write down why they say they need it: the record of disclosures must show "
                    "their interest."
                )
            }
        )
    request = RecordsRequest.objects.create(
        district=district,
        school=school,
        student=student,
        received_at=received_at,
        channel=channel,
        requester_name=requester.name,
        requester_agency=requester.agency,
        requester_organization=requester.organization,
        requester_badge=requester.badge,
        requester_phone=requester.phone,
        requester_email=requester.email,
        business_card=requester.business_card,
        requested=requested,
        directory_items=directory_items,
        opted_out_excluded=opted_out_excluded,
        purpose_within_notice=purpose_within_notice,
        description=description,
        stated_interest=stated_interest,
        document_class=document.doc_class if document else "",
        document_reference=(
            document.reference if document and document.doc_class not in DHS_DOCUMENTS else ""
        ),
        facial_check=document.facial_check if document else FacialCheck.NOT_APPLICABLE,
        nondisclosure=document.nondisclosure if document else Nondisclosure.NONE,
        identified_by_non_directory_info=identified_by_non_directory_info,
        respond_by=respond_by,
        due_on=respond_by or today + timedelta(days=settings_.response_days),
        decision=decision.as_dict(),
        records_outcome=records_outcome,
        pack=f"{decision.pack_id} {decision.pack_version}",
        restricted="RESTRICTED_FILE" in decision.log,
        status=status,
        closed_note=closed_note,
        created_by=actor,
        created_at=now,
    )
    entry = None
    if student is not None and "FERPA_REQUEST_RECORD" in decision.log and not request.restricted:
        refused = status == RecordsRequest.Status.DENIED
        entry = DisclosureEntry.objects.create(
            district=district,
            student=student,
            request=request,
            kind=DisclosureEntry.Kind.REFUSED if refused else DisclosureEntry.Kind.REQUEST,
            on_date=today,
            parties=_parties(request)[:400],
            legitimate_interest=stated_interest or description or "—",
            basis=_basis(decision),
            recorded_by=actor,
        )
    told = _tell(request, list(decision.notify))
    _audit(
        "records.request_received",
        actor=actor,
        request=request,
        data={
            "told": told,
            "to_tell": [duty["code"] for duty in request.duties],
            "student": str(student.pk) if student else None,
            "channel": channel,
            "agency": requester.agency,
            "requested": requested,
            "document": request.document_class or None,
            "records": records_outcome,
            "status": status,
            "restricted": request.restricted,
            "pack": request.pack,
            "entry": str(entry.pk) if entry else None,
        },
    )
    _warn_if_return_date_too_soon(request, actor, today)
    return request


# Whom Threshold tells itself, by e-mail to their accounts, naming only the request's reference:
# the role that holds each notify code, and whether it is held at the request's school.
TOLD_BY_EMAIL: dict[str, tuple[Role, bool]] = {
    "COUNSEL": (Role.DISTRICT_COUNSEL, False),
    "SUPERINTENDENT": (Role.SUPERINTENDENT, False),
    "DESIGNATED_OFFICIAL": (Role.DESIGNATED_OFFICIAL, True),
}


def _emails_of(request: RecordsRequest, role: Role, at_school: bool) -> list[str]:
    found = Membership.objects.filter(
        district=request.district, role=role, user__is_active=True
    ).select_related("user")
    if at_school and request.school is not None:
        found = found.filter(Q(school=request.school) | Q(school__isnull=True))
    return sorted({m.user.email for m in found if m.user.email})


def _tell(request: RecordsRequest, notify: list[str]) -> list[str]:
    """Everyone the pack's decision says to tell: counsel, the superintendent's office and the
    designated official by e-mail (the reference and due date only, never the student); the
    parent's FERPA notice through the notice step; everyone else, and anyone without an
    account to e-mail, as a "You must tell" duty on the request whose completion is recorded."""
    told: list[str] = []
    duties: list[dict[str, Any]] = []
    for code in dict.fromkeys(notify):
        if code in NOTICE_CODES:
            continue
        recipients = _emails_of(request, *TOLD_BY_EMAIL[code]) if code in TOLD_BY_EMAIL else []
        if recipients:
            queue_email(
                to=recipients,
                subject=_("Request for student information %(ref)s") % {"ref": request.reference},
                body=_(
                    "A request for student information was recorded in Threshold "
                    "(reference %(ref)s, due %(due)s). The district's policy pack says you are "
                    "to be told. The records officer holds the details."
                )
                % {"ref": request.reference, "due": request.due_on.isoformat()},
                district=request.district,
            )
            told.append(code)
        else:
            duties.append({"code": code, "done_on": None, "done_by": ""})
    if duties:
        request.duties = duties
        request.save(update_fields=["duties"])
    return told


def open_duties(request: RecordsRequest) -> list[dict[str, Any]]:
    return [duty for duty in request.duties if not duty.get("done_on")]


@transaction.atomic
def duty_done(*, request: RecordsRequest, actor: User, code: str) -> RecordsRequest:
    """Record that someone the pack names was told (by whoever records it, today)."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    duties = [dict(duty) for duty in request.duties]
    for duty in duties:
        if duty["code"] == code and not duty.get("done_on"):
            duty["done_on"] = timezone.localdate().isoformat()
            duty["done_by"] = actor.full_name or actor.email
            break
    else:
        raise ValidationError(_("Nothing is waiting to be done here."))
    request.duties = duties
    request.save(update_fields=["duties"])
    _audit("records.duty_done", actor=actor, request=request, data={"code": code})
    return request


def _warn_if_return_date_too_soon(request: RecordsRequest, actor: User, today: date) -> None:
    """A document whose return date falls inside the parent's notice period cannot be answered
    in time without cutting the period short: counsel is told at once (to ask the issuer for
    more time or the court for an order)."""
    if not return_date_too_soon(request, today):
        return
    recipients = _counsel_emails(request.district)
    if recipients:
        queue_email(
            to=recipients,
            subject=_("Return date inside the notice period: request %(ref)s")
            % {"ref": request.reference},
            body=_(
                "Request %(ref)s in Threshold must be answered by %(due)s, before the parent's "
                "notice period can end. Ask the issuer for more time, or the court for an order, "
                "before anything is released."
            )
            % {"ref": request.reference, "due": request.respond_by.isoformat()},
            district=request.district,
        )
    _audit(
        "records.return_date_warning",
        actor=actor,
        request=request,
        data={"respond_by": request.respond_by.isoformat(), "counsel_emailed": len(recipients)},
    )


def return_date_too_soon(request: RecordsRequest, today: date | None = None) -> bool:
    """Whether the document's return date comes before a notice sent now could run its
    course (only for a request that waits on a parent notice)."""
    if request.respond_by is None or not request.is_open or not notice_required(request):
        return False
    today = today or timezone.localdate()
    first = release_date(request) or today + timedelta(
        days=policy_of(request.district).notice_period_days
    )
    return request.respond_by < first


def notice_required(request: RecordsRequest) -> bool:
    """Whether the pack's decision, or counsel's direction on a request the pack held for
    counsel, asks for advance notice to the parent or eligible student."""
    if request.counsel_direction == RecordsRequest.Direction.RELEASE_AFTER_NOTICE:
        return True
    return any(code in request.decision.get("notify", []) for code in NOTICE_CODES)


def _keeps_99_32_entry(request: RecordsRequest) -> bool:
    """A release goes into the student's record unless the request is in the restricted file and
    the pack exempts it (34 CFR 99.32(d))."""
    if request.student is None or request.restricted:
        return False
    if request.counsel_direction == RecordsRequest.Direction.RELEASE_AFTER_NOTICE:
        return True
    return "FERPA_REQUEST_RECORD" in request.decision.get("log", [])


@transaction.atomic
def counsel_direction_record(
    *,
    request: RecordsRequest,
    actor: User,
    direction: str,
    counsel_name: str = "",
    note: str = "",
) -> RecordsRequest:
    """Record counsel's direction on a request the policy pack held for counsel: release after
    notice to the parent, release without notice (only where an order forbids notice), or
    release nothing.

    Only counsel, from counsel's own account, directs a release without notice. The records
    officer may record counsel's other directions on counsel's behalf, naming counsel: the
    event says so and counsel is e-mailed to check it.

    When counsel lets a restricted matter go ahead with the parent's notice, or releases
    nothing, the request leaves the restricted file and takes its place in the student's record
    of requests (34 CFR 99.32): only a release without notice under an order is exempt."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RecordsRequest.Status.WITH_COUNSEL:
        raise ValidationError(_("This request is not waiting for counsel."))
    refuse_national_numbers(note=note, counsel_name=counsel_name)
    by_counsel = is_counsel(actor, request.district)
    if by_counsel:
        counsel_name = actor.full_name or actor.email
    elif not counsel_name.strip():
        raise ValidationError({"counsel_name": _("Name the counsel who decided.")})
    Direction = RecordsRequest.Direction
    if direction == Direction.RELEASE_AFTER_NOTICE:
        if request.student is None:
            raise ValidationError(
                {"direction": _("A notice needs the student: this request names none.")}
            )
        status = RecordsRequest.Status.AWAITING_NOTICE
    elif direction == Direction.RELEASE_UNDER_ORDER:
        if not by_counsel:
            raise ValidationError(
                {
                    "direction": _(
                        "Only counsel, signed in to their own account, may direct a release "
                        "without notice to the parent."
                    )
                }
            )
        if request.nondisclosure not in (
            Nondisclosure.ORDERED_BY_COURT,
            Nondisclosure.ORDERED_BY_AGENCY,
        ):
            raise ValidationError(
                {"direction": _("Only an order that forbids telling the family allows this.")}
            )
        status = RecordsRequest.Status.READY
    elif direction == Direction.NO_RELEASE:
        status = RecordsRequest.Status.CLOSED
    else:
        raise ValidationError({"direction": _("Choose counsel's direction.")})
    request.counsel_direction = direction
    request.counsel_name = counsel_name.strip()[:200]
    request.counsel_note = note.strip()
    request.status = status
    if status == RecordsRequest.Status.CLOSED:
        request.closed_note = note.strip() or _("Counsel directed that nothing be released.")
    request.save(
        update_fields=["counsel_direction", "counsel_name", "counsel_note", "status", "closed_note"]
    )
    _audit(
        "records.counsel_direction_recorded",
        actor=actor,
        request=request,
        data={"direction": direction, "status": status, "by_counsel": by_counsel},
    )
    if request.restricted and direction != Direction.RELEASE_UNDER_ORDER:
        _lift_restriction(request, actor)
    if not by_counsel:
        _ask_counsel_to_confirm(request, actor)
    return request


def _lift_restriction(request: RecordsRequest, actor: User) -> None:
    """The matter leaves the restricted file; the student's record gets its request entry."""
    request.restricted = False
    request.save(update_fields=["restricted"])
    entry = None
    if request.student is not None and not request.entries.exists():
        refused = request.counsel_direction == RecordsRequest.Direction.NO_RELEASE
        entry = DisclosureEntry.objects.create(
            district=request.district,
            student=request.student,
            request=request,
            kind=DisclosureEntry.Kind.REFUSED if refused else DisclosureEntry.Kind.REQUEST,
            on_date=timezone.localdate(request.received_at),
            parties=_parties(request)[:400],
            legitimate_interest=request.stated_interest or request.description or "—",
            basis=_basis_of_stored(request),
            recorded_by=actor,
        )
    record(
        "records.restriction_lifted",
        actor=actor,
        district=request.district,
        school=request.school,
        subject=request,
        data={
            "direction": request.counsel_direction,
            "student": str(request.student_id) if request.student_id else None,
            "entry": str(entry.pk) if entry else None,
        },
    )


def _basis_of_stored(request: RecordsRequest) -> str:
    """The basis of a stored decision, with counsel's direction."""
    direction = request.get_counsel_direction_display()
    headline = request.decision.get("headline", "")
    return " · ".join(part for part in (headline, _("Counsel: %s") % direction) if part)


def _ask_counsel_to_confirm(request: RecordsRequest, actor: User) -> None:
    """A direction recorded on counsel's behalf: counsel is told, to confirm or correct it."""
    recipients = _counsel_emails(request.district)
    if recipients:
        queue_email(
            to=recipients,
            subject=_("Please confirm: direction recorded for you on request %(ref)s")
            % {"ref": request.reference},
            body=_(
                "%(actor)s recorded in Threshold a direction in your name on request %(ref)s: "
                "%(direction)s. Open the records queue to check it; tell the records officer at "
                "once if it is not what you decided."
            )
            % {
                "actor": actor.full_name or actor.email,
                "ref": request.reference,
                "direction": request.get_counsel_direction_display(),
            },
            district=request.district,
        )
    _audit(
        "records.counsel_confirmation_asked",
        actor=actor,
        request=request,
        data={"emailed": len(recipients)},
    )


def release_date(request: RecordsRequest) -> date | None:
    """The first day records may be released, when a notice governs it (else None): only once
    every notice was delivered (an e-mail the mail server took, a letter marked posted), and
    never while one could not be delivered."""
    if not notice_required(request):
        return None
    sent = list(request.notices.all())
    if not sent or any(notice.earliest_release is None for notice in sent):
        return None
    after_notice = max(notice.earliest_release for notice in sent)
    if request.release_order_on is not None:
        return min(after_notice, request.release_order_on)
    return after_notice


def notice_recipients(request: RecordsRequest, today: date) -> tuple[bool, list[tuple]]:
    """Who gets the notice, decided on today's facts: the student once 18 (or flagged as
    holding the rights), else each parent or guardian, each in their language. Refused when
    the student's age is unknown: the roster must give the date of birth or the flag."""
    student = request.student
    if student is None:
        raise ValidationError(_("This request does not wait for a notice."))
    if student.date_of_birth is None and not student.eligible_flag:
        raise ValidationError(
            _(
                "The student's date of birth is not on file, so Threshold cannot tell whether "
                "the parents or the student hold the rights: add it with the roster import."
            )
        )
    to_student = student.is_eligible(today)
    guardians = list(student.guardians.all())
    if to_student:
        language = guardians[0].preferred_language if guardians else "en"
        recipients = [(str(student), student.email, language)]
    else:
        recipients = [(g.name, g.email, g.preferred_language) for g in guardians]
    if not recipients:
        raise ValidationError(
            _("No parent or guardian is on file for this student: add them with the roster import.")
        )
    return to_student, recipients


@transaction.atomic
def notice_send(
    *, request: RecordsRequest, actor: User, now: datetime | None = None
) -> list[Notice]:
    """Send the advance notice to each parent (or to the eligible student), each in their own
    language: by e-mail where there is an address, else as a letter for the office to print and
    post. The waiting period starts when each notice is delivered, not now."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RecordsRequest.Status.AWAITING_NOTICE or request.student is None:
        raise ValidationError(_("This request does not wait for a notice."))
    now = now or timezone.now()
    today = timezone.localdate(now)
    period = policy_of(request.district).notice_period_days
    stated = today + timedelta(days=period)
    to_student, recipients = notice_recipients(request, today)
    sent: list[Notice] = []
    for name, email, language in recipients:
        rendered = notices.render_notice(
            request=request,
            recipient_name=name,
            language=language,
            earliest_release=stated,
            to_student=to_student,
        )
        notice = Notice.objects.create(
            request=request,
            recipient_name=name,
            recipient_email=email,
            language=rendered.language,
            method=Notice.Method.EMAIL if email else Notice.Method.MAIL,
            state=Notice.State.QUEUED if email else Notice.State.TO_POST,
            subject=rendered.subject,
            body=rendered.body,
            sent_at=now,
            stated_release=stated,
            sent_by=actor,
        )
        if email:
            _queue_notice(notice, request.district)
        sent.append(notice)
    request.status = RecordsRequest.Status.NOTICE_SENT
    request.save(update_fields=["status"])
    _audit(
        "records.notice_sent",
        actor=actor,
        request=request,
        data={
            "notices": [str(n.pk) for n in sent],
            "languages": [n.language for n in sent],
            "methods": [n.method for n in sent],
            "to_student": to_student,
            "stated_release": stated.isoformat(),
        },
    )
    return sent


def _queue_notice(notice: Notice, district: District) -> None:
    from threshold.records.tasks import deliver_notice

    notice_id, district_id = str(notice.pk), str(district.pk)
    transaction.on_commit(
        lambda: deliver_notice.enqueue(notice_id=notice_id, district_id=district_id)
    )


def _delivered(notice: Notice, when: datetime) -> None:
    """The period runs from delivery (never earlier than the date the notice names, since a
    notice is delivered after it is written)."""
    period = policy_of(notice.request.district).notice_period_days
    notice.delivered_at = when
    notice.earliest_release = timezone.localdate(when) + timedelta(days=period)
    notice.failure = ""


def notice_deliver(
    *, notice_id: str, last_attempt: bool = False, now: datetime | None = None
) -> str:
    """Send one notice by e-mail (the worker's task), at most once; write back whether it was
    delivered. Raises when the send fails, so that the worker tries again; after the last
    attempt the notice is marked failed and the release stays blocked."""
    from django.core.mail import EmailMessage

    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("request__district", "request__school")
            .filter(pk=notice_id)
            .first()
        )
        if notice is None:
            return "no such notice"
        if notice.state != Notice.State.QUEUED:
            return f"already {notice.state}"
    try:
        EmailMessage(subject=notice.subject, body=notice.body, to=[notice.recipient_email]).send()
    except Exception as error:
        name = type(error).__name__
        with transaction.atomic():
            notice = Notice.objects.select_for_update().get(pk=notice_id)
            notice.failure = name[:300]
            if last_attempt:
                notice.state = Notice.State.FAILED
            notice.save(update_fields=["failure", "state"])
            _audit(
                "records.notice_delivery",
                actor=None,
                request=notice.request,
                data={"notice": str(notice.pk), "delivered": False, "error": name[:100]},
            )
        raise
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(pk=notice_id)
        notice.state = Notice.State.SENT
        _delivered(notice, now or timezone.now())
        notice.save(update_fields=["state", "delivered_at", "earliest_release", "failure"])
        _audit(
            "records.notice_delivery",
            actor=None,
            request=notice.request,
            data={
                "notice": str(notice.pk),
                "delivered": True,
                "earliest_release": notice.earliest_release.isoformat(),
            },
        )
    return "sent"


@transaction.atomic
def notice_mark_posted(*, notice: Notice, actor: User, now: datetime | None = None) -> Notice:
    """The office posted the letter (or, for an e-mail that could not be delivered, a printed
    letter instead): the waiting period starts today."""
    notice = (
        Notice.objects.select_for_update(of=("self",)).select_related("request").get(pk=notice.pk)
    )
    if notice.state not in (Notice.State.TO_POST, Notice.State.FAILED):
        raise ValidationError(_("This notice is not waiting to be posted."))
    if not notice.request.is_open:
        raise ValidationError(_("This request is closed."))
    now = now or timezone.now()
    notice.method = Notice.Method.MAIL
    notice.state = Notice.State.POSTED
    _delivered(notice, now)
    notice.save(update_fields=["method", "state", "delivered_at", "earliest_release", "failure"])
    _audit(
        "records.notice_posted",
        actor=actor,
        request=notice.request,
        data={"notice": str(notice.pk), "earliest_release": notice.earliest_release.isoformat()},
    )
    return notice


@transaction.atomic
def release_order_record(
    *, request: RecordsRequest, actor: User, release_on: date, reference: str
) -> RecordsRequest:
    """A court order sets its own date for the release: it governs instead of the district's
    notice period. Counsel records it, from counsel's own account; the notice must have gone
    out, and the date cannot come before the notice."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    if not is_counsel(actor, request.district):
        raise ValidationError(_("Only counsel records an order's release date."))
    if not request.is_open or not notice_required(request):
        raise ValidationError(_("Only a request waiting on a parent notice takes an order's date."))
    if not reference.strip():
        raise ValidationError({"reference": _("Name the order (court, case number, date).")})
    refuse_national_numbers(reference=reference)
    sent = [timezone.localdate(n.delivered_at or n.sent_at) for n in request.notices.all()]
    if not sent:
        raise ValidationError(_("Send the notice to the parent before any release."))
    if release_on < max(sent):
        raise ValidationError(
            {
                "release_on": _("The date cannot come before the parent's notice (%(date)s).")
                % {"date": max(sent).isoformat()}
            }
        )
    request.release_order_on = release_on
    request.release_order_reference = reference.strip()
    request.save(update_fields=["release_order_on", "release_order_reference"])
    _audit(
        "records.release_order_recorded",
        actor=actor,
        request=request,
        data={"release_on": release_on.isoformat()},
    )
    return request


@transaction.atomic
def disclosure_record(
    *,
    request: RecordsRequest,
    actor: User,
    what: str,
    disclosed_to: str,
    redisclosure_conditions: str,
    now: datetime | None = None,
) -> RecordsRequest:
    """Record that the records were released. Refused before the notice period has passed (or
    the date an order set), and for a request that may not be released at all."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not what.strip():
        raise ValidationError({"what": _("Say what was released.")})
    refuse_national_numbers(
        what=what, disclosed_to=disclosed_to, redisclosure_conditions=redisclosure_conditions
    )
    if request.status == RecordsRequest.Status.AWAITING_NOTICE:
        raise ValidationError(_("Send the notice to the parent before any release."))
    if request.status not in (RecordsRequest.Status.READY, RecordsRequest.Status.NOTICE_SENT):
        raise ValidationError(_("Nothing may be released on this request."))
    if notice_required(request):
        notices_ = list(request.notices.all())
        if any(n.state == Notice.State.FAILED for n in notices_):
            raise ValidationError(
                _(
                    "A notice to the family could not be delivered: post it as a letter and "
                    "mark it posted before any release."
                )
            )
        if any(n.earliest_release is None for n in notices_ if n.state != Notice.State.FAILED):
            raise ValidationError(
                _(
                    "A notice has not been delivered yet (an e-mail waiting to go, or a letter "
                    "not yet posted): the waiting period has not started."
                )
            )
        first_day = release_date(request)
        if first_day is None:
            raise ValidationError(_("Send the notice to the parent before any release."))
        if today < first_day:
            raise ValidationError(
                _("Not before %(date)s: the parent has until then to ask the court for protection.")
                % {"date": first_day.isoformat()}
            )
    request.status = RecordsRequest.Status.DISCLOSED
    request.disclosed_on = today
    request.disclosed_what = what.strip()
    request.disclosed_to = (disclosed_to.strip() or _parties(request))[:300]
    request.redisclosure_conditions = redisclosure_conditions.strip()
    request.disclosed_by = actor
    request.save(
        update_fields=[
            "status",
            "disclosed_on",
            "disclosed_what",
            "disclosed_to",
            "redisclosure_conditions",
            "disclosed_by",
        ]
    )
    entry = None
    if request.student is not None and _keeps_99_32_entry(request):
        first = request.entries.order_by("recorded_at").first()
        entry = DisclosureEntry.objects.create(
            district=request.district,
            student=request.student,
            request=request,
            kind=DisclosureEntry.Kind.DISCLOSURE,
            on_date=today,
            parties=request.disclosed_to,
            legitimate_interest=(
                first.legitimate_interest
                if first
                else request.stated_interest or request.description or "—"
            ),
            basis=first.basis if first else request.decision.get("headline", ""),
            what_disclosed=request.disclosed_what,
            redisclosure_conditions=request.redisclosure_conditions,
            recorded_by=actor,
        )
    _audit(
        "records.disclosure_recorded",
        actor=actor,
        request=request,
        data={"entry": str(entry.pk) if entry else None, "restricted": request.restricted},
    )
    return request


@transaction.atomic
def request_close(*, request: RecordsRequest, actor: User, note: str) -> RecordsRequest:
    """Close an open request without a release (counsel decided not to produce, the requester
    withdrew it, a court quashed the subpoena)."""
    request = RecordsRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise ValidationError(_("This request is already closed."))
    if not note.strip():
        raise ValidationError({"note": _("Say why the request is closed.")})
    refuse_national_numbers(note=note)
    request.status = RecordsRequest.Status.CLOSED
    request.closed_note = note.strip()
    request.save(update_fields=["status", "closed_note"])
    _audit("records.request_closed", actor=actor, request=request)
    return request


POLICY_FIELDS = (
    "directory_categories",
    "parties_limited",
    "directory_parties",
    "directory_purposes",
    "annual_notice_on",
    "opt_out_days",
    "notice_period_days",
    "response_days",
    "retention_years",
)


@transaction.atomic
def policy_update(*, district: District, actor: User, values: Mapping[str, Any]) -> RecordsPolicy:
    """Save the district's directory-information policy and records settings."""
    policy = policy_of(district)
    changed = []
    for name in POLICY_FIELDS:
        if name in values and getattr(policy, name) != values[name]:
            setattr(policy, name, values[name])
            changed.append(name)
    if policy.notice_period_days < 1:
        raise ValidationError({"notice_period_days": _("Give the parent at least one day.")})
    policy.updated_at = timezone.now()
    policy.save()
    record(
        "records.policy_changed",
        actor=actor,
        district=district,
        subject=district,
        data={"changed": changed},
    )
    return policy


@transaction.atomic
def opt_out_set(*, student: Student, actor: User, opted_out: bool, note: str = "") -> Student:
    """A parent opts the student out of directory information, or withdraws the opt-out."""
    refuse_national_numbers(note=note)
    student = Student.objects.select_for_update().get(pk=student.pk)
    if student.directory_opt_out == opted_out:
        return student
    student.directory_opt_out = opted_out
    student.updated_at = timezone.now()
    student.save(update_fields=["directory_opt_out", "updated_at"])
    change = OptOutChange.objects.create(
        student=student,
        opted_out=opted_out,
        source=OptOutChange.Source.OFFICER,
        note=note[:300],
        changed_by=actor,
    )
    record(
        "records.opt_out_changed",
        actor=actor,
        district=student.district,
        school=student.school,
        subject=student,
        data={"opted_out": opted_out, "change": str(change.pk)},
    )
    return student
