"""`threshold records import-roster`: the roster import the page does, for a nightly job."""

from __future__ import annotations

import sys
import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from threshold.accounts import access
from threshold.accounts.models import District, User
from threshold.records import roster
from threshold.records.access import IMPORT
from threshold.records.retention import purge_students


class Command(BaseCommand):
    help = (
        "import-roster: load the student roster from the student information system, exactly as "
        "the Students page does: a OneRoster 1.1 or 1.2 CSV export (a .zip bundle or a folder "
        "of its files; only orgs, users, enrollments, roles and the birth date of demographics "
        "are read) with an optional --supplement CSV (student_id, directory_opt_out, "
        "eligible_student, student_email, guardian_name, guardian_email, guardian_phone, "
        "guardian_language), or with --simple one CSV holding everything. Every row is checked "
        "first: one bad row and nothing changes (exit status 1, one line per problem with its "
        "file and line). Students missing from the export are marked as having left, never "
        "deleted. --as names a records officer or district administrator of the district. "
        "purge: remove students who left longer ago than the district keeps their records."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        load = commands.add_parser("import-roster", help="import the student roster")
        load.add_argument("path", help="a OneRoster .zip or folder, or with --simple a CSV file")
        load.add_argument("--supplement", help="the supplementary CSV for a OneRoster export")
        load.add_argument("--simple", action="store_true", help="PATH is one simple CSV")
        load.add_argument("--district", required=True, help="the district's id")
        load.add_argument("--as", dest="actor", required=True, help="e-mail of the importer")
        commands.add_parser("purge", help="remove students past the retention period")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "purge":
            self.stdout.write(f"students removed: {purge_students()}")
            return
        district = self._district(options["district"])
        actor = User.objects.filter(email__iexact=options["actor"], is_active=True).first()
        if actor is None or not any(
            m.school_id is None and m.district_id == district.pk
            for m in access.memberships_with(actor, IMPORT)
        ):
            raise CommandError("--as must name an active records officer or administrator there.")
        path = Path(options["path"])
        try:
            supplement = Path(options["supplement"]).read_bytes() if options["supplement"] else None
            if options["simple"]:
                kind, data = "simple", path.read_bytes()
            elif path.is_dir():
                files = {
                    p.name.lower(): p.read_bytes() for p in path.iterdir() if p.suffix == ".csv"
                }
                kind, data = "oneroster", b""
            else:
                kind, data = "oneroster", path.read_bytes()
        except OSError as unreadable:
            raise CommandError(
                f"cannot read {unreadable.filename}: {unreadable.strerror}"
            ) from None
        today = timezone.localdate()
        try:
            if kind == "oneroster" and path.is_dir():
                parsed = roster.parse_oneroster(
                    files, district=district, today=today, supplement=supplement
                )
            else:
                parsed = roster.parse(
                    district=district, kind=kind, data=data, supplement=supplement, today=today
                )
            result = roster.import_roster(district=district, actor=actor, parsed=parsed)
        except roster.ImportRefused as refused:
            for problem in refused.errors:
                sys.stderr.write(f"{problem}\n")
            if refused.error_count > len(refused.errors):
                sys.stderr.write(f"... {refused.error_count} problems in all\n")
            sys.stderr.write("nothing was imported\n")
            sys.exit(1)
        self.stdout.write(
            f"students: {result.students}, added: {result.added}, changed: {result.changed}, "
            f"unchanged: {result.unchanged}, returned: {result.returned}, left: {result.left}"
        )
        for column in result.not_read:
            self.stdout.write(f"not read: {column}")

    def _district(self, value: str) -> District:
        try:
            return District.objects.get(pk=uuid.UUID(value))
        except (ValueError, District.DoesNotExist):
            raise CommandError(f"no district with id {value}") from None
