"""Remove a user's second factor (a lost phone): they set up a new one at next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.accounts import twofactor
from cms.accounts.audit import record


class Command(BaseCommand):
    help = "Remove the second factor (authenticator and recovery codes) of a user."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        twofactor.remove_devices(user)
        record(user, "accounts.2fa_removed", data={"by": "manage.py reset_2fa"})
        self.stdout.write(f"Second factor removed for {username}; they enrol at next sign-in.")
