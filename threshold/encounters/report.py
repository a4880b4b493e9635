"""The incident report of an encounter: a PDF written when the encounter closes, kept with it,
and sent as a link (never its content, never a name) to the superintendent and counsel.

It holds the identification, the documents with their images, the checker's findings as a
checklist, the decision with the pack's citations, the timeline (from the encounter's audit
events), the outcome and the witnesses. Every text is drawn in the shared sans font, which has
the letters of every language Threshold writes.
"""

from __future__ import annotations

import hashlib
import io
from html import escape
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from threshold.accounts.models import Membership, User
from threshold.accounts.roles import Role
from threshold.audit import actions
from threshold.audit.models import AuditEvent
from threshold.audit.services import record
from threshold.encounters import guidance, queries
from threshold.encounters.models import Encounter, EncounterDocument, EncounterReport
from threshold.exports import sans_bold_font, sans_font
from threshold.notify.models import Notification
from threshold.policies import labels
from threshold.visitors import clock
from threshold.visitors import queries as visitor_queries
from threshold.worker.mail import queue_email

RESULT_LABELS = {
    "granted": _("granted"),
    "denied": _("denied"),
    "under_protest": _("taken under protest, without consent"),
}


def result_label(code: str) -> str:
    return str(RESULT_LABELS.get(code, code))


def timeline(encounter: Encounter) -> list[AuditEvent]:
    """The encounter's audit events, in order: its own, and its notifications'."""
    notifications = [
        str(pk)
        for pk in Notification.objects.filter(encounter=encounter).values_list("pk", flat=True)
    ]
    from django.db.models import Q

    return list(
        AuditEvent.objects.filter(
            Q(subject_type="encounters.encounter", subject_id=str(encounter.pk))
            | Q(subject_type="notify.notification", subject_id__in=notifications)
        )
        .select_related("actor")
        .order_by("created_at", "seq")
    )


def _styles() -> dict[str, ParagraphStyle]:
    font, bold = sans_font(), sans_bold_font()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12, leading=15, spaceBefore=10),
        "body": ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12),
        "small": ParagraphStyle("small", fontName=font, fontSize=8, leading=10),
    }


def _paragraph(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _grid(rows: list[list[Any]], style: ParagraphStyle, widths: list[float]) -> Table:
    cells = [[_paragraph(cell, style) for cell in row] for row in rows]
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
            ]
        )
    )
    return table


def _image(document: EncounterDocument) -> Image | None:
    if document.image is None:
        return None
    from PIL import Image as PILImage

    data = bytes(document.image)
    with PILImage.open(io.BytesIO(data)) as picture:
        width, height = picture.size
    most_w, most_h = 6.5 * inch, 4.5 * inch
    scale = min(most_w / width, most_h / height, 1.0)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def render_pdf(encounter: Encounter) -> bytes:
    """The report as a PDF, in the language active now."""
    return render(encounter)[0]


