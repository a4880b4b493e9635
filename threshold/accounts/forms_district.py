"""Forms for the district administrator's pages: schools, areas, staff and roles.

These forms check the shape of what was typed; the rules (unique names, who may hold which role
where) are the services' to check, and their errors are shown on these forms.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from threshold.accounts import services
from threshold.accounts.forms import ResetRequestForm
from threshold.accounts.models import Area, Membership, School, User
from threshold.accounts.roles import Role

PHONE = RegexValidator(
    r"^\+?[0-9 ().-]{7,25}$",
    _("Enter a phone number with digits, for example (860) 555-0110."),
)
ZIP_CODE = RegexValidator(
    r"^[0-9]{5}(-[0-9]{4})?$", _("Enter a ZIP code of five digits, for example 06103.")
)


class SchoolForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    level = forms.ChoiceField(label=_("Level"), choices=School.Level.choices)
    street = forms.CharField(
        label=_("Street address"),
        max_length=200,
        help_text=_("As it appears on the building: warrants are compared with it."),
    )
    city = forms.CharField(label=_("Town or city"), max_length=100)
    state = forms.CharField(
        label=_("State"),
        max_length=2,
        min_length=2,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "size": 2}),
    )
    postal_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        validators=[ZIP_CODE],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    phone = forms.CharField(
        label=_("Main office phone"),
        max_length=30,
        required=False,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    is_active = forms.BooleanField(
        label=_("Open"),
        required=False,
        initial=True,
        help_text=_("Clear this when the school closes. Its records are kept."),
    )

    def clean_state(self) -> str:
        # Accept "ct" for CT.
        state: str = self.cleaned_data["state"].upper()
        if state not in services.STATE_CODES:
            raise ValidationError(_("Enter a two-letter state code, for example CT."))
        return state

    @classmethod
    def for_school(cls, school: School) -> SchoolForm:
        return cls(initial={name: getattr(school, name) for name in services.SCHOOL_FIELDS})


class AreaForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the area"),
        max_length=100,
        help_text=_("For example: Main entrance and lobby, Classrooms, Offices, School buses."),
    )
    is_public = forms.TypedChoiceField(
        label=_("Who may be there"),
        choices=[
            ("yes", _("Public: any visitor may be there (for example the lobby)")),
            ("no", _("Not public: classrooms, offices, school buses and the like")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    @classmethod
    def for_area(cls, area: Area) -> AreaForm:
        return cls(initial={"name": area.name, "is_public": "yes" if area.is_public else "no"})


class StaffForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("They sign in with it, and the link to set their password goes there."),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        validators=[PHONE],
        help_text=_("For urgent alerts, such as an officer at the door."),
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        choices=[("en", _("English")), ("es", _("Spanish"))],
        initial="en",
        help_text=_("For the e-mails and alerts they receive."),
    )

    @classmethod
    def for_staff(cls, staff: User) -> StaffForm:
        return cls(initial={name: getattr(staff, name) for name in services.STAFF_FIELDS})


class StaffSearchForm(forms.Form):
    STATUSES = [
        ("", _("Everyone")),
        ("active", _("Active")),
        ("inactive", _("Deactivated")),
    ]

    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Show"), choices=STATUSES, required=False)

    def filter(self, staff: QuerySet[User]) -> QuerySet[User]:
        if not self.is_valid():
            return staff
        query = self.cleaned_data["q"]
        if query:
            staff = staff.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
        if self.cleaned_data["status"]:
            staff = staff.filter(is_active=self.cleaned_data["status"] == "active")
        return staff


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices])
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=School.objects.none(),
        required=False,
        empty_label="—",
        help_text=_(
            "For front office, designated official, principal and staff. Leave empty for a "
            "district role."
        ),
    )
    rank = forms.TypedChoiceField(
        label=_("Order"),
        choices=Membership.Rank.choices,
        coerce=int,
        initial=Membership.Rank.PRIMARY,
        help_text=_(
            "For designated officials only: the primary is called first, then the backups."
        ),
    )

    def __init__(self, *args: Any, schools: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["school"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = schools


def show_refusal(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: under the field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def send_password_link(request: HttpRequest, *, staff: User, actor: User) -> None:
    """E-mail a staff member the link to set their password, in their own language.

    The mail goes through the same form as "Forgot your password", so it is queued for the worker
    and the request is recorded; the administrator who sent it is recorded too.
    """
    form = ResetRequestForm(data={"email": staff.email})
    if not form.is_valid():
        raise ValidationError(_("This account's e-mail address is not valid: correct it."))
    with transaction.atomic(), translation.override(staff.preferred_language):
        services.password_link_sent(staff=staff, actor=actor)
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="accounts/district/email/welcome_subject.txt",
            email_template_name="accounts/district/email/welcome_body.txt",
        )
