"""WSGI entry point for gunicorn."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backpain_site.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (settings are ready only after the line above)

if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("Refusing to serve: set SECRET_KEY (DEBUG is off).")
