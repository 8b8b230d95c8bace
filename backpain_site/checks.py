"""System checks that stop an unsafe configuration from serving."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def development_secret_key_only_in_debug(app_configs, **kwargs):
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        return [
            Error(
                "SECRET_KEY is the public development key while DEBUG is off.",
                hint="Set SECRET_KEY in the environment to a long random value.",
                id="backpain_site.E001",
            )
        ]
    return []
