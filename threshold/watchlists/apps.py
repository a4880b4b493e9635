from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "threshold.watchlists"
    label = "watchlists"
    verbose_name = "Watchlists"
