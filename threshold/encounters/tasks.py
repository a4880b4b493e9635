"""The encounters app's background task: writing an incident report that could not be written
when the encounter closed (closing never waits on, or fails because of, the report)."""

from __future__ import annotations

from threshold.worker.tasks import durable_task


@durable_task
def write_report(*, encounter_id: str, actor_id: str, district_id: str) -> str:
    """Write the report of a closed encounter, unless it was written already."""
    from threshold.accounts.models import User
    from threshold.encounters.models import Encounter, EncounterReport
    from threshold.encounters.report import write_report as write

    if EncounterReport.objects.filter(encounter_id=encounter_id).exists():
        return "written already"
    encounter = Encounter.objects.select_related("school__district").get(pk=encounter_id)
    write(encounter=encounter, actor=User.objects.get(pk=actor_id))
    return "written"
