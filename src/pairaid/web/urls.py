"""URLs of the pages (namespace ``web``)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from pairaid.web.views import analysis, audit, browse, documents, entry, jobs, pairings, users

app_name = "web"

#: Mounted without a namespace, so that ``settings.LOGIN_URL = "login"`` resolves.
auth_urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]

urlpatterns = [
    path("", browse.dashboard, name="dashboard"),
    path("search/", browse.search, name="search"),
    path("map/<int:year>.png", browse.year_map, name="map"),
    path("analysis/", analysis.analysis, name="analysis"),
    path("pairings/", browse.pairing_list, name="pairings"),
    path("pairings/new/", pairings.pairing_new, name="pairing_new"),
    path("pairings/<int:pk>/", browse.pairing_detail, name="pairing"),
    path("pairings/<int:pk>/end/", pairings.pairing_end, name="pairing_end"),
    path("pairings/<int:pk>/reassign/", pairings.pairing_reassign, name="pairing_reassign"),
    path("areas/<str:code>/", browse.area_detail, name="area"),
    path("activities/new/", entry.activity_edit, name="activity_new"),
    path("activities/<int:pk>/", browse.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", entry.activity_edit, name="activity_edit"),
    path("transactions/new/", entry.transaction_edit, name="transaction_new"),
    path("transactions/<int:pk>/edit/", entry.transaction_edit, name="transaction_edit"),
    path("figures/", browse.datavalue_list, name="datavalues"),
    path("figures/new/", entry.datavalue_edit, name="datavalue_new"),
    path("figures/<int:pk>/", browse.datavalue_detail, name="datavalue"),
    path("figures/<int:pk>/edit/", entry.datavalue_edit, name="datavalue_edit"),
    path("figures/<int:pk>/<str:action>/", documents.review_action, name="review_action"),
    path("documents/", documents.document_list, name="documents"),
    path("documents/upload/", documents.document_upload, name="upload"),
    path("documents/<int:pk>/", documents.document_detail, name="document"),
    path("documents/<int:pk>/accept-confident/", documents.document_accept_confident, name="accept_confident"),
    path("review/", documents.review_list, name="review"),
    path("history/<str:kind>/<int:pk>/<int:history_id>/restore/", entry.restore, name="restore"),
    path("manage/", audit.manage, name="manage"),
    path("manage/audit/", audit.audit, name="audit"),
    path("manage/users/", users.user_index, name="users"),
    path("manage/users/new/", users.user_new, name="user_new"),
    path("manage/users/<int:pk>/", users.user_detail, name="user"),
    path("manage/users/<int:pk>/active/", users.user_active, name="user_active"),
    path("manage/users/<int:pk>/roles/<int:membership_id>/remove/", users.membership_remove, name="membership_remove"),
    path("downloads/", jobs.downloads, name="downloads"),
    path("downloads/<str:which>/", jobs.download_start, name="download_start"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job"),
    path("jobs/<int:pk>/progress/", jobs.job_poll, name="job_progress"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job_download"),
]
