"""The candidate portal: candidacies, the questionnaire with autosave and evidence, submit."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.submissions.conf import evidence_max_bytes
from paritrana.submissions.domain.answers import answer_save, submission_submit
from paritrana.submissions.domain.errors import (
    ClosedError,
    IncompleteError,
    InvalidValueError,
    SubmissionError,
)
from paritrana.submissions.domain.evidence import evidence_delete, evidence_upload
from paritrana.submissions.domain.queries import candidacies_of, questionnaire_rows
from paritrana.submissions.models import Evidence, Question
from paritrana.submissions.views.common import (
    BAD_REQUEST,
    CONFLICT,
    CandidateMixin,
    questionnaire_context,
)


class PortalIndexView(PermissionRequiredMixin, TemplateView):
    permission_required = "submissions.view_portal"
    template_name = "submissions/portal_index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "candidacies": candidacies_of(self.request.user),
        }


class CandidatePortalView(CandidateMixin, View):
    """The questionnaire page; read-only for the committee and assigned jurors."""

    permission_required = "submissions.view_submission"

    def get(self, _request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        return self.render_page()

    def render_page(
        self,
        *,
        status: int = 200,
        overrides: dict[int, dict[str, Any]] | None = None,
        page_error: str = "",
        missing: list[str] | None = None,
    ) -> HttpResponse:
        context = questionnaire_context(
            candidate=self.candidate, submission=self.submission, overrides=overrides or {}
        )
        context |= {
            "can_edit": self.request.user.has_perm("submissions.edit_submission", self.candidate)
            and not context["editing_refusal"],
            "page_error": page_error,
            "missing": missing or [],
        }
        return render(self.request, "submissions/portal.html", context, status=status)


class QuestionMixin:
    candidate: Any
    kwargs: dict[str, Any]

    @cached_property
    def question(self) -> Question:
        return get_object_or_404(
            Question, pk=self.kwargs["question"], category_id=self.candidate.category_id
        )

    def row(self, **overrides: Any) -> Any:
        from paritrana.submissions.domain.queries import submission_of  # noqa: PLC0415 - fresh read

        rows = questionnaire_rows(
            candidate=self.candidate, submission=submission_of(self.candidate)
        )
        row = next(r for r in rows if r.question.pk == self.question.pk)
        for key, value in overrides.items():
            setattr(row, key, value)
        return row


def _status_for(exc: SubmissionError) -> int:
    return CONFLICT if isinstance(exc, ClosedError) else BAD_REQUEST


class AnswerSaveView(QuestionMixin, CandidatePortalView):
    """Autosave of one answer (htmx) or the question's Save button (plain POST)."""

    permission_required = "submissions.edit_submission"
    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        raw = request.POST.get("value", "")
        try:
            answer_save(
                candidate=self.candidate, question=self.question, raw=raw, actor=request.user
            )
        except (InvalidValueError, ClosedError) as exc:
            if request.htmx:
                return render(
                    request,
                    "submissions/_answer_status.html",
                    {"error": exc.message, "q": self.question},
                )
            overrides = {self.question.pk: {"typed": raw, "error": exc.message}}
            return self.render_page(status=_status_for(exc), overrides=overrides)
        if request.htmx:
            return render(
                request, "submissions/_answer_status.html", {"saved": True, "q": self.question}
            )
        messages.success(request, _("Answer saved."))
        return HttpResponseRedirect(
            reverse("submissions:candidate", args=[self.candidate.pk]) + f"#q-{self.question.pk}"
        )


class EvidenceUploadView(QuestionMixin, CandidatePortalView):
    permission_required = "submissions.edit_submission"
    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise InvalidValueError(_("Choose a file to upload."))
            evidence_upload(
                candidate=self.candidate, question=self.question, upload=upload, actor=request.user
            )
        except SubmissionError as exc:
            if request.htmx:
                return self.evidence_block(file_error=exc.message)
            overrides = {self.question.pk: {"file_error": exc.message}}
            return self.render_page(status=_status_for(exc), overrides=overrides)
        message = _("“%(name)s” uploaded.") % {"name": upload.name}
        if request.htmx:
            return self.evidence_block(message=message)
        messages.success(request, message)
        return HttpResponseRedirect(
            reverse("submissions:candidate", args=[self.candidate.pk]) + f"#q-{self.question.pk}"
        )

    def evidence_block(self, **overrides: Any) -> HttpResponse:
        context = {
            "row": self.row(**overrides),
            "candidate": self.candidate,
            "can_edit": True,
            "evidence_max_mb": f"{evidence_max_bytes() / 1024 / 1024:g}",
        }
        return render(self.request, "submissions/_evidence_block.html", context)


class EvidenceMixin(PermissionRequiredMixin):
    kwargs: dict[str, Any]

    @cached_property
    def evidence(self) -> Evidence:
        return get_object_or_404(
            Evidence.objects.select_related(
                "submission__candidate__round__stage", "submission__candidate__category", "question"
            ),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> Evidence:
        return self.evidence


class EvidenceDeleteView(EvidenceMixin, View):
    permission_required = "submissions.edit_submission"
    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        evidence = self.evidence
        candidate = evidence.submission.candidate
        try:
            evidence_delete(evidence=evidence, actor=request.user)
        except SubmissionError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("“%(name)s” removed.") % {"name": evidence.original_name})
        return HttpResponseRedirect(
            reverse("submissions:candidate", args=[candidate.pk]) + f"#q-{evidence.question_id}"
        )


class EvidenceDownloadView(EvidenceMixin, View):
    """Every file goes through here, after the object-level permission check."""

    permission_required = "submissions.download_evidence"

    def get(self, request: HttpRequest, **_kwargs: Any) -> FileResponse:
        evidence = self.evidence
        response = FileResponse(
            evidence.file.open("rb"),
            content_type=evidence.content_type,
            as_attachment=request.GET.get("download") == "1",
            filename=evidence.original_name,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class SubmitView(CandidatePortalView):
    permission_required = "submissions.edit_submission"
    http_method_names = ("post",)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        try:
            submission_submit(candidate=self.candidate, actor=request.user)
        except IncompleteError as exc:
            return self.render_page(status=BAD_REQUEST, page_error=exc.message, missing=exc.missing)
        except ClosedError as exc:
            return self.render_page(status=CONFLICT, page_error=exc.message)
        messages.success(request, _("The questionnaire was submitted. Thank you."))
        return HttpResponseRedirect(reverse("submissions:candidate", args=[self.candidate.pk]))
