# The Celery application is made when Django starts, so every app's tasks attach to it.
from backpain_site.celery import app as celery_app

__all__ = ["celery_app"]
