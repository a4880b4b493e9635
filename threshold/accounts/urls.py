from django.urls import path

from threshold.accounts.views import auth, district_schools, district_staff

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

# District administration: schools, areas, staff and roles (district administrators only)
urlpatterns += [
    path("district/schools/", district_schools.schools, name="district-schools"),
    path("district/schools/new/", district_schools.school_create, name="district-school-create"),
    path("district/schools/<uuid:school_id>/", district_schools.school, name="district-school"),
    path(
        "district/schools/<uuid:school_id>/edit/",
        district_schools.school_edit,
        name="district-school-edit",
    ),
    path(
        "district/schools/<uuid:school_id>/areas/",
        district_schools.area_create,
        name="district-area-create",
    ),
    path("district/areas/<uuid:area_id>/", district_schools.area_edit, name="district-area-edit"),
    path(
        "district/areas/<uuid:area_id>/remove/",
        district_schools.area_delete,
        name="district-area-delete",
    ),
    path("district/staff/", district_staff.staff, name="district-staff"),
    path("district/staff/new/", district_staff.staff_create, name="district-staff-create"),
    path(
        "district/staff/<uuid:staff_id>/",
        district_staff.staff_member,
        name="district-staff-member",
    ),
    path(
        "district/staff/<uuid:staff_id>/edit/",
        district_staff.staff_edit,
        name="district-staff-edit",
    ),
    path(
        "district/staff/<uuid:staff_id>/active/",
        district_staff.staff_set_active,
        name="district-staff-active",
    ),
    path(
        "district/staff/<uuid:staff_id>/password-link/",
        district_staff.staff_password_link,
        name="district-staff-password-link",
    ),
    path(
        "district/staff/<uuid:staff_id>/roles/",
        district_staff.role_grant,
        name="district-role-grant",
    ),
    path(
        "district/roles/<uuid:membership_id>/remove/",
        district_staff.role_revoke,
        name="district-role-revoke",
    ),
    path(
        "district/roles/<uuid:membership_id>/order/",
        district_schools.official_rank,
        name="district-role-rank",
    ),
]