def render(encounter: Encounter) -> tuple[bytes, list[str]]:
    """The report as a PDF, and every text written into it (in order), in the language active
    now."""
    written: list[str] = []

    def _p(text: Any, style: ParagraphStyle) -> Paragraph:
        written.append(str(text))
        return _paragraph(text, style)

    def _table(rows: list[list[Any]], style: ParagraphStyle, widths: list[float]) -> Table:
        for row in rows:
            written.extend(str(cell) for cell in row)
        return _grid(rows, style, widths)

    styles = _styles()
    body, small = styles["body"], styles["small"]
    zone = clock.zone(visitor_queries.desk_settings(encounter.school))

    def when(moment: Any) -> str:
        return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M:%S") if moment else "—"

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=letter,
        leftMargin=0.7 * inch,
        rightMargin=0.7 * inch,
        topMargin=0.6 * inch,
        bottomMargin=0.6 * inch,
        title=_("Officer visit: incident report"),
    )
    story: list[Any] = [
        _p(_("Officer visit: incident report"), styles["title"]),
        _p(
            _("%(school)s · started %(start)s · closed %(end)s")
            % {
                "school": encounter.school.name,
                "start": when(encounter.started_at),
                "end": when(encounter.closed_at),
            },
            body,
        ),
        _p(
            _("Policy pack %(pack)s. Times are the school's local time (%(zone)s).")
            % {"pack": f"{encounter.pack_id} {encounter.pack_version}", "zone": str(zone)},
            small,
        ),
    ]
    recorded = queries.recorded(encounter)
    ident = [[_("Who is asking"), recorded.agency or "—"]]
    ident += [[label, value] for label, value in recorded.given]
    ident.append([_("Business card"), _("kept or copied") if recorded.card_kept else _("no")])
    ident.append([_("Refused to give"), ", ".join(recorded.refused) or "—"])
    if encounter.unidentified:
        ident.append(
            [
                _("Unidentified visitor"),
                _("The officer would not say who they are: handled as an unidentified visitor."),
            ]
        )
    if recorded.verification:
        ident.append(
            [
                _("Identity checked by telephone"),
                f"{recorded.verification} ({recorded.verification_called})",
            ]
        )
    story += [_p(_("Identification"), styles["h2"]), _table(ident, body, [2.0 * inch, 5.0 * inch])]

    asked = [
        [_("What they ask for"), "; ".join(recorded.requests) or "—"],
        [_("Where it would happen"), recorded.place or "—"],
        [_("In their words"), recorded.purpose or "—"],
        [_("Whom it concerns"), recorded.subject or "—"],
    ]
    if encounter.subject_name:
        asked.append([_("The name the officer gave"), encounter.subject_name])
    if encounter.student_id:
        student = encounter.student
        asked.append(
            [
                _("Student (found on the roster)"),
                f"{student} · {student.local_id}" if student else "—",
            ]
        )
    if recorded.exigency:
        asked.append([_("Emergency stated"), f"{recorded.exigency}: {recorded.exigency_basis}"])
    story += [_p(_("The request"), styles["h2"]), _table(asked, body, [2.0 * inch, 5.0 * inch])]

    story.append(_p(_("Documents presented"), styles["h2"]))
    shown = queries.documents(encounter)
    if not shown:
        story.append(_p(_("No document was presented."), body))
    for item in shown:
        document = item.document
        rows = [
            [_("Kind of document"), item.label],
            [_("What the check found"), item.facial],
            [_("Confidentiality terms"), item.nondisclosure],
            [
                _("Reviewed by the official"),
                (_("corrected") if document.corrected else _("confirmed"))
                if document.reviewed_at
                else _("not reviewed"),
            ],
        ]
        story.append(_table(rows, body, [2.0 * inch, 5.0 * inch]))
        if item.findings:
            story.append(_p(_("The checker's checklist"), body))
            checklist = [[str(f.get("result", "")), str(f.get("text", ""))] for f in item.findings]
            story.append(_table(checklist, small, [0.9 * inch, 6.1 * inch]))
        picture = _image(EncounterDocument.objects.get(pk=document.pk))
        if picture is not None:
            story += [Spacer(1, 4), picture]
        elif document.text:
            story.append(_p(document.text[:3000], small))
        story.append(Spacer(1, 8))

    decision = guidance.decision_for(encounter)
    story += [
        _p(_("The decision under the policy pack"), styles["h2"]),
        _p(decision.headline, body),
        _table(
            [
                [_("Where the officer may go"), labels.say(labels.ACCESS, decision.access.value)],
                [
                    _("The student"),
                    labels.say(labels.STUDENT_CONTACT, decision.student_contact.value),
                ],
                [_("Information"), labels.say(labels.RECORDS, decision.records.value)],
                [_("Tell"), ", ".join(str(labels.say(labels.NOTIFY, c)) for c in decision.notify)],
            ],
            body,
            [2.0 * inch, 5.0 * inch],
        ),
        _p(_("Why: the rules and their sources"), body),
    ]
    for rule in decision.rules:
        cites = "; ".join(
            str(cite.get("name") or cite.get("id") or "")
            + (f" <{cite['url']}>" if cite.get("url") else "")
            for cite in rule.citations
        )
        story.append(_p(f"• {rule.title}" + (f" ({cites})" if cites else ""), small))

    story.append(_p(_("Outcome"), styles["h2"]))
    outcome = [[_("Outcome"), encounter.get_outcome_display() or _("not recorded")]]
    for code, result in (encounter.results or {}).items():
        outcome.append([labels.say(labels.REQUEST, code), result_label(result)])
    if encounter.protest_at:
        outcome += [
            [_("When they went on without consent"), when(encounter.protest_at)],
            [_("Where they went"), encounter.protest_route],
        ]
    outcome.append([_("Staff present"), encounter.staff_present or "—"])
    outcome.append([_("Witnesses"), "\n".join(encounter.witnesses) or "—"])
    if encounter.outcome_note:
        outcome.append([_("What happened, briefly"), encounter.outcome_note])
    if encounter.records_request_id:
        outcome.append(
            [
                _("Records request"),
                encounter.records_request.reference if encounter.records_request else "",
            ]
        )
    story.append(_table(outcome, body, [2.0 * inch, 5.0 * inch]))

    story.append(_p(_("Who was told"), styles["h2"]))
    told = queries.told(encounter)
    rows = [
        [
            row.notification.recipient.full_name,
            row.notification.get_kind_display(),
            when(row.notification.created_at),
            when(row.notification.acknowledged_at) if row.notification.acknowledged_at else "—",
        ]
        for row in told
    ]
    if rows:
        story.append(
            _table(
                [[_("Who"), _("How"), _("When"), _("Acknowledged")], *rows],
                small,
                [2.2 * inch, 1.6 * inch, 1.6 * inch, 1.6 * inch],
            )
        )
    else:
        story.append(_p(_("Nobody was told."), body))

    story.append(_p(_("Timeline"), styles["h2"]))
    events = [
        [
            when(event.created_at),
            actions.describe(event.action),
            event.actor.full_name if event.actor else "",
        ]
        for event in timeline(encounter)
    ]
    story.append(_table(events or [["—", "", ""]], small, [1.5 * inch, 3.9 * inch, 1.6 * inch]))
    doc.build(story)
    return out.getvalue(), written


