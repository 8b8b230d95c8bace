"""Factories for the tests. Entries are written through the journal's service, like the app does."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.services import consent_give
from front.services import entry_create
from review.models import REVIEWERS_GROUP


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

    @factory.post_generation
    def email_verified(user, create, extracted, **kwargs):
        """The address confirmed, as after following the sign-up mail (False: still waiting)."""
        if create and user.email:
            EmailAddress.objects.create(
                user=user, email=user.email, primary=True, verified=extracted is not False
            )


def make_reviewer(username="rowan", **fields):
    """A staff member in the Reviewers group, as seed_demo makes the demo reviewer."""
    user = UserFactory(username=username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


class EntryFactory(factory.Factory):
    """Builds the form data of an entry and saves it with front.services.entry_create, as the
    entry pages do: with its triage."""

    class Meta:
        model = dict

    user = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(lambda: datetime.date(2026, 3, 10))
    upper_back = 3

    @classmethod
    def _create(cls, model_class, user, **data):
        return entry_create(user=user, data=data)


def entry_post_data(*, intakes=(), recorded=0, **overrides):
    """What the entry form posts when a person fills in only the basics; override to add more.
    ``intakes``: rows of the medication section (medication id, dose, time, relief, DELETE), the
    first ``recorded`` of them intakes already stored on the entry."""
    data = {
        "intakes-TOTAL_FORMS": str(len(intakes)),
        "intakes-INITIAL_FORMS": str(recorded),
        **{
            f"intakes-{index}-{name}": "" if value is None else str(value)
            for index, row in enumerate(intakes)
            for name, value in row.items()
        },
        "date": "2026-03-10",
        "time": "",
        "neck": "0",
        "shoulders": "0",
        "upper_back": "0",
        "middle_back": "0",
        "lower_back": "0",
        "spasms": "0",
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
