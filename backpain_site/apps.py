from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project itself as an app, so its system checks are registered at start-up."""

    name = "backpain_site"
    verbose_name = "Back pain journal"

    def ready(self):
        from backpain_site import checks  # noqa: F401  (registers the system checks)