def _readers(encounter: Encounter) -> list[User]:
    """The superintendent and counsel of the district, who receive the report."""
    found = Membership.objects.filter(
        district_id=encounter.school.district_id,
        role__in=[Role.SUPERINTENDENT, Role.DISTRICT_COUNSEL],
        user__is_active=True,
    ).select_related("user")
    people = {m.user.pk: m.user for m in found}
    return sorted(people.values(), key=lambda u: u.full_name)


@transaction.atomic
def write_report(*, encounter: Encounter, actor: User) -> EncounterReport:
    """Write the report of a closed encounter, keep it, and send its link to the superintendent
    and counsel (through the worker, once this transaction commits)."""
    from threshold.watchlists.alerts import site_url

    with timezone.override(clock.zone(visitor_queries.desk_settings(encounter.school))):
        pdf = render_pdf(encounter)
    report = EncounterReport.objects.create(
        encounter=encounter, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest()
    )
    readers = _readers(encounter)
    emails = sorted({person.email for person in readers if person.email})
    link = site_url() + reverse("encounters-report", kwargs={"encounter_id": encounter.pk})
    if emails:
        queue_email(
            to=emails,
            subject=_("Officer visit report: %(school)s") % {"school": encounter.school.name},
            body=_(
                "An officer visit at %(school)s has closed and its incident report is ready. "
                "Sign in to Threshold to read it:\n\n%(link)s\n"
            )
            % {"school": encounter.school.name, "link": link},
            district=encounter.school.district,
        )
    record(
        "encounter.report_written",
        actor=actor,
        district=encounter.school.district,
        school=encounter.school,
        subject=encounter,
        data={
            "report": str(report.pk),
            "sha256": report.sha256,
            "sent_to": [str(person.pk) for person in readers if person.email],
        },
    )
    return report
