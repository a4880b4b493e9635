"""Appends audit events from another process, for the concurrency tests (not a test itself).

    python tests/audit/appender.py district                  print a new district's id
    python tests/audit/appender.py append ID THREADS EVENTS  each thread appends EVENTS events
    python tests/audit/appender.py report ID                 the district chain, verified, as JSON
    python tests/audit/appender.py watch ID TOTAL            verify again and again while others
                                                              append, until TOTAL events are in

It uses the database that DATABASE_URL names, as every Threshold process does; each thread has
its own connection and each event its own transaction, as in a web request.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any


def append(district_id: str, threads: int, events: int) -> int:
    from django.db import connection, transaction

    from threshold.accounts.models import District
    from threshold.audit.services import record

    district = District.objects.get(pk=district_id)
    connection.close()
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for n in range(events):
                with transaction.atomic():
                    data = {"pid": os.getpid(), "writer": writer, "n": n}
                    record("district.updated", actor=None, district=district, data=data)
        except BaseException as error:  # reported below, and the exit status says so
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for error in errors:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
    return 1 if errors else 0


def report(district_id: str) -> dict[str, Any]:
    from threshold.audit.chain import chain_key
    from threshold.audit.models import AuditChain
    from threshold.audit.verify import verify_chain

    chain = AuditChain.objects.get(key=chain_key(district_id))
    result = verify_chain(chain)
    rows = chain.events.order_by("seq").values_list("seq", "data")
    return {
        "ok": result.ok,
        "problem": result.broken.describe() if result.broken else None,
        "events": result.events,
        "seqs": [seq for seq, _ in rows],
        "writes": [[data["pid"], data["writer"], data["n"]] for _, data in rows],
    }


def watch(district_id: str, total: int) -> dict[str, Any]:
    from threshold.audit.chain import chain_key
    from threshold.audit.models import AuditChain
    from threshold.audit.verify import verify_chain

    checks, broken = 0, []
    while True:
        chain = AuditChain.objects.filter(key=chain_key(district_id)).first()
        if chain is None:
            continue
        result = verify_chain(chain)
        checks += 1
        if result.broken is not None:
            broken.append(result.broken.describe())
        if chain.head_seq >= total:
            return {"checks": checks, "broken": broken}


def main(argv: list[str]) -> int:
    os.environ.setdefault("THRESHOLD_MODE", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "threshold.settings")
    import django

    django.setup()
    if argv[0] == "district":
        from threshold.accounts.models import District

        print(District.objects.create(name=f"District {os.getpid()}", state="CT").pk)
        return 0
    if argv[0] == "append":
        return append(argv[1], int(argv[2]), int(argv[3]))
    if argv[0] == "watch":
        print(json.dumps(watch(argv[1], int(argv[2]))))
        return 0
    print(json.dumps(report(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
