"""The committee's verification: rounds, candidates, decisions per answer, field notes."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.models import Round
from paritrana.submissions.domain.answers import submission_reopen
from paritrana.submissions.domain.errors import (
    ClosedError,
    SubmissionError,
    VerificationConflictError,
)
from paritrana.submissions.domain.queries import (
    questionnaire_rows,
    round_candidates,
    rounds_for_committee,
)
from paritrana.submissions.domain.verification import answer_verify, field_note_create
from paritrana.submissions.forms import FieldNoteForm
from paritrana.submissions.models import Answer, FieldNote
from paritrana.submissions.views.common import (
    BAD_REQUEST,
    CONFLICT,
    CandidateMixin,
    questionnaire_context,
)

DECISION_FIELDS = ("decision", "corrected_value", "reason")


class VerificationIndexView(PermissionRequiredMixin, TemplateView):
    permission_required = "submissions.view_verification_index"
    template_name = "submissions/verification_index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "rounds": rounds_for_committee(self.request.user),
        }


class RoundCandidatesView(PermissionRequiredMixin, TemplateView):
    permission_required = "submissions.view_verification"
    template_name = "submissions/round_candidates.html"

    @cached_property
    def round(self) -> Round:
        return get_object_or_404(
            Round.objects.select_related("cycle", "stage", "province"), pk=self.kwargs["pk"]
        )

    def get_permission_object(self) -> Round:
        return self.round

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "round": self.round,
            "candidates": round_candidates(rnd=self.round),
        }


class VerifyCandidateView(CandidateMixin, View):
    permission_required = "submissions.verify_answer"

    def get(self, _request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        return self.render_page()

    def render_page(
        self,
        *,
        status: int = 200,
        overrides: dict[int, dict[str, Any]] | None = None,
        note_form: FieldNoteForm | None = None,
        page_error: str = "",
    ) -> HttpResponse:
        context = questionnaire_context(
            candidate=self.candidate, submission=self.submission, overrides=overrides or {}
        )
        notes = (
            FieldNote.objects.filter(submission=self.submission)
            .select_related("author")
            .prefetch_related("files")
            if self.submission
            else FieldNote.objects.none()
        )
        context |= {
            "notes": notes,
            "note_form": note_form or FieldNoteForm(),
            "accounts": self.candidate.accounts.select_related("user"),
            "page_error": page_error,
            "can_verify": context["verification_refusal"] is None,
        }
        return render(self.request, "submissions/verify.html", context, status=status)


class AnswerVerifyView(PermissionRequiredMixin, View):
    permission_required = "submissions.verify_answer"
    http_method_names = ("post",)

    @cached_property
    def answer(self) -> Answer:
        return get_object_or_404(
            Answer.objects.select_related("submission__candidate__round__stage", "question"),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> Answer:
        return self.answer

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        data = {k: request.POST.get(k, "") for k in DECISION_FIELDS}
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1  # a form without a version cannot claim to be current
        candidate = self.answer.submission.candidate
        try:
            answer_verify(
                answer=self.answer,
                decision=data["decision"],
                corrected_raw=data["corrected_value"],
                reason=data["reason"],
                expected_version=version,
                actor=request.user,
            )
        except SubmissionError as exc:
            status = (
                CONFLICT
                if isinstance(exc, ClosedError | VerificationConflictError)
                else BAD_REQUEST
            )
            # Keep what the member typed; the form now carries the current version, so
            # sending it again (having seen the other decision) replaces it deliberately.
            override = {"form_data": data, "error": exc.message}
            return self.respond(candidate, override, status)
        return self.respond(candidate, {"message": _("Decision saved.")}, 200)

    def respond(self, candidate: Any, override: dict[str, Any], status: int) -> HttpResponse:
        qid = self.answer.question_id
        if self.request.htmx:
            rows = questionnaire_rows(candidate=candidate, submission=self.answer.submission)
            row = next(r for r in rows if r.question.pk == qid)
            for key, value in override.items():
                setattr(row, key, value)
            context = {"row": row, "candidate": candidate, "can_verify": True}
            return render(self.request, "submissions/_verify_answer.html", context)
        if status == 200:  # noqa: PLR2004 - HTTP OK
            messages.success(self.request, override["message"])
            return HttpResponseRedirect(
                reverse("submissions:verify", args=[candidate.pk]) + f"#q-{qid}"
            )
        page = VerifyCandidateView(request=self.request, kwargs={"pk": candidate.pk})
        return page.render_page(status=status, overrides={qid: override})


class FieldNoteCreateView(VerifyCandidateView):
    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        form = FieldNoteForm(request.POST)
        if not form.is_valid():
            return self.render_page(status=BAD_REQUEST, note_form=form)
        try:
            field_note_create(
                candidate=self.candidate,
                text=form.cleaned_data["text"],
                uploads=request.FILES.getlist("files"),
                actor=request.user,
            )
        except SubmissionError as exc:
            status = CONFLICT if isinstance(exc, ClosedError) else BAD_REQUEST
            return self.render_page(status=status, note_form=form, page_error=exc.message)
        messages.success(request, _("Field-verification note saved."))
        return HttpResponseRedirect(
            reverse("submissions:verify", args=[self.candidate.pk]) + "#notes"
        )


class ReopenView(VerifyCandidateView):
    """Give a submitted questionnaire back to the candidate while submissions are open."""

    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        try:
            submission_reopen(
                candidate=self.candidate, reason=request.POST.get("reason", ""), actor=request.user
            )
        except SubmissionError as exc:
            return self.render_page(status=CONFLICT, page_error=exc.message)
        messages.success(request, _("The questionnaire was reopened for the candidate."))
        return HttpResponseRedirect(reverse("submissions:verify", args=[self.candidate.pk]))
