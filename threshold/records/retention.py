"""Purging students who left longer ago than the district keeps their education records.

The record of requests and disclosures is kept with the education record, for as long as it is
(34 CFR 99.32(a)(2)): a district sets that period in years (RecordsPolicy.retention_years). A
student who left more than that many years ago is removed with their parents' contacts, opt-out
history, requests, notices and 99.32 entries, unless a request about them is still open. Each
district's chain records how many, never whom.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from threshold.accounts.models import District
from threshold.audit.services import record
from threshold.records.models import DisclosureEntry, Notice, RecordsRequest, Student
from threshold.records.queries import policy_of


@transaction.atomic
def purge_students(now: datetime | None = None) -> int:
    """Remove the students past their district's retention period; return how many."""
    today = timezone.localdate(now or timezone.now())
    total = 0
    for district in District.objects.filter(students__is_active=False).distinct().order_by("pk"):
        years = policy_of(district).retention_years
        try:
            before = today.replace(year=today.year - years)
        except ValueError:  # 29 February
            before = today.replace(year=today.year - years, day=28)
        gone = Student.objects.filter(
            district=district, is_active=False, left_on__lt=before
        ).exclude(requests__status__in=RecordsRequest.OPEN_STATUSES)
        ids = list(gone.values_list("pk", flat=True))
        if not ids:
            continue
        # Each kind of row is removed on purpose: a student's requests and 99.32 entries are
        # protected from any other deletion.
        requests = RecordsRequest.objects.filter(student_id__in=ids)
        DisclosureEntry.objects.filter(request__in=requests).delete()
        DisclosureEntry.objects.filter(student_id__in=ids).delete()
        Notice.objects.filter(request__in=requests).delete()
        requests.delete()
        removed = Student.objects.filter(pk__in=ids).delete()[1].get("records.Student", 0)
        record("records.students_purged", actor=None, district=district, data={"students": removed})
        total += removed
    return total
