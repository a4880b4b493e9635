from django.apps import AppConfig


class EncountersConfig(AppConfig):
    name = "threshold.encounters"
    label = "encounters"
    verbose_name = "Officer visits"
