"""Every page of Threshold. Each view checks access first; nothing is open but signing in.

There is deliberately no Django admin: every change goes through a service that writes its audit
event, and the admin would be a way around them.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("threshold.web.urls")),
    path("", include("threshold.accounts.urls")),
    path("", include("threshold.audit.urls")),
    path("", include("threshold.worker.urls")),
    path("district/", include("threshold.policies.urls")),
    path("", include("threshold.visitors.urls")),
    path("", include("threshold.watchlists.urls")),
    path("", include("threshold.records.urls")),
    path("", include("threshold.training.urls")),
    path("", include("threshold.api.urls")),
    path("", include("threshold.notices.urls")),
    path("", include("threshold.encounters.urls")),
    path("", include("threshold.notify.urls")),
]
