"""Settings for the real Celery worker that tests/test_worker.py starts: the test settings, with mail
written to files the test reads, and retries seconds apart instead of minutes."""

import os
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

from tests.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.worker_settings.SwitchableFileBackend"
EMAIL_FILE_PATH = os.environ["TEST_MAIL_DIR"]
TASK_RETRY_BASE_SECONDS = 1
TASK_RETRY_MAX_SECONDS = 2


class SwitchableFileBackend(EmailBackend):
    """Writes each mail to a file; refuses to connect while the test has put a file named "down"
    beside them, as a mail server that is down would."""

    def open(self):
        if (Path(EMAIL_FILE_PATH).parent / "down").exists():
            raise ConnectionRefusedError("mail server down")
        return super().open()
