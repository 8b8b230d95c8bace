from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "backpain_site.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from backpain_site import checks  # noqa: F401  (registers the system checks)
