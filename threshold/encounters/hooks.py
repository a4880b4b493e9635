"""Where an encounter hands work to other apps.

`RECORDS_INTAKE` is the hook for the records app (FERPA requests and the record of disclosures):
when the guided steps record that an officer asks for student records or information, the
encounter calls it with the encounter, the staff member and what was asked, so that the request
lands in the records intake and its record of disclosures. Until the records app sets it, the
encounter says plainly that the request must be passed to the records officer by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from threshold.accounts.models import User
    from threshold.encounters.models import Encounter

# (encounter, actor, request details) -> the records app's request object
RecordsIntake = Callable[["Encounter", "User", dict[str, Any]], Any]
RECORDS_INTAKE: RecordsIntake | None = None


def records_intake_available() -> bool:
    return RECORDS_INTAKE is not None
