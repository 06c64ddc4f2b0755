"""Marks valid certificates past their expiry date as expired (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from certificates.services.lifecycle import certificates_expire


class Command(BaseCommand):
    help = "Marks valid certificates whose expiry date has passed as expired."

    def handle(self, *args, **options):
        count = certificates_expire()
        self.stdout.write(f"{count} certificates expired.")
