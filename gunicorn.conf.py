"""Gunicorn settings for production: `gunicorn backpain_site.wsgi` picks this file up by itself."""

import multiprocessing
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backpain_site.settings")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# The path without its query string: filters and page numbers stay out of the logs. The secret in a
# calendar feed's or unsubscribe link's path is hidden too (lib.redaction).
logger_class = "lib.redaction.GunicornLogger"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
