import pytest
from django.test import Client

from tests.factories import make_reviewer


@pytest.fixture
def two_reviewers(db):
    """Two reviewers, ash and bea, each in a session of their own, to act on the same entries."""
    first, second = Client(), Client()
    first.force_login(make_reviewer("ash"))
    second.force_login(make_reviewer("bea"))
    return first, second
