"""Redoes the monitoring summary table from every app's records (or only the stale
regencies), with a progress bar: run it after a bulk import, or from cron."""

import time

from django.core.management.base import BaseCommand

from lms.scale import ProgressBar

from ...services import summary


class Command(BaseCommand):
    help = "Refresh the monitoring and evaluation figures."

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="Only the regencies marked stale.")

    def handle(self, *args, stale: bool = False, **options):
        ids = summary.stale_regency_ids() if stale else None
        if ids == []:
            self.stdout.write(str(summary.NOTHING_STALE))
            return
        started = time.monotonic()
        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = ProgressBar(self.stdout, "Figures", total)
            bar.advance(done - bar.done)

        cells = summary.figures_refresh(regency_ids=ids, on_progress=progress)
        if bar is not None:
            bar.finish()
        self.stdout.write(f"{cells} cells in {time.monotonic() - started:.1f} s.")
