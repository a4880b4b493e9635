"""The notice a parent (or an eligible student) receives before student records are released
under a subpoena or court order (34 CFR 99.31(a)(9)(ii)), in the recipient's language.

The words are the district's own "Notice before a student's records are released" (the notices
app), in the five languages families read. Only a reviewed text is ever sent: where the family's
language has no reviewed version the notice goes in English, and where English has none either,
nothing goes and the records officer is told to have the text reviewed. `render_notice` is the one
entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from threshold.notices import queries as notice_queries
from threshold.notices import services as notice_services
from threshold.notices.models import Kind
from threshold.notices.render import format_day
from threshold.policies import labels
from threshold.records.models import RecordsRequest

# The interface's own languages: document and request names come from its translations.
_LABEL_LANGUAGES = ("en", "es")


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
    """The notice's subject and text in `language`, or in English when that language has no
    reviewed text. Raises ValidationError when no reviewed text can be sent."""
    district = request.district
    text = notice_services.usable_text(district, Kind.RECORDS_NOTICE, language)
    if text is None and language != "en":
        text = notice_services.usable_text(district, Kind.RECORDS_NOTICE, "en")
    if text is None:
        raise ValidationError(
            _(
                "The notice to parents before a release has no reviewed text: have it reviewed "
                "under Notices to families, then send it."
            )
        )
    student = request.student
    values = notice_services.district_values(district, notice_queries.contact_of(district))
    with translation.override(text.language if text.language in _LABEL_LANGUAGES else "en"):
        values.update(
            {
                "student": f"{student.given_name} {student.family_name}" if student else "",
                "school": request.school.name if request.school else "",
                "requester": request.requester_display(),
                "document": labels.say(labels.DOCUMENT, request.document_class),
                "reference": request.document_reference or "—",
                "records": ", ".join(request.requested_labels()),
                "release_date": format_day(earliest_release, text.language),
            }
        )
    rendered = notice_services.rendered(text, values)
    return RenderedNotice(language=text.language, subject=rendered.subject, body=rendered.plain)
