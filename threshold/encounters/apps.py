from django.apps import AppConfig


class EncountersConfig(AppConfig):
    name = "threshold.encounters"
    label = "encounters"
    verbose_name = "Officer visits"

    def ready(self) -> None:
        from threshold.encounters import hooks, records_link

        if hooks.RECORDS_INTAKE is None:
            hooks.RECORDS_INTAKE = records_link.intake
