import pytest

from tests.factories import EntryFactory, UserFactory


@pytest.fixture
def person(db):
    return UserFactory(username="alex")


@pytest.fixture
def other_person(db):
    return UserFactory(username="sam")


@pytest.fixture
def person_client(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def entry_of(db):
    """entry_of(user, **fields) writes an entry through the journal's service."""
    return lambda user, **fields: EntryFactory(user=user, **fields)
