from django.urls import path

from paritrana.submissions.views import accounts, portal, verification

app_name = "submissions"
urlpatterns = [
    path("", portal.PortalIndexView.as_view(), name="portal"),
    path("candidate/<int:pk>/", portal.CandidatePortalView.as_view(), name="candidate"),
    path(
        "candidate/<int:pk>/answer/<int:question>/",
        portal.AnswerSaveView.as_view(),
        name="answer_save",
    ),
    path(
        "candidate/<int:pk>/evidence/<int:question>/",
        portal.EvidenceUploadView.as_view(),
        name="evidence_upload",
    ),
    path("candidate/<int:pk>/submit/", portal.SubmitView.as_view(), name="submit"),
    path("evidence/<int:pk>/", portal.EvidenceDownloadView.as_view(), name="evidence"),
    path("evidence/<int:pk>/delete/", portal.EvidenceDeleteView.as_view(), name="evidence_delete"),
    path("verification/", verification.VerificationIndexView.as_view(), name="verification"),
    path(
        "verification/round/<int:pk>/",
        verification.RoundCandidatesView.as_view(),
        name="round",
    ),
    path(
        "verification/candidate/<int:pk>/",
        verification.VerifyCandidateView.as_view(),
        name="verify",
    ),
    path(
        "verification/answer/<int:pk>/",
        verification.AnswerVerifyView.as_view(),
        name="answer_verify",
    ),
    path(
        "verification/candidate/<int:pk>/note/",
        verification.FieldNoteCreateView.as_view(),
        name="field_note",
    ),
    path(
        "verification/candidate/<int:pk>/reopen/",
        verification.ReopenView.as_view(),
        name="reopen",
    ),
    path("verification/candidate/<int:pk>/invite/", accounts.InviteView.as_view(), name="invite"),
    path(
        "welcome/<uidb64>/<token>/",
        accounts.SetPasswordView.as_view(),
        name="set_password",
    ),
    path("welcome/done/", accounts.SetPasswordDoneView.as_view(), name="set_password_done"),
]
