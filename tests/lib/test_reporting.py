"""Error reports and logs carry no health data: no posted values, query strings or quoted rows."""

import logging
import sys

from django.db import IntegrityError
from django.test import RequestFactory

from lib.reporting import (
    HIDDEN,
    DropDatabaseErrorMessages,
    HealthDataExceptionReporter,
    HealthDataExceptionReporterFilter,
)

# Built at run time, so the source lines a report quotes around a frame never contain it.
SECRET = " ".join(["my", "private", "note"])
ROW = f'Failing row contains (7, 2026-03-01, "{SECRET}")'


def raise_and_catch(exception):
    try:
        raise exception
    except type(exception):
        return sys.exc_info()


def report_text(request, exc_info):
    return HealthDataExceptionReporter(request, *exc_info).get_traceback_text()


def test_posted_values_and_local_variables_are_hidden():
    request = RequestFactory().post("/journal/new/", {"notes": SECRET, "lower_back": "7"})
    report_filter = HealthDataExceptionReporterFilter()
    # Not even the field names: a name can say what was recorded.
    hidden = {"(2 posted fields, names and values hidden)": HIDDEN}
    assert report_filter.get_post_parameters(request) == hidden

    def failing_view():
        secret_note = SECRET  # noqa: F841
        raise RuntimeError

    exc_info = raise_and_catch_from(failing_view)
    page = HealthDataExceptionReporter(request, *exc_info).get_traceback_html()
    assert SECRET not in page
    assert "secret_note" in page


def raise_and_catch_from(function):
    try:
        function()
    except Exception:
        return sys.exc_info()


def test_the_query_string_and_referrer_are_hidden():
    request = RequestFactory().get(
        "/journal/?region=lower_back&date_from=2026-03-01", HTTP_REFERER="https://site/journal/?region=neck"
    )
    text = report_text(request, raise_and_catch(RuntimeError("boom")))
    assert "lower_back" not in text and "region" not in text and "date_from" not in text
    assert "/journal/" in text and "2 query parameters" in text


def test_a_database_errors_message_is_hidden_from_reports_and_logs(caplog):
    exc_info = raise_and_catch(IntegrityError(ROW))
    text = report_text(RequestFactory().get("/journal/new/"), exc_info)
    assert SECRET not in text and "IntegrityError" in text

    logger = logging.getLogger("tests.error_reports")
    logger.addFilter(DropDatabaseErrorMessages())
    with caplog.at_level(logging.ERROR, logger="tests.error_reports"):
        logger.error("Internal Server Error: /journal/new/", exc_info=exc_info)
    assert SECRET not in caplog.text
    assert "IntegrityError" in caplog.text


def test_a_database_error_behind_another_error_is_hidden_too(caplog):
    def failing_view():
        try:
            raise IntegrityError(ROW)
        except IntegrityError as error:
            raise RuntimeError("could not save the entry") from error

    exc_info = raise_and_catch_from(failing_view)
    page = HealthDataExceptionReporter(RequestFactory().get("/journal/new/"), *exc_info).get_traceback_html()
    assert SECRET not in page

    logger = logging.getLogger("tests.error_reports.chain")
    logger.addFilter(DropDatabaseErrorMessages())
    with caplog.at_level(logging.ERROR, logger="tests.error_reports.chain"):
        logger.error("Internal Server Error: /journal/new/", exc_info=exc_info)
    assert SECRET not in caplog.text
    assert "RuntimeError" in caplog.text


def test_other_errors_are_logged_with_their_message(caplog):
    logger = logging.getLogger("tests.error_reports.plain")
    logger.addFilter(DropDatabaseErrorMessages())
    with caplog.at_level(logging.ERROR, logger="tests.error_reports.plain"):
        logger.error("boom", exc_info=raise_and_catch(ValueError("a plain failure")))
    assert "a plain failure" in caplog.text
