from django.urls import path

from paritrana.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.ProvinceListView.as_view(), name="index"),
    path("zones/", views.ZoneEditView.as_view(), name="zones"),
    path("province/<str:code>/", views.province_detail, name="province"),
    path("regency/<str:code>/", views.regency_detail, name="regency"),
    path("district/<str:code>/", views.district_detail, name="district"),
]
