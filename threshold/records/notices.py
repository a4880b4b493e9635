"""The notice a parent (or an eligible student) receives before student records are released
under a subpoena or court order (34 CFR 99.31(a)(9)(ii)), in the recipient's language.

Each language has its own template (templates/records/notices/ferpa_notice.<language>.txt): the
text is the district's letter, not an interface string, so it is written whole in each language
rather than put together from translated pieces. `render_notice` is the one entry point, so that
a notices app can take the letters over without changing the callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import formats, translation

from threshold.policies import labels
from threshold.records.models import RecordsRequest

LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class RenderedNotice:
    language: str
    subject: str
    body: str


def render_notice(
    *,
    request: RecordsRequest,
    recipient_name: str,
    language: str,
    earliest_release: date,
    to_student: bool,
) -> RenderedNotice:
    """The notice's subject and text, in `language` (English when there is no letter in it)."""
    language = language if language in LANGUAGES else "en"
    student = request.student
    with translation.override(language):
        context = {
            "recipient": recipient_name,
            "to_student": to_student,
            "student": f"{student.given_name} {student.family_name}" if student else "",
            "school": request.school.name if request.school else "",
            "district": request.district.name,
            "document": labels.say(labels.DOCUMENT, request.document_class),
            "reference": request.document_reference,
            "requested": ", ".join(request.requested_labels()),
            "received": formats.date_format(request.received_at.date(), "DATE_FORMAT"),
            "release": formats.date_format(earliest_release, "DATE_FORMAT"),
            "request_ref": request.reference,
        }
        text = render_to_string(f"records/notices/ferpa_notice.{language}.txt", context)
    subject, _blank, body = text.strip().partition("\n")
    return RenderedNotice(language=language, subject=subject.strip(), body=body.strip() + "\n")
