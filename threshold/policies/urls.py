from django.urls import path

from threshold.policies import views

urlpatterns = [
    path("policy/", views.policy, name="policy"),
    path("policy/adopt/<str:ref>/", views.adopt, name="policy-adopt"),
    path("policy/sign-off/", views.sign_off, name="policy-sign-off"),
    path("policy/scenario/", views.scenario, name="policy-scenario"),
]
