"""Settings for the test suite: the site's own settings with the few changes tests need.

The tests run against what a developer runs (DEBUG-style static files, no HTTPS redirect) with a
fast password hasher; test_deploy_settings checks the production configuration separately.
"""

import os

os.environ.setdefault("DEBUG", "true")

from backpain_site.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory: the tests that run a real Celery worker, or two rounds at once,
    # need other processes and threads to see the same database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}  # noqa: F405
