from django.urls import path

from threshold.notify import views

urlpatterns = [
    path("notifications/banner/", views.banner_hx, name="notify-banner-hx"),
    path(
        "notifications/<uuid:notification_id>/acknowledge/",
        views.acknowledge,
        name="notify-acknowledge",
    ),
    path("district/notifications/", views.notify_settings, name="notify-settings"),
]
