from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "threshold.web"
    label = "web"
    verbose_name = "Interface"
