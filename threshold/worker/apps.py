from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "threshold.worker"
    label = "worker"
    verbose_name = "Background work"
