"""The production configuration passes Django's deployment checks, and refuses the development key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 30 + "-a-long-random-production-key-" + "y" * 30,
    "ALLOWED_HOSTS": "journal.example.org",
    "DJANGO_SETTINGS_MODULE": "backpain_site.settings",
}


# The browser tests allow Django's ORM inside an event loop; a production process never does.
NOT_IN_PRODUCTION = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_environment(**overrides):
    return {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION} | PRODUCTION | overrides


def manage(*args, **env):
    environment = production_environment(**env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy_without_a_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_development_key_is_refused_when_debug_is_off():
    result = manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "backpain_site.E001" in result.stderr


def test_the_wsgi_application_refuses_to_serve_with_the_development_key():
    env = production_environment(SECRET_KEY="")
    result = subprocess.run(
        [sys.executable, "-c", "import backpain_site.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Refusing to serve" in result.stderr
