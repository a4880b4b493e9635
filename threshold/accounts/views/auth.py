"""Signing in and out, and password resets. Every outcome is an audit event."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from threshold.accounts import access, services
from threshold.accounts.forms import ResetPasswordForm, ResetRequestForm, SignInForm
from threshold.accounts.roles import Capability


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The answer to a sign-in while the account and address are paused (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


class SignInView(auth_views.LoginView):
    """The sign-in page."""

    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        services.signed_in(user=user)
        # The interface speaks the language the person chose last time.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        return response

    def form_invalid(self, form: SignInForm) -> HttpResponse:
        locked = bool(getattr(self.request, "axes_locked_out", False))
        services.sign_in_failed(email=self.request.POST.get("username", ""), locked=locked)
        return self.render_to_response(self.get_context_data(form=form), status=422)


class SignOutView(auth_views.LogoutView):
    """Sign out (POST only)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            services.signed_out(user=request.user)  # type: ignore[arg-type]
        return super().post(request, *args, **kwargs)


class ResetRequestView(auth_views.PasswordResetView):
    """Ask for a password-reset link by e-mail."""

    template_name = "accounts/reset_request.html"
    form_class = ResetRequestForm
    email_template_name = "accounts/email/reset_body.txt"
    subject_template_name = "accounts/email/reset_subject.txt"
    success_url = reverse_lazy("reset-sent")


class ResetSentView(auth_views.PasswordResetDoneView):
    """Says the link is on its way (whether or not the address has an account)."""

    template_name = "accounts/reset_sent.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the e-mailed link."""

    template_name = "accounts/reset_confirm.html"
    form_class = ResetPasswordForm
    success_url = reverse_lazy("reset-complete")


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    """The password was changed; sign in."""

    template_name = "accounts/reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """A signed-in person changes their own password."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access.require(request.user, Capability.USE_APP)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        services.password_changed(user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Your password was changed."))
        return HttpResponseRedirect(self.get_success_url())
