"""URLs of the pages (namespace ``web``)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from pairaid.web.views import analysis, assessment, audit, browse, documents, entry, jobs, pairings, review, users, year

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
    path("figures/<int:pk>/<str:action>/", review.review_action, name="review_action"),
    path("documents/", documents.document_list, name="documents"),
    path("documents/upload/", documents.document_upload, name="upload"),
    path("documents/<int:pk>/", review.document_detail, name="document"),
    path("documents/<int:pk>/accept-confident/", review.document_accept_confident, name="accept_confident"),
    path("review/", review.review_list, name="review"),
    path("review/bulk/", review.review_bulk, name="review_bulk"),
    path("history/<str:kind>/<int:pk>/<int:history_id>/restore/", entry.restore, name="restore"),
    # the reporting year: plans, datasets and their approval, events, the assessment, notifications
    path("plans/<int:pairing>/<int:year>/", year.plan_page, name="plan"),
    path("plans/<int:pairing>/<int:year>/values/", year.plan_value_save, name="plan_value"),
    path("plans/<int:pairing>/<int:year>/batches/", year.plan_batch_save, name="plan_batch"),
    path("documents/<int:pk>/planned/", year.mention_planned, name="mention_planned"),
    path("datasets/", year.dataset_list, name="datasets"),
    path("datasets/configure/<slug:code>/", year.dataset_configure, name="dataset_configure"),
    path("datasets/<int:pairing>/<int:year>/", year.dataset_page, name="dataset"),
    path("datasets/<int:pairing>/<int:year>/<str:step>/", year.dataset_step, name="dataset_step"),
    path("events/<int:pairing>/<int:year>/", year.event_list, name="events"),
    path("events/new/<str:kind>/<int:pairing>/", year.event_edit, name="event_new"),
    path("events/<str:kind>/<int:pk>/edit/", year.event_edit, name="event_edit"),
    path("assessment/", assessment.assessment_page, name="assessment"),
    path("assessment/<int:year>.xlsx", assessment.assessment_workbook, name="assessment_xlsx"),
    path("assessment/criteria/<slug:code>/", assessment.criterion_edit, name="criterion_edit"),
    path("notifications/", year.notification_page, name="notifications"),
    path("notifications/read/", year.notifications_read, name="notifications_read"),
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
