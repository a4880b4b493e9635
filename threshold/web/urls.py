from django.urls import path

from threshold.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.set_language, name="set-language"),
]
