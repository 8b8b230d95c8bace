from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Staff review"

    def ready(self):
        from review import services
        from triage.signals import flags_changed

        # The engine says which entries got new or more urgent flags; their reviews open again
        # and the reviewers hear of them, inside the engine's transaction.
        flags_changed.connect(services.flags_changed_receive, dispatch_uid="review_flags_changed")
        # The migrations create the Reviewers group once; this puts it back after a flush.
        post_migrate.connect(
            services.reviewers_group_ensure, sender=self, dispatch_uid="review_reviewers_group"
        )
        post_migrate.connect(services.waiting_times_ensure, sender=self, dispatch_uid="review_waiting_times")
