"""Inviting candidate accounts (committee) and setting the password from the e-mail link."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from paritrana.submissions.domain.accounts import candidate_invite
from paritrana.submissions.domain.errors import SubmissionError
from paritrana.submissions.forms import InviteForm
from paritrana.submissions.views.common import BAD_REQUEST, CandidateMixin


class InviteView(CandidateMixin, View):
    permission_required = "submissions.invite_candidate"

    def get(self, _request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        return self.render_form(InviteForm())

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        form = InviteForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=BAD_REQUEST)
        try:
            candidate_invite(
                candidate=self.candidate,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                actor=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except SubmissionError as exc:
            form.add_error(None, exc.message)
            return self.render_form(form, status=BAD_REQUEST)
        messages.success(
            request,
            _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return HttpResponseRedirect(reverse("submissions:verify", args=[self.candidate.pk]))

    def render_form(self, form: InviteForm, status: int = 200) -> HttpResponse:
        context = {
            "candidate": self.candidate,
            "form": form,
            "accounts": self.candidate.accounts.select_related("user"),
        }
        return render(self.request, "submissions/invite.html", context, status=status)


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The invitation link: Django's one-use reset token; then the candidate logs in."""

    template_name = "submissions/set_password.html"
    success_url = reverse_lazy("submissions:set_password_done")


class SetPasswordDoneView(TemplateView):
    template_name = "submissions/set_password_done.html"
