from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "threshold.training"
    label = "training"
    verbose_name = "Training drills for staff"
