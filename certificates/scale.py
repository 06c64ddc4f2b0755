"""Certificates for `seed_demo --scale` (see lms.scale): one for every synthetic person
who earned an automatic kind (a course completed, a cohort finished ...), issued as the
signal handlers would, without their PDFs (the worker renders a PDF when it is asked for).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from lms.achievements import achievement_kinds
from lms.models import StaffProfile
from lms.scale import USERNAME_PREFIX, ScaleRun

from . import codes
from .models import Certificate, KindRule
from .services.issuing import _add_months


def generate(run: ScaleRun) -> dict[str, int]:
    rng = run.rng("certificates")
    rules = {rule.kind: rule for rule in KindRule.objects.filter(automatic=True)}
    kinds = {key: kind for key, kind in achievement_kinds().items() if key in rules}
    where = {
        user_id: (library or "", regency or "")
        for user_id, library, regency in StaffProfile.objects.filter(
            user__username__startswith=USERNAME_PREFIX
        ).values_list("user_id", "library__name", "library__regency__name")
    }
    used = set()

    def code() -> str:
        while True:
            value = codes.new_code(rng.choice)
            if value not in used:
                used.add(value)
                return value

    def certificates():
        for key, kind in kinds.items():
            rule = rules[key]
            for subject in kind.subjects():
                subject_type = ContentType.objects.get_for_model(subject, for_concrete_model=False)
                for achievement in kind.earned(subject):
                    user = achievement.user
                    if user.pk not in where:
                        continue
                    library, regency = where[user.pk]
                    issued_on = achievement.achieved_on
                    yield Certificate(
                        code=code(),
                        recipient_id=user.pk,
                        kind=key,
                        subject_type=subject_type,
                        subject_id=subject.pk,
                        recipient_name=(user.get_full_name() or user.get_username()).strip(),
                        achievement_title=achievement.title,
                        library_name=library,
                        regency_name=regency,
                        hours=achievement.hours,
                        achieved_on=achievement.achieved_on,
                        template_id=rule.template_id,
                        issued_on=issued_on,
                        expires_on=_add_months(issued_on, rule.valid_for_months)
                        if rule.valid_for_months
                        else None,
                    )

    issued = list(certificates())
    run.bulk_create(Certificate, issued, label=_("Certificates"), keep=False)
    return {"certificates": len(issued)}
