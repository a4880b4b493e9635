"""Forms for signing in and resetting passwords."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from threshold.accounts import services
from threshold.accounts.models import User
from threshold.worker.mail import queue_email


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    error_messages = {
        "invalid_login": _(
            "That e-mail address and password do not match an active account. "
            "Check both and try again."
        ),
        "inactive": _("This account is switched off. Ask your district administrator."),
    }


class ResetRequestForm(PasswordResetForm):
    """Sends the reset link through the background worker, and records the request."""

    def get_users(self, email: str) -> Any:
        # New accounts have no password yet: the reset link is how staff set their first one.
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            for user in self.get_users(self.cleaned_data["email"]):
                services.password_reset_requested(user=user)
            super().save(*args, **kwargs)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from django.template import loader

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        user: User = context["user"]
        queue_email(to=[to_email], subject=subject, body=body, district=user.district)


class ResetPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    def save(self, commit: bool = True) -> Any:
        services.password_reset_completed(
            user=self.user, password=self.cleaned_data["new_password1"]
        )
        return self.user
