"""Health data stays private: strict CSP, no caching, no inline script or style, clean error reports."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def test_every_page_carries_a_strict_content_security_policy(client, db):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "name", ["journal:dashboard", "journal:entry-list", "journal:entry-create", "accounts:profile"]
)
def test_pages_with_health_data_are_never_cached(person_client, name):
    cache_control = person_client.get(reverse(name))["Cache-Control"]
    assert "no-store" in cache_control and "no-cache" in cache_control


def test_an_entry_page_is_never_cached(person_client, person, entry_of):
    response = person_client.get(reverse("journal:entry-detail", args=[entry_of(person).pk]))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_have_no_inline_script_style_or_event_handlers(template):
    html = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"\sstyle\s*=", html), "style= attribute"
    assert not re.search(r"<style", html), "<style> element"
    assert not re.search(r"\son[a-z]+\s*=", html), "on...= handler"
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "asset from another origin"


def test_rendered_entry_form_has_no_inline_script_or_style(person_client):
    html = person_client.get(reverse("journal:entry-create")).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"\son[a-z]+\s*=", html)


def test_every_page_switches_off_browser_features_it_never_uses(client, db):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_the_page_for_an_unknown_host_carries_the_security_policy(client, db):
    response = client.get("/", HTTP_HOST="evil.example.net")
    assert response.status_code == 400
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
