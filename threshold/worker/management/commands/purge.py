"""`threshold purge`: remove records past their retention period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from threshold.worker.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Remove records kept past their retention period (RETENTION_*_DAYS): failed sign-in "
        "records, finished background-task results, visits and visitors past their "
        "district's period, watchlist entries that ended long enough ago, and students who left "
        "longer ago than their district keeps the record of disclosures. Run it daily "
        "(cron or a systemd timer). "
        "The audit trail records how many were removed, never what."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = purge_expired()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} removed")
