"""How long a pack adoption takes to re-answer every completed drill of a district, and to mark
the staff whose answers changed as due again. Figures, not pass/fail.

    .venv/bin/python bench/training_recheck.py [--staff N] [--questions Q]

It works in a database of its own (a SQLite file in a temporary folder, or, when DATABASE_URL
names a PostgreSQL server, a database `threshold_bench` made for the run and dropped after), with
N staff who each passed an assigned designated-official drill of Q questions. It then adopts the
district's pack with `arrest_in_private_office` turned off (the answer of one scenario changes)
through the real adoption service, and reports the time and how many drills were reopened.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from audit_verify import prepare_database, setup_django


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--staff", type=int, default=1000, help="staff with a passed drill (1000)")
    parser.add_argument("--questions", type=int, default=8, help="questions per drill (8)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="threshold-bench-"))
    drop = prepare_database(folder)
    try:
        setup_django(folder)
        run(options.staff, options.questions)
    finally:
        drop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def run(staff: int, count: int) -> None:
    import random
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from threshold.accounts.models import District, Membership, School, User
    from threshold.policies.queries import policy_for
    from threshold.policies.services import pack_adopt
    from threshold.protocol import load_pack
    from threshold.training import bank, questions
    from threshold.training.models import Assignment, Attempt

    district = District.objects.create(name="Bench District", state="CT")
    school = School.objects.create(
        district=district,
        name="Bench School",
        level=School.Level.ELEMENTARY,
        street="1 Main Street",
        city="Hartford",
        state="CT",
        postal_code="06103",
    )
    admin = User.objects.create_user(
        "admin@bench.example", None, full_name="Admin", district=district
    )
    assignment = Assignment.objects.create(
        district=district,
        track=bank.OFFICIAL,
        title="Bench drill",
        roles=["designated_official"],
        due_on=timezone.localdate() + timedelta(days=30),
        question_count=count,
        created_by=admin,
    )
    policy = policy_for(district)
    rng = random.Random(1)
    now = timezone.now()
    with transaction.atomic():
        for n in range(staff):
            person = User.objects.create_user(
                f"staff{n}@bench.example", None, full_name=f"Staff {n}", district=district
            )
            Membership.objects.create(
                user=person, district=district, school=school, role="designated_official"
            )
            drawn = questions.draw(bank.OFFICIAL, policy, count, rng)
            Attempt.objects.create(
                district=district,
                user=person,
                assignment=assignment,
                track=bank.OFFICIAL,
                questions=drawn,
                answers=[q["correct"] for q in drawn],
                finished_at=now,
                correct=count,
                passed=True,
                pack_id=policy.pack.id,
                pack_version=policy.pack.version,
                pack_digest=policy.pack.digest,
                pack_options=dict(policy.options),
            )
    started = time.perf_counter()
    pack_adopt(
        district=district,
        actor=admin,
        pack_id="ct-2025",
        version=load_pack("ct-2025").version,
        options={"arrest_in_private_office": False},
    )
    elapsed = time.perf_counter() - started
    reopened = Attempt.objects.filter(superseded_at__isnull=False).count()
    print(f"staff with a passed drill: {staff}, questions each: {count}")
    print(
        f"adoption with the re-check: {elapsed:.2f} s ({1000 * elapsed / staff:.2f} ms per drill)"
    )
    print(f"drills reopened (an answer changed): {reopened}")


if __name__ == "__main__":
    raise SystemExit(main())
