from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "threshold.records"
    label = "records"
    verbose_name = "Student records"
