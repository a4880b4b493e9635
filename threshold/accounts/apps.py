from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "threshold.accounts"
    label = "accounts"
    verbose_name = "Districts, schools and staff"
