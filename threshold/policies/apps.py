from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "threshold.policies"
    label = "policies"
    verbose_name = "Policy packs adopted by districts"
