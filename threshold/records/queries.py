"""Reads of the records app: the district's policy, the queue, a student's record."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from threshold.accounts.models import District
from threshold.records.models import DisclosureEntry, RecordsPolicy, RecordsRequest, Student


def policy_of(district: District) -> RecordsPolicy:
    """The district's records policy; until one is saved, the defaults (not written)."""
    found = RecordsPolicy.objects.filter(district=district).first()
    return found if found is not None else RecordsPolicy(district=district)


def queue(requests: QuerySet[RecordsRequest], *, show: str = "open") -> QuerySet[RecordsRequest]:
    """Requests in the order they fall due; "open" ones by default, or all."""
    found = requests.select_related("student", "school")
    if show == "open":
        found = found.filter(status__in=RecordsRequest.OPEN_STATUSES)
    return found.order_by("due_on", "received_at")


def search_students(district: District, text: str) -> QuerySet[Student]:
    found = Student.objects.filter(district=district).select_related("school")
    for word in text.split()[:4]:
        found = found.filter(
            Q(local_id__iexact=word)
            | Q(family_name__icontains=word)
            | Q(given_name__icontains=word)
        )
    return found.order_by("family_name", "given_name")


def record_of(student: Student) -> QuerySet[DisclosureEntry]:
    """The student's record of requests and disclosures (34 CFR 99.32), oldest first. Requests in
    the restricted file never have an entry here."""
    return (
        DisclosureEntry.objects.filter(student=student)
        .exclude(request__restricted=True)
        .select_related("request", "recorded_by")
        .order_by("on_date", "recorded_at")
    )
