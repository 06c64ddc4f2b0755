"""Peer Learning Meetings for `seed_demo --scale` (see lms.scale): a two-day kabupaten
meeting in each synthetic kabupaten/kota over the last year, attended by the manager of
each of its village libraries and their facilitator, with check-ins and the stories its
villages shared (accepted, so the knowledge base has thousands).
"""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from lms.models import Library, StaffProfile
from lms.scale import SYNTHETIC_PREFIX, USERNAME_PREFIX, ScaleRun

from . import codes
from . import demo_content as content
from .models import AgendaSession, CheckIn, MeetingIndexPage, MeetingPage, Registration, Story

STORIES_PER_MEETING = 3


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def generate(run: ScaleRun) -> dict[str, int]:
    index = MeetingIndexPage.objects.first()
    if index is None:
        return {}
    rng = run.rng("peer_learning")
    people = defaultdict(list)  # library id -> [(user id, position)]
    for user_id, library_id, position in StaffProfile.objects.filter(
        user__username__startswith=USERNAME_PREFIX
    ).values_list("user_id", "library_id", "position"):
        people[library_id].append((user_id, position))
    villages = defaultdict(list)
    for library in Library.objects.filter(
        kind__in=Library.MENTORED_KINDS, code__startswith=SYNTHETIC_PREFIX
    ).order_by("pk"):
        villages[library.mentor_library_id].append(library)
    organisers = list(
        Library.objects.filter(kind=Library.Kind.REGENCY, code__startswith=SYNTHETIC_PREFIX)
        .select_related("regency")
        .order_by("pk")
    )
    registrations, checkins, stories = [], [], []
    bar = run.bar(_("Meetings"), len(organisers))
    for organiser in organisers:
        starts_on = run.today - datetime.timedelta(days=rng.randint(20, 350))
        page = MeetingPage(
            title=f"Pertemuan Belajar Sebaya {organiser.regency} {starts_on.year}",
            slug=f"pbs-{organiser.code}",
            theme="Berbagi capaian, hambatan dan solusi",
            level=MeetingPage.Level.REGENCY,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=1),
            venue=f"Aula {organiser.name}",
            organiser=organiser,
            capacity=max(40, len(villages[organiser.pk]) + 10),
            registration_opens=starts_on - datetime.timedelta(days=45),
            registration_closes=starts_on - datetime.timedelta(days=7),
        )
        index.add_child(instance=page)
        AgendaSession.objects.bulk_create(
            [
                AgendaSession(
                    meeting=page,
                    sort_order=order,
                    day=starts_on + datetime.timedelta(days=day),
                    starts_at=_time(start),
                    ends_at=_time(end),
                    title=title,
                    kind=kind,
                    room=room,
                )
                for order, (day, start, end, title, kind, room, _n) in enumerate(
                    content.UPCOMING_AGENDA
                )
            ]
        )
        coming = [
            (user_id, organiser, Registration.Role.FACILITATOR)
            for user_id, position in people[organiser.pk]
            if position == StaffProfile.Position.FACILITATOR
        ]
        for village in villages[organiser.pk]:
            managers = [u for u, position in people[village.pk] if position == "manager"]
            if managers:
                coming.append((managers[0], village, Registration.Role.PARTICIPANT))
        for user_id, library, role in coming:
            registrations.append(
                Registration(
                    meeting=page,
                    user_id=user_id,
                    library=library,
                    role=role,
                    code=codes.new_checkin_code(rng.choice),
                )
            )
        for n, village in enumerate(
            rng.sample(
                villages[organiser.pk], k=min(STORIES_PER_MEETING, len(villages[organiser.pk]))
            )
        ):
            kind, theme, title, text, solution, women, men = content.STORY_PATTERNS[
                (n + organiser.pk) % len(content.STORY_PATTERNS)
            ]
            author = people[village.pk][0][0] if people[village.pk] else None
            if author is None:
                continue
            stories.append(
                Story(
                    meeting=page,
                    library=village,
                    author_id=author,
                    kind=kind,
                    theme=theme,
                    title=title.format(
                        village=village.village, place=village.name.removeprefix("Perpustakaan ")
                    ),
                    text=text,
                    solution=solution,
                    beneficiaries_female=women,
                    beneficiaries_male=men,
                    status=Story.Status.ACCEPTED,
                )
            )
        bar.advance()
    bar.finish()
    written = run.bulk_create(Registration, registrations, label=_("Registrations"))
    days = {page.pk: page.days for page in MeetingPage.objects.filter(slug__startswith="pbs-sx-")}
    for registration in written:
        for number, day in enumerate(days[registration.meeting_id]):
            if number == 0 or rng.random() < 0.9:
                checkins.append(
                    CheckIn(registration_id=registration.pk, day=day, method=CheckIn.Method.SCAN)
                )
    run.bulk_create(CheckIn, checkins, label=_("Check-ins"), keep=False)
    run.bulk_create(Story, stories, label=_("Stories"), keep=False)
    return {
        "meetings": len(organisers),
        "registrations": len(written),
        "checkins": len(checkins),
        "stories": len(stories),
    }
