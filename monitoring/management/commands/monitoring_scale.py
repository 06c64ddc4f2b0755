"""Adds monitoring's part to synthetic data generated before the app was installed (the
benchmark's kept database): the reports, then the summary table."""

from django.core.management.base import BaseCommand, CommandError

from lms import scale as lms_scale

from ... import scale


class Command(BaseCommand):
    help = "Generate monitoring's synthetic reports and figures for existing scale data."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=list(lms_scale.SCALES), default="national")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        if not lms_scale.already_generated():
            raise CommandError("No synthetic data here: run seed_demo --scale first.")
        run = lms_scale.ScaleRun(
            scale=lms_scale.SCALES[options["scale"]], seed=options["seed"], stdout=self.stdout
        )
        counts = scale.generate(run)
        self.stdout.write(", ".join(f"{key} {value}" for key, value in counts.items()))
