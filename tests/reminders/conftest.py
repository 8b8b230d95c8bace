import datetime

import pytest

from reminders.services import plan_update


@pytest.fixture
def remind(db):
    """remind(user, at=time(20, 0), enabled=True): the person's reminder, as the settings page saves it."""

    def plan(user, at=datetime.time(20, 0), enabled=True):
        return plan_update(user=user, enabled=enabled, at=at)

    return plan
