"""Creates the demo accounts and the demo person's journal, for development only."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from accounts.selectors import user_has_second_factor, user_today
from accounts.services import consent_give, second_factor_add_totp
from front.services import entry_create
from journal.demo import MEDICATIONS, demo_entries
from journal.services import medication_create
from review.models import REVIEWERS_GROUP

# The base32 secret of the demo staff accounts' authenticator app (in the README): staff pages need a
# second factor, and any authenticator app set up with this secret gives the demo's codes.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"

ACCOUNTS = (
    # username, password, is_staff, is_superuser
    ("demo", "demo", False, False),
    ("reviewer", "reviewer", True, False),
    ("admin", "admin", True, True),
)


class Command(BaseCommand):
    help = "Create the demo, reviewer and admin accounts and the demo journal (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create demo accounts with well-known passwords: DEBUG is off.")
        User = get_user_model()
        # The demo's flags would mail the reviewers (after commit, hence around the transaction):
        # nobody needs those, and a newcomer's terminal should not fill with them.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            for username, password, is_staff, is_superuser in ACCOUNTS:
                user, created = User.objects.get_or_create(
                    username=username,
                    defaults={
                        "email": f"{username}@example.org",
                        "is_staff": is_staff,
                        "is_superuser": is_superuser,
                        "time_zone": settings.TIME_ZONE,
                    },
                )
                if created:
                    user.set_password(password)
                    user.save(update_fields=["password"])
                    consent_give(user=user)
                    self.stdout.write(f"Created {username} (password {password}).")
                EmailAddress.objects.get_or_create(
                    user=user, email=user.email, defaults={"verified": True, "primary": True}
                )
                if is_staff and not user_has_second_factor(user=user):
                    second_factor_add_totp(user=user, secret=DEMO_TOTP_SECRET)
                    self.stdout.write(
                        f"Gave {username} an authenticator app with the secret {DEMO_TOTP_SECRET}."
                    )
                if username == "reviewer":
                    # The reviewer's permission comes from the group the review migrations create.
                    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
                if username == "demo" and not user.entries.exists():
                    for name, dose in MEDICATIONS:
                        medication_create(user=user, name=name, dose=dose)
                    entries = demo_entries(today=user_today(user=user), hemisphere=user.hemisphere)
                    for data in entries:
                        entry_create(user=user, data=data)
                    self.stdout.write(f"Wrote {len(entries)} journal entries for demo.")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
