from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "threshold.api"
    label = "api"
    verbose_name = "API"
