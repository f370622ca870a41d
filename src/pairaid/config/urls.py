"""URL configuration: the admin site; the web pages and the API mount here."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
