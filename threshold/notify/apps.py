from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "threshold.notify"
    label = "notify"
    verbose_name = "Notifications"
