"""Demo students for `make run` (local SQLite only, as the rest of the demo district)."""

from __future__ import annotations

from django.utils import timezone

from threshold.accounts.models import District
from threshold.records import roster

# Made-up students and parents, in the simple roster CSV.
DEMO_ROSTER = "".join(
    line + "\n"
    for line in (
        "student_id,given_name,family_name,school,grade,date_of_birth,directory_opt_out,"
        "eligible_student,guardian_name,guardian_email,guardian_language",
        "L-1001,Sofia,Hernandez,Lincoln Elementary School,3,2017-03-14,no,no,"
        "Carmen Hernandez,carmen.hernandez@family.example,es",
        "L-1002,Ethan,Walker,Lincoln Elementary School,4,2016-09-02,yes,no,Ruth Walker,"
        "ruth.walker@family.example,en",
        "L-1003,Amara,Okeke,Lincoln Elementary School,2,2018-01-22,no,no,Ngozi Okeke,,en",
        "W-2001,Diego,Ramirez,Washington Middle School,7,2013-06-30,no,no,Lucia Ramirez,"
        "lucia.ramirez@family.example,es",
        "W-2001,Diego,Ramirez,Washington Middle School,7,2013-06-30,no,no,Jorge Ramirez,"
        "jorge.ramirez@family.example,es",
        "W-2002,Hannah,Kim,Washington Middle School,8,2012-11-11,no,no,Min Kim,"
        "min.kim@family.example,en",
        "R-3001,Jamal,Thompson,Riverside High School,12,2007-04-05,no,yes,,,",
        "R-3002,Valentina,Cruz,Riverside High School,10,2010-02-19,yes,no,Rosa Cruz,"
        "rosa.cruz@family.example,es",
    )
)


def load_demo_students(district: District) -> None:
    parsed = roster.parse(
        district=district,
        kind="simple",
        data=DEMO_ROSTER.encode(),
        supplement=None,
        today=timezone.localdate(),
    )
    roster.import_roster(district=district, actor=None, parsed=parsed)
