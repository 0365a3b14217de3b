from django.urls import path

from paritrana.web import views

app_name = "web"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("office/province/<str:code>/", views.ProvinceOfficeView.as_view(), name="province_office"),
    path("data/", views.DataStatusView.as_view(), name="data_status"),
]
