from django.urls import path

from paritrana.awards.views import config, criteria, cycles, results, rounds, shortlist

app_name = "awards"
urlpatterns = [
    path("", cycles.CycleListView.as_view(), name="cycle_list"),
    path("new/", cycles.CycleCreateView.as_view(), name="cycle_create"),
    path("round/<int:pk>/", rounds.RoundDetailView.as_view(), name="round_detail"),
    path("round/<int:pk>/stage/", rounds.RoundStageView.as_view(), name="round_stage"),
    path("round/<int:pk>/lock/", rounds.RoundLockView.as_view(), name="round_lock"),
    path("round/<int:pk>/unlock/", rounds.RoundUnlockView.as_view(), name="round_unlock"),
    path(
        "round/<int:pk>/<str:code>/shortlist/", shortlist.ShortlistView.as_view(), name="shortlist"
    ),
    path("round/<int:pk>/<str:code>/results/", results.ResultsView.as_view(), name="results"),
    path("<slug:slug>/", cycles.CycleDetailView.as_view(), name="cycle_detail"),
    path("<slug:slug>/screening/", cycles.ScreeningView.as_view(), name="screening"),
    path("<slug:slug>/stages/", config.StagesView.as_view(), name="stages"),
    path(
        "<slug:slug>/categories/<str:code>/",
        config.CategoryEditView.as_view(),
        name="category_edit",
    ),
    path(
        "<slug:slug>/categories/<str:code>/criteria/",
        criteria.CriteriaView.as_view(),
        name="criteria",
    ),
    path(
        "<slug:slug>/categories/<str:code>/criteria/unlock/",
        criteria.CriteriaUnlockView.as_view(),
        name="criteria_unlock",
    ),
]
