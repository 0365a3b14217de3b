from django.urls import path  # noqa: F401 - routes are added as the app's views land

app_name = "submissions"
urlpatterns: list = []
