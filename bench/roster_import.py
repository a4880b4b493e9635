"""How long a OneRoster roster import takes. Figures, not pass/fail.

    .venv/bin/python bench/roster_import.py [--students N] [--version 1.1|1.2]

It generates a OneRoster CSV export (a .zip bundle, with every demographic column a real export
carries) of N students (10,000 by default) over 8 schools, with a supplementary file of one parent
per student, and imports it with the same code as the Students page; then imports it again (an
unchanged nightly export). The database is the bench's own, as in bench/audit_verify.py: SQLite
in a temporary folder, or a `threshold_bench_roster` database on the PostgreSQL server that
DATABASE_URL names (made for the run and dropped at the end).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import audit_verify
from audit_verify import describe_database, prepare_database, setup_django

# A database of its own, so that this bench and the audit bench may run side by side.
audit_verify.BENCH_DATABASE = "threshold_bench_roster"

SCHOOLS = [f"Bench School {n}" for n in range(8)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--version", choices=["1.1", "1.2"], default="1.2")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="threshold-bench-"))
    remove_database = prepare_database(folder)
    try:
        setup_django(folder)
        from django.utils import timezone

        from threshold.accounts.models import District, School, User
        from threshold.records import roster
        from threshold.records.models import Guardian, Student
        from threshold.testing.oneroster import oneroster_files, supplement, zipped

        district = District.objects.create(name="Bench District", state="CT")
        for name in SCHOOLS:
            School.objects.create(
                district=district,
                name=name,
                level="high",
                street="1 Main Street",
                city="Hartford",
                state="CT",
                postal_code="06103",
            )
        actor = User.objects.create_user(
            "records@bench.example", None, full_name="Bench Records", district=district
        )
        files = oneroster_files(students=options.students, schools=SCHOOLS, version=options.version)
        bundle = zipped(files)
        extra = supplement(
            [
                {
                    "student_id": f"{100000 + i}",
                    "directory_opt_out": "yes" if i % 7 == 0 else "no",
                    "guardian_name": f"Parent {i}",
                    "guardian_email": f"parent{i}@family.example",
                    "guardian_language": "es" if i % 3 == 0 else "en",
                }
                for i in range(options.students)
            ]
        )
        timings = []
        for label in ("first import", "same export again"):
            started = time.perf_counter()
            parsed = roster.parse(
                district=district,
                kind="oneroster",
                data=bundle,
                supplement=extra,
                today=timezone.localdate(),
            )
            result = roster.import_roster(district=district, actor=actor, parsed=parsed)
            timings.append((label, time.perf_counter() - started, result))
        print(f"database: {describe_database()}")
        print(
            f"export:   OneRoster {options.version}, {options.students} students, "
            f"{len(bundle) / 1e6:.1f} MB zipped, + supplementary file"
        )
        for label, seconds, result in timings:
            print(
                f"{label}: {seconds:.2f} s (added {result.added}, changed {result.changed}, "
                f"unchanged {result.unchanged})"
            )
        assert Student.objects.count() == options.students
        assert Guardian.objects.count() == options.students
        return 0
    finally:
        from django.db import connections

        connections.close_all()
        remove_database()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
