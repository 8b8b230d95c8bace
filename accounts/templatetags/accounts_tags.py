"""Template pieces for account pages: the consent text, and passkey options handed to the script."""

import json

from django import template

from accounts.consent import CONSENT_POINTS

register = template.Library()


@register.inclusion_tag("accounts/_consent_text.html")
def consent_text():
    return {"consent_points": CONSENT_POINTS}


@register.filter
def as_json(value):
    """JSON for a data- attribute (autoescaping quotes it): no inline <script>, even a data one."""
    return json.dumps(value)
