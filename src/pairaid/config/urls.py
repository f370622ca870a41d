"""URL configuration: the admin site; the web pages and the API mount here."""

from django.contrib import admin
from django.urls import include, path, re_path

from pairaid.api.api import api_urls, not_found
from pairaid.web.urls import auth_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api_urls()),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),
    path("i18n/", include("django.conf.urls.i18n")),
    *auth_urlpatterns,
    path("", include("pairaid.web.urls")),
]
