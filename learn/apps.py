from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LearnConfig(AppConfig):
    name = "learn"
    label = "learn"
    verbose_name = "Learn: articles and tips"

    def ready(self):
        from learn.services import content_editors_group_ensure

        # The migrations create the Content editors group once; this puts it back after a flush.
        post_migrate.connect(content_editors_group_ensure, sender=self, dispatch_uid="learn_editors_group")
