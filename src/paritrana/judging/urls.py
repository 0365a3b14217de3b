from django.urls import path

from paritrana.judging.views import committee, juror, statistics

app_name = "judging"
urlpatterns = [
    path("", juror.InterviewListView.as_view(), name="interviews"),
    path("candidate/<int:pk>/", juror.SheetView.as_view(), name="sheet"),
    path("candidate/<int:pk>/autosave/", juror.AutosaveView.as_view(), name="autosave"),
    path("round/<int:pk>/conflicts/", juror.ConflictsView.as_view(), name="conflicts"),
    path("rounds/", committee.RoundListView.as_view(), name="rounds"),
    path("round/<int:pk>/", committee.RoundPanelsView.as_view(), name="round"),
    path(
        "round/<int:pk>/statistics/<str:code>/",
        statistics.StatisticsView.as_view(),
        name="statistics",
    ),
    path("panel/<int:pk>/", committee.PanelView.as_view(), name="panel"),
    path(
        "panel/<int:pk>/member/<int:member>/profile/",
        committee.ProfileView.as_view(),
        name="profile",
    ),
]
