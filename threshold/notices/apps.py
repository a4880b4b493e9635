from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "threshold.notices"
    label = "notices"
    verbose_name = "Notices to families"
