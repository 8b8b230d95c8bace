"""With the database unreachable, pages answer 503 with Retry-After and a page in the site's look,
the health check still answers, the readiness check says no, and the admins get one mail, not one
per request. Run in a separate process pointed at a database that cannot be reached."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_deploy_settings import production_environment

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, django
from django.conf import settings
# Production settings, but static files from the source folders: no collectstatic in a test.
plain = "django.contrib.staticfiles.storage.StaticFilesStorage"
settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": plain}}
django.setup()
from django.core import mail
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
anonymous = Client(raise_request_exception=False)
signed_in = Client(raise_request_exception=False)
signed_in.cookies["sessionid"] = "a" * 32
answers = {}
for name, client, path in [
    ("landing", anonymous, "/"),
    ("learn", anonymous, "/learn/"),
    ("dashboard", signed_in, "/dashboard/"),
    ("login", anonymous, "/accounts/login/"),
    ("healthz", anonymous, "/healthz"),
    ("readyz", anonymous, "/readyz"),
]:
    response = client.get(path, secure=True)
    answers[name] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "csp": response.get("Content-Security-Policy", ""),
        "body": response.content.decode(),
    }
answers["mails"] = len(mail.outbox)
print(json.dumps(answers))
"""

UNREACHABLE = {
    "sqlite": "sqlite:////nonexistent-folder/journal.sqlite3",
    "postgresql": "postgres://postgres@127.0.0.1:1/journal",
}


@pytest.fixture(scope="module", params=sorted(UNREACHABLE))
def answers(request):
    env = production_environment(
        DATABASE_URL=UNREACHABLE[request.param], ADMIN_EMAILS="ops@example.org", ALLOWED_HOSTS="testserver"
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("page", ["learn", "dashboard", "login"])
def test_a_page_that_needs_the_database_answers_503_with_retry_after(answers, page):
    answer = answers[page]
    assert answer["status"] == 503
    assert int(answer["retry_after"]) > 0
    assert "Back in a moment" in answer["body"] and "Nothing you saved before is lost" in answer["body"]
    # The site's look: its style sheet and name, under the site's security policy.
    assert "css/site.css" in answer["body"] and "Back pain journal" in answer["body"]
    assert "script-src 'self'" in answer["csp"]


def test_the_landing_page_needs_no_database(answers):
    assert answers["landing"]["status"] == 200
    assert "Sign up" in answers["landing"]["body"]


def test_the_health_check_answers_and_the_readiness_check_says_not_ready(answers):
    assert (answers["healthz"]["status"], answers["healthz"]["body"]) == (200, "ok\n")
    assert answers["readyz"]["status"] == 503 and int(answers["readyz"]["retry_after"]) > 0


def test_the_admins_get_one_mail_for_the_outage_not_one_per_request(answers):
    assert answers["mails"] == 1
