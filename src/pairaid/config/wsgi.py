"""WSGI entry point for production servers (``pairaid.config.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pairaid.config.settings")
application = get_wsgi_application()
