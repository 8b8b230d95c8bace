"""Is the site alive, can it serve, and what a person sees when the database cannot be reached.

``/healthz`` answers as long as the process runs, without touching the database; ``/readyz``
also runs ``SELECT 1``. When the database cannot be reached, every page that needs it answers 503
with Retry-After and a page in the site's look that itself needs no database, instead of a 500
that mails the admins for every request.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 30
# What a failed connection raises (a refused or dropped connection, a database that is starting).
UNREACHABLE = (OperationalError, InterfaceError)


def unavailable(request: HttpRequest) -> HttpResponse:
    response = render(request, "503.html", {"retry_after": RETRY_AFTER}, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


@never_cache
@transaction.non_atomic_requests
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@transaction.non_atomic_requests
def readyz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        response = HttpResponse("database unavailable\n", content_type="text/plain", status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponse("ready\n", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponseBase:
    """handler500: a database that cannot be reached is a 503 to try again later; anything else
    is Django's own 500 page (templates/500.html)."""
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE):
        return unavailable(request)
    return django_server_error(request)
