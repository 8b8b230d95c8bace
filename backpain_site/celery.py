"""The Celery application: `celery -A backpain_site worker` and `celery -A backpain_site beat`.

Its settings are the CELERY_* names of backpain_site.settings; every app's tasks.py is found by
itself. Without CELERY_BROKER_URL no worker is needed: see lib.tasks.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backpain_site.settings")

app = Celery("backpain_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
