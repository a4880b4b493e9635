from django.apps import AppConfig


class VisitorsConfig(AppConfig):
    name = "threshold.visitors"
    label = "visitors"
    verbose_name = "Visitors"
