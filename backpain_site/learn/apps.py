from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "backpain_site.learn"
    label = "learn"
    verbose_name = "Learn: articles and tips"
