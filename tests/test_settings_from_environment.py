"""Settings read from the environment fail loudly: a value that cannot be read stops start-up and
names the variable, rather than quietly becoming a default."""

import pytest

from tests.test_deploy_settings import manage


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SECURE_SSL_REDIRECT", "ture"),
        ("EMAIL_USE_TLS", "maybe"),
        ("DEBUG", "yes please"),
        ("SESSION_IDLE_TIMEOUT", "half an hour"),
        ("SESSION_ABSOLUTE_TIMEOUT", "30"),
        ("TRUSTED_PROXY_COUNT", "one"),
        ("CACHE_URL", "memcached://127.0.0.1"),
        ("CONN_MAX_AGE", "60s"),
        ("AXES_FAILURE_LIMIT", "0"),
        ("REMINDER_INTERVAL_SECONDS", "5m"),
    ],
)
def test_an_unreadable_value_stops_start_up_naming_the_variable(variable, value):
    result = manage("check", **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{variable}={value!r}" in result.stderr


@pytest.mark.parametrize(
    ("value", "redirects"), [("false", "False"), ("0", "False"), ("TRUE", "True"), ("", "True")]
)
def test_readable_values_are_taken(value, redirects):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)",
        SECURE_SSL_REDIRECT=value,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == redirects
