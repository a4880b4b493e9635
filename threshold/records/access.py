"""Scoped lookups of students and records requests, following `accounts.access`.

Records are the district's: every lookup needs a district-wide role that grants the capability
(403 without it), and a row of another district is "not found" (404). A request in the restricted
file (a non-disclosure order applies) is "not found" to anyone who may not open that file.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from threshold.accounts import access
from threshold.accounts.access import _parse_id
from threshold.accounts.models import District
from threshold.accounts.roles import Capability
from threshold.records.models import RecordsRequest, Student

HANDLE = Capability.HANDLE_RECORDS_REQUESTS
READ = Capability.READ_RECORDS_REQUESTS
RESTRICTED = Capability.OPEN_RESTRICTED_FILE
IMPORT = Capability.IMPORT_ROSTER
DIRECT = Capability.RECORD_COUNSEL_DIRECTION
ORDER = Capability.DIRECT_RELEASE_WITHOUT_NOTICE


def district_for(user: Any, capability: Capability = READ) -> District:
    """The district whose records the user works on (a district-wide role)."""
    return access.district_for(user, capability)


def may_open_restricted(user: Any) -> bool:
    return access.has_capability(user, RESTRICTED)


def requests_for(user: Any, capability: Capability = READ) -> QuerySet[RecordsRequest]:
    """The district's requests the user may see: the restricted file only for those who may."""
    district = district_for(user, capability)
    found = RecordsRequest.objects.filter(district=district)
    if not may_open_restricted(user):
        found = found.filter(restricted=False)
    return found


def request_for(user: Any, request_id: Any, capability: Capability = READ) -> RecordsRequest:
    try:
        return (
            requests_for(user, capability)
            .select_related("district", "school", "student__school", "created_by")
            .get(pk=_parse_id(request_id))
        )
    except RecordsRequest.DoesNotExist:
        raise Http404 from None


def students_for(user: Any, capability: Capability = READ) -> QuerySet[Student]:
    return Student.objects.filter(district=district_for(user, capability))


def student_for(user: Any, student_id: Any, capability: Capability = READ) -> Student:
    try:
        return (
            students_for(user, capability)
            .select_related("school", "district")
            .get(pk=_parse_id(student_id))
        )
    except Student.DoesNotExist:
        raise Http404 from None
