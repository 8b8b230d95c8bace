"""Factories for the tests. Entries are written through the journal's service, like the app does."""

import datetime

import factory

from backpain_site.accounts.models import User
from backpain_site.accounts.services import consent_give
from journal.services import entry_create


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-long-test-password")
    time_zone = "UTC"

    @factory.post_generation
    def consented(user, create, extracted, **kwargs):
        if create and extracted is not False:
            consent_give(user=user)


class EntryFactory(factory.Factory):
    """Builds the form data of an entry and saves it with journal.services.entry_create."""

    class Meta:
        model = dict

    user = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(lambda: datetime.date(2026, 3, 10))
    upper_back = 3

    @classmethod
    def _create(cls, model_class, user, **data):
        return entry_create(user=user, data=data)


def entry_post_data(**overrides):
    """What the entry form posts when a person fills in only the basics; override to add more."""
    data = {
        "date": "2026-03-10",
        "time": "",
        "neck": "0",
        "shoulders": "0",
        "upper_back": "0",
        "middle_back": "0",
        "lower_back": "0",
        "spasms": "0",
        "painkiller_names": "",
        "sitting_hours": "",
        "sitting_posture": "",
        "running_minutes": "",
        "running_surface": "",
        "warmed_up": "unknown",
        "stretched_after": "unknown",
        "shoes_fit": "unknown",
        "other_movement_minutes": "",
        "notes": "",
    }
    data.update(overrides)
    return data
