"""Demo Peer Learning Meetings, loaded by `manage.py seed_demo` after the network exists.

A past national meeting (Bali, 18–22 May 2015) with its agenda, ~350 participants from 19
kabupaten/kota and 76 village libraries, their check-ins and the stories they shared; and
an upcoming kabupaten meeting in Lumajang open for registration, where the demo `peserta`
is registered and her library drafts a story, and the demo `pendamping` has one to review.

Idempotent: what exists is found by slug, code or username and left as it is. Participants
beyond the demo network (the 2015 village libraries it lacks, their staff and the village
guests who came with them) are written with bulk_create and cannot sign in. Check-ins are
written directly, without the meeting_attended event, so no certificates are issued here.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from lms import demo_network
from lms.models import Library, StaffProfile
from lms.roles import GROUP_NAMES, Role

from . import codes
from . import demo_content as content
from .models import AgendaSession, CheckIn, MeetingIndexPage, MeetingPage, Registration, Story

SEED = "sebaya-demo:peer-learning"
INDEX = {"slug": "pertemuan", "title": "Pertemuan Belajar Sebaya"}
INDEX_INTRO = (
    "<p>Pertemuan belajar sebaya (Peer Learning Meeting) mempertemukan perpustakaan "
    "kabupaten/kota, perpustakaan desa dan TBM untuk berbagi capaian, cerita dampak, serta "
    "hambatan dan solusinya.</p>"
)
ORGANISER_CODE = "lumajang"
USERNAME_PREFIX = "plm2015-"
NARASUMBER, PANITIA = 20, 15
CHECKIN_RATE = 0.93
SCHEDULED_SHARE = 0.6

User = get_user_model()


def load(*, stdout) -> None:
    with transaction.atomic():
        summary = DemoMeetings().load()
    if summary:
        stdout.write(
            _(
                "Demo meetings: %(national)s with %(registrations)d registrations, "
                "%(checkins)d check-ins and %(stories)d accepted stories; %(upcoming)s open "
                "for registration."
            )
            % summary
        )


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def _date(parts) -> datetime.date:
    return datetime.date(*parts)


class DemoMeetings:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.password = make_password(None)

    def load(self) -> dict | None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        organiser = Library.objects.filter(code=ORGANISER_CODE).first()
        if site is None or organiser is None:  # the network is not loaded
            return None
        self.organiser = organiser
        index = self.index(site.root_page)
        national = self.national(index)
        upcoming = self.upcoming(index)
        return {
            "national": national.title,
            "registrations": national.registrations.count(),
            "checkins": CheckIn.objects.filter(registration__meeting=national).count(),
            "stories": national.stories.filter(status=Story.Status.ACCEPTED).count(),
            "upcoming": upcoming.title,
        }

    # Pages

    def index(self, root) -> MeetingIndexPage:
        page = MeetingIndexPage.objects.child_of(root).filter(slug=INDEX["slug"]).first()
        if page is None:
            page = MeetingIndexPage(title=INDEX["title"], slug=INDEX["slug"], intro=INDEX_INTRO)
            root.add_child(instance=page)
        return page

    def national(self, index) -> MeetingPage:
        data = content.NATIONAL
        page = MeetingPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            starts_on, ends_on = _date(data["starts_on"]), _date(data["ends_on"])
            page = MeetingPage(
                title=data["title"],
                slug=data["slug"],
                theme=data["theme"],
                level=MeetingPage.Level.NATIONAL,
                starts_on=starts_on,
                ends_on=ends_on,
                venue=data["venue"],
                organiser=self.organiser,
                description=data["description"],
                capacity=data["capacity"],
                registration_opens=starts_on - datetime.timedelta(days=60),
                registration_closes=starts_on - datetime.timedelta(days=14),
            )
            index.add_child(instance=page)
        if not page.registrations.exists():
            registrations = self.national_registrations(page)
            speakers = [r for r in registrations if r.role == Registration.Role.SPEAKER]
            self.sessions(page, content.NATIONAL_AGENDA, speakers)
            self.checkins(page, registrations)
            self.national_stories(page)
        return page

    def upcoming(self, index) -> MeetingPage:
        data = content.UPCOMING
        today = timezone.localdate()
        starts_on = today + datetime.timedelta(days=content.UPCOMING_IN_DAYS)
        dates = {
            "starts_on": starts_on,
            "ends_on": starts_on + datetime.timedelta(days=1),
            "registration_opens": today - datetime.timedelta(days=7),
            "registration_closes": starts_on - datetime.timedelta(days=7),
        }
        page = MeetingPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None:
            page = MeetingPage(
                title=data["title"],
                slug=data["slug"],
                theme=data["theme"],
                level=MeetingPage.Level.REGENCY,
                venue=data["venue"],
                organiser=self.organiser,
                description=data["description"],
                capacity=data["capacity"],
                library_quota=data["library_quota"],
                **dates,
            )
            index.add_child(instance=page)
        elif page.ends_on < today:  # seeded long ago: keep it upcoming
            for name, value in dates.items():
                setattr(page, name, value)
            page.save()
            page.sessions.all().delete()
        if not page.sessions.exists():
            self.sessions(page, content.UPCOMING_AGENDA, [])
        self.upcoming_people(page)
        return page

    def sessions(self, page, agenda, speakers) -> None:
        names = [r.user.first_name for r in speakers]
        rows = []
        for order, (day, start, end, title, kind, room, n) in enumerate(agenda):
            chosen = [names[(order * 3 + i) % len(names)] for i in range(n)] if names else []
            rows.append(
                AgendaSession(
                    meeting=page,
                    sort_order=order,
                    day=page.starts_on + datetime.timedelta(days=day),
                    starts_at=_time(start),
                    ends_at=_time(end),
                    title=title,
                    kind=kind,
                    room=room,
                    speakers=", ".join(dict.fromkeys(chosen)),
                )
            )
        AgendaSession.objects.bulk_create(rows)

    # The 2015 participants

    def extra_libraries(self) -> list[Library]:
        """The village libraries of 2015 the demo network lacks, up to 76 in all."""
        mentored = Library.objects.filter(kind__in=Library.MENTORED_KINDS)
        existing_codes = set(mentored.values_list("code", flat=True))
        mentors = Library.objects.in_bulk(list(content.EXTRA_VILLAGES_2015), field_name="code")
        wanted = []
        for mentor_code, villages in content.EXTRA_VILLAGES_2015.items():
            mentor = mentors.get(mentor_code)
            if mentor is None:
                continue
            for village in villages:
                code = f"{mentor_code}-{slugify(village)}"
                kind = "Kelurahan" if mentor.regency.kind == "kota" else "Desa"
                wanted.append(
                    Library(
                        code=code,
                        name=f"Perpustakaan {kind} {village}",
                        kind=Library.Kind.VILLAGE,
                        regency_id=mentor.regency_id,
                        village=village,
                        mentor_library=mentor,
                        joined_phase=Library.Phase.PHASE_2,
                        joined_year=2014,
                        computers=demo_network.VILLAGE_COMPUTERS,
                        bandwidth_mbps=self.rng.choice((1, 1.5, 2, 3)),
                    )
                )
        wanted_codes = {library.code for library in wanted}
        allowed = content.TARGET_VILLAGE_LIBRARIES - len(existing_codes - wanted_codes)
        wanted = wanted[: max(allowed, 0)]
        Library.objects.bulk_create([lib for lib in wanted if lib.code not in existing_codes])
        return list(
            Library.objects.filter(code__in=[lib.code for lib in wanted]).select_related("regency")
        )

    def name_pools(self) -> dict[int, tuple[str, ...]]:
        """The name pools of each kabupaten/kota, by regency id."""
        pools = {}
        by_code = {p.code: p.people for p in demo_network.PARTNER_REGENCIES}
        for library in Library.objects.filter(code__in=list(by_code)):
            pools[library.regency_id] = by_code[library.code]
        return pools

    def person_name(self, pools: tuple[str, ...], gender: str) -> str:
        pool = demo_network.NAME_POOLS[pools[0] if self.rng.random() < 0.8 else pools[-1]]
        given, family = pool[gender]
        return f"{self.rng.choice(given)} {self.rng.choice(family)}"

    def new_people(self, specs: list[tuple[str, Library | None, str, str]]) -> None:
        """Creates the accounts (username, library, position, regency pool key) not there."""
        existing = set(
            User.objects.filter(username__in=[spec[0] for spec in specs]).values_list(
                "username", flat=True
            )
        )
        specs = [spec for spec in specs if spec[0] not in existing]
        if not specs:
            return
        pools = self.name_pools()
        genders = ["female" if self.rng.random() < 0.55 else "male" for _ in specs]
        users = User.objects.bulk_create(
            [
                User(
                    username=username,
                    first_name=self.person_name(pools.get(regency_id, ("jawa",)), gender),
                    password=self.password,
                )
                for (username, _library, _position, regency_id), gender in zip(
                    specs, genders, strict=True
                )
            ]
        )
        if not all(user.pk for user in users):
            found = User.objects.in_bulk([spec[0] for spec in specs], field_name="username")
            users = [found[spec[0]] for spec in specs]
        StaffProfile.objects.bulk_create(
            [
                StaffProfile(user=user, library=library, position=position, gender=gender)
                for user, (_u, library, position, _r), gender in zip(
                    users, specs, genders, strict=True
                )
            ]
        )

    def national_registrations(self, page) -> list[Registration]:
        extra = self.extra_libraries()
        specs = []
        for library in extra:
            for i, position in enumerate(("manager", "librarian", "volunteer")):
                specs.append(
                    (
                        f"{USERNAME_PREFIX}{library.code}-{i + 1}",
                        library,
                        position,
                        library.regency_id,
                    )
                )
        villages = list(
            Library.objects.filter(kind__in=Library.MENTORED_KINDS)
            .select_related("regency")
            .order_by("code")
        )[: content.TARGET_VILLAGE_LIBRARIES]
        # A village guest (village head, PKK or BPD member) came with each village library;
        # not library staff, so their profile has no library.
        for library in villages:
            specs.append(
                (f"{USERNAME_PREFIX}tamu-{library.code}", None, "other", library.regency_id)
            )
        self.new_people(specs)

        tiers = [Library.Kind.PROVINCIAL, Library.Kind.REGENCY]
        regency_staff = list(
            StaffProfile.objects.filter(library__kind__in=tiers)
            .select_related("user", "library")
            .order_by("library__code", "user__username")
        )
        village_ids = [library.pk for library in villages]
        village_staff = list(
            StaffProfile.objects.filter(library_id__in=village_ids)
            .select_related("user", "library")
            .order_by("library__code", "user__username")
        )
        guests = {
            profile.user.username: profile
            for profile in StaffProfile.objects.filter(
                user__username__startswith=f"{USERNAME_PREFIX}tamu-"
            ).select_related("user")
        }
        rows: list[tuple] = []  # (user, library, role)
        mentor_ids = set(
            User.objects.filter(groups__name=GROUP_NAMES[Role.MENTOR]).values_list("pk", flat=True)
        )
        speakers = panitia = 0
        for profile in regency_staff:
            library = profile.library
            if profile.user.username in ("pendamping",) or (
                library.code in (ORGANISER_CODE, "karangasem") and panitia < PANITIA
            ):
                role = Registration.Role.COMMITTEE
                panitia += 1
            elif (
                profile.position == StaffProfile.Position.FACILITATOR
                or library.kind == Library.Kind.PROVINCIAL
            ) and speakers < NARASUMBER:
                role = Registration.Role.SPEAKER
                speakers += 1
            elif profile.user_id in mentor_ids:
                role = Registration.Role.FACILITATOR
            elif panitia < PANITIA and profile.position == StaffProfile.Position.LIBRARIAN:
                role = Registration.Role.COMMITTEE
                panitia += 1
            else:
                role = Registration.Role.PARTICIPANT
            rows.append((profile.user, library, role))
        for profile in village_staff:
            role = Registration.Role.PARTICIPANT
            if speakers < NARASUMBER and profile.position == StaffProfile.Position.MANAGER:
                role = Registration.Role.SPEAKER  # village managers presenting their stories
                speakers += 1
            rows.append((profile.user, profile.library, role))
        for library in villages:
            guest = guests.get(f"{USERNAME_PREFIX}tamu-{library.code}")
            if guest is not None:
                rows.append((guest.user, library, Registration.Role.PARTICIPANT))
        registrations = Registration.objects.bulk_create(
            [
                Registration(
                    meeting=page,
                    user=user,
                    library=library,
                    role=role,
                    status=Registration.Status.REGISTERED,
                    code=codes.new_checkin_code(),
                )
                for user, library, role in rows
            ]
        )
        by_user = {user.pk: user for user, _l, _r in rows}
        for registration in registrations:
            registration.user = by_user[registration.user_id]
        return registrations

    def checkins(self, page, registrations) -> None:
        rows = []
        desk = next((r.user for r in registrations if r.role == Registration.Role.COMMITTEE), None)
        for registration in registrations:
            for number, day in enumerate(page.days):
                # Most came every day; a few arrived late or left before the last day.
                rate = 0.97 if registration.role != Registration.Role.PARTICIPANT else CHECKIN_RATE
                if number == 0 or self.rng.random() < rate:
                    rows.append(
                        CheckIn(
                            registration_id=registration.pk,
                            day=day,
                            method=self.rng.choice(
                                (CheckIn.Method.SCAN,) * 8
                                + (CheckIn.Method.CODE, CheckIn.Method.MANUAL)
                            ),
                            checked_in_by=desk,
                        )
                    )
        CheckIn.objects.bulk_create(rows, batch_size=500)

    # Stories

    def mentor_of(self) -> dict[int, object]:
        """The mentor-role facilitator of each kabupaten/kota library, by library id."""
        mentors = {}
        for profile in (
            StaffProfile.objects.filter(
                library__kind=Library.Kind.REGENCY,
                user__groups__name=GROUP_NAMES[Role.MENTOR],
            )
            .select_related("user")
            .order_by("user__username")
        ):
            mentors.setdefault(profile.library_id, profile.user)
        return mentors

    def national_stories(self, page) -> None:
        attendees = {
            r.library_id: r.user
            for r in Registration.objects.filter(
                meeting=page, library__kind__in=Library.MENTORED_KINDS
            )
            .exclude(user__username__startswith=f"{USERNAME_PREFIX}tamu-")
            .select_related("user")
            .order_by("-pk")
        }
        libraries = Library.objects.in_bulk(list(attendees))
        by_village = {library.village: library for library in libraries.values()}
        mentors = self.mentor_of()
        sessions = {}
        for session in page.sessions.all():
            sessions.setdefault(session.kind, []).append(session)
        kind_to_session = {
            "achievement": "achievements",
            "impact": "impact",
            "obstacle": "obstacles",
        }

        planned = []
        used = set()
        for village, *story in content.STORIES_2015:
            library = by_village.get(village)
            if library is not None:
                planned.append((library, story))
                used.add(library.pk)
        others = [
            lib for lib in sorted(libraries.values(), key=lambda x: x.code) if lib.pk not in used
        ]
        self.rng.shuffle(others)
        for i, library in enumerate(others):
            if len(planned) >= content.ACCEPTED_STORIES_2015:
                break
            kind, theme, title, text, solution, women, men = content.STORY_PATTERNS[
                i % len(content.STORY_PATTERNS)
            ]
            planned.append(
                (
                    library,
                    (
                        kind,
                        theme,
                        title.format(
                            village=library.village,
                            place=library.name.removeprefix("Perpustakaan "),
                        ),
                        text,
                        solution,
                        women,
                        men,
                    ),
                )
            )
        reviewed_at = timezone.make_aware(datetime.datetime(2015, 5, 4, 10, 0))
        rows = []
        for i, (library, (kind, theme, title, text, solution, women, men)) in enumerate(planned):
            choices = sessions.get(kind_to_session[kind], [])
            words = content.THEME_WORDS.get(theme, ())
            suited = [c for c in choices if any(w.lower() in c.title.lower() for w in words)]
            choices = suited or choices
            session = (
                choices[i % len(choices)]
                if choices and self.rng.random() < SCHEDULED_SHARE
                else None
            )
            rows.append(
                Story(
                    meeting=page,
                    library=library,
                    author=attendees[library.pk],
                    kind=kind,
                    theme=theme,
                    title=title,
                    text=text,
                    solution=solution,
                    beneficiaries_female=women,
                    beneficiaries_male=men,
                    status=Story.Status.ACCEPTED,
                    submitted_at=reviewed_at - datetime.timedelta(days=10),
                    reviewed_by=mentors.get(library.mentor_library_id),
                    reviewed_at=reviewed_at,
                    review_comment="Bagus, siap dipresentasikan.",
                    session=session,
                )
            )
        Story.objects.bulk_create(rows)

    # The upcoming meeting

    def upcoming_people(self, page) -> None:
        accounts = User.objects.in_bulk(["peserta", "pendamping"], field_name="username")
        peserta, pendamping = accounts.get("peserta"), accounts.get("pendamping")
        profiles = {
            p.user_id: p
            for p in StaffProfile.objects.filter(
                user__in=[u for u in (peserta, pendamping) if u]
            ).select_related("library")
        }
        existing = set(page.registrations.values_list("user_id", flat=True))
        rows = []
        for user, role in (
            (peserta, Registration.Role.PARTICIPANT),
            (pendamping, Registration.Role.FACILITATOR),
        ):
            profile = profiles.get(user.pk) if user else None
            if profile and profile.library and user.pk not in existing:
                rows.append(
                    Registration(
                        meeting=page,
                        user=user,
                        library=profile.library,
                        role=role,
                        nominated_by=pendamping,
                        code=codes.new_checkin_code(),
                    )
                )
        Registration.objects.bulk_create(rows)
        if peserta is None or pendamping is None or peserta.pk not in profiles:
            return
        home = profiles[peserta.pk].library
        if not page.stories.filter(library=home).exists():
            Story.objects.create(
                meeting=page,
                library=home,
                author=peserta,
                kind=Story.Kind.ACHIEVEMENT,
                theme=Story.Theme.COMMUNITY,
                title="Kelas membatik untuk ibu-ibu Pandanwangi",
                text=(
                    "Bersama PKK, perpustakaan membuka kelas membatik setiap Jumat. Motif "
                    "dicari dari internet dan buku koleksi perpustakaan."
                ),
                beneficiaries_female=18,
                beneficiaries_male=0,
            )
        neighbour = (
            Library.objects.filter(mentor_library__code=ORGANISER_CODE)
            .exclude(pk=home.pk)
            .order_by("code")
            .first()
        )
        author = (
            StaffProfile.objects.filter(library=neighbour).select_related("user").first()
            if neighbour
            else None
        )
        if author and not page.stories.filter(library=neighbour).exists():
            Story.objects.create(
                meeting=page,
                library=neighbour,
                author=author.user,
                kind=Story.Kind.OBSTACLE,
                theme=Story.Theme.ICT,
                title=f"Komputer dipakai bergantian di {neighbour.name}",
                text="Tiga komputer tidak cukup untuk kelas internet pelajar sepulang sekolah.",
                solution=(
                    "1. Jadwal bergilir per kelas.\n"
                    "2. Pelajar membawa ponsel untuk latihan mencari informasi.\n"
                    "3. Usulan tambahan komputer ke dana desa."
                ),
                beneficiaries_female=21,
                beneficiaries_male=17,
                status=Story.Status.SUBMITTED,
                submitted_at=timezone.now() - datetime.timedelta(days=2),
            )
