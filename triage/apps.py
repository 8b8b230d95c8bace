from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = "Triage"

    def ready(self):
        from triage.engine import rules_create_missing

        # The data migration creates the rows once; this puts back any that are missing after a
        # flush (as the test runner's does) or when a new rule ships, so no rule is silently off.
        post_migrate.connect(rules_create_missing, sender=self, dispatch_uid="triage_rules_create_missing")
