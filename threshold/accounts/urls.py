from django.urls import path

from threshold.accounts.views import auth

urlpatterns = [
    path("sign-in/", auth.SignInView.as_view(), name="sign-in"),
    path("sign-out/", auth.SignOutView.as_view(), name="sign-out"),
    path("password/reset/", auth.ResetRequestView.as_view(), name="reset-request"),
    path("password/reset/sent/", auth.ResetSentView.as_view(), name="reset-sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/reset/done/", auth.ResetCompleteView.as_view(), name="reset-complete"),
    path("password/change/", auth.PasswordChangeView.as_view(), name="password-change"),
]

# District administration (schools, areas, staff, roles)
from threshold.accounts.views import district  # noqa: E402

urlpatterns += [
    path("district/schools/", district.schools, name="district-schools"),
    path("district/staff/", district.staff, name="district-staff"),
]
