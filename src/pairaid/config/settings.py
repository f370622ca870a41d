"""The one settings module of pairaid, read from ``PAIRAID_*`` environment variables.

| variable | meaning | default |
| --- | --- | --- |
| PAIRAID_ENV | development, test or production | development |
| PAIRAID_HOME | where the SQLite file, uploads and reports live | the user's data directory |
| PAIRAID_DATABASE_URL | a database URL (``postgres://…`` or ``sqlite:///…``) | SQLite file in PAIRAID_HOME |
| PAIRAID_SECRET_KEY | Django's secret key; required in production | a development key |
| PAIRAID_DEBUG | Django debug pages | true in development |
| PAIRAID_ALLOWED_HOSTS | comma-separated host names | localhost in development |
| PAIRAID_CSRF_TRUSTED_ORIGINS | comma-separated origins (https://…) | none |
| PAIRAID_ANONYMOUS_ACCESS | what visitors who are not logged in see: accepted or none | accepted |
| PAIRAID_UPLOAD_MAX_MB | largest report upload, in MiB | 50 |
| PAIRAID_LOGIN_ATTEMPTS | failed logins before a lock-out | 5 |
| PAIRAID_SITE_URL | the address of the site, for links in notification emails and reports | http://127.0.0.1:8000 |
| PAIRAID_EMAIL_HOST | SMTP server for notification emails; empty prints them on the console | empty |
| PAIRAID_EMAIL_PORT | SMTP port | 25 |
| PAIRAID_EMAIL_FROM | sender address of notification emails | pairaid@localhost |
| PAIRAID_MEDIA_ROOT | uploads and built files: a folder every web process and worker reads | PAIRAID_HOME/media |
"""

from __future__ import annotations

from pathlib import Path

from pairaid.config.environment import (
    SettingError,
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_str,
)
from pairaid.core.home import home_dir

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = env_choice("ENV", "development", ("development", "test", "production"))
PRODUCTION = ENV == "production"
HOME = home_dir()

_DEV_SECRET = "pairaid-development-key-not-for-production-use-0123456789abcdef"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
if not SECRET_KEY:
    raise SettingError("PAIRAID_SECRET_KEY must be set when PAIRAID_ENV=production")
DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "ninja",  # serves the API docs' Swagger UI from its own static files, not from a CDN
    "django_tasks",
    "django_tasks_db",
    "pairaid.geo",
    "pairaid.registry",
    "pairaid.activities",
    "pairaid.sources",
    "pairaid.indicators",
    "pairaid.ingest",
    "pairaid.checks",
    "pairaid.reports",
    "pairaid.accounts",
    "pairaid.notifications",
    "pairaid.datasets",
    "pairaid.plans",
    "pairaid.events",
    "pairaid.assessment",
    "pairaid.jobs",
    "pairaid.web",
    "pairaid.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "pairaid.web.conflicts.LockedConflictMiddleware",
    "pairaid.web.read_once.ReadOnceMiddleware",
]

ROOT_URLCONF = "pairaid.config.urls"
WSGI_APPLICATION = "pairaid.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_default_db = "sqlite:///" + str(HOME / "pairaid.sqlite3")
DATABASES = {"default": env_database("DATABASE_URL", _default_db)}
#: SQLite waits up to 20 s for a lock, and begins every transaction IMMEDIATE (taking the write lock at once): two
#: deferred transactions that both read and then write made SQLite refuse one at once, "database is locked",
#: without waiting (issue 13: a 500 under four schemathesis workers; tests/config/test_sqlite_writers.py).
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "pairaid.web.auth.SignedInBackend",  # Django's model backend; the user read with their unread count
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = env_int("LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
# the template tells the visitor in their language; a lockout counts per account and address, so that one
# person mistyping a password does not lock out every colleague behind the same office gateway
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(HOME / "media"))).expanduser()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Nothing lives in one process, so that several web processes and workers share one database: sessions
# and the cache in the database, the task queue in the database (django-tasks; `pairaid worker` runs it),
# uploads and built files in MEDIA_ROOT (shared storage).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {"default": {"BACKEND": "pairaid.config.cache.UpsertDatabaseCache", "LOCATION": "pairaid_cache"}}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Notifications by email (pairaid.notifications): SMTP when a host is set, else the console (tests use memory)
#: The site's address when PAIRAID_SITE_URL is not set: this computer's, which no reader of a sent report can open.
DEFAULT_SITE_URL = "http://127.0.0.1:8000"
SITE_URL = env_str("SITE_URL", DEFAULT_SITE_URL).rstrip("/")
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "pairaid@localhost")

ANONYMOUS_ACCESS = env_choice("ANONYMOUS_ACCESS", "accepted", ("accepted", "none"))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

if PRODUCTION:
    # WhiteNoise serves the collected static files (``manage.py collectstatic``) in production.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
