from django.urls import path

from threshold.api import views
from threshold.api.api import urls as api_urls

urlpatterns = [
    path("api/v1/", api_urls()),
    # District administration of the devices that use the API
    path("district/devices/", views.devices, name="district-devices"),
    path("district/devices/new/", views.device_create, name="district-device-create"),
    path(
        "district/devices/<uuid:device_id>/revoke/",
        views.device_revoke,
        name="district-device-revoke",
    ),
]
