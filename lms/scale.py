"""Synthetic data shaped like Indonesia for `seed_demo --scale`: the whole network at
national scale (38 provinces, 514 kabupaten/kota, 83,000 village libraries and TBM,
250,000 staff), or one big province for quick runs.

It is written beside the demo (which loads first), with bulk inserts, deterministically
from a seed. Each app adds its own part through the `sebaya_seed_scale` hook, in hook
order, after this module's network: a removed app adds nothing. Every synthetic library
code starts with SYNTHETIC_PREFIX, so a second run finds the data and adds nothing.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import demo_network
from .models import Library, Province, Regency, StaffProfile
from .roles import Role, role_groups

SCALE_HOOK = "sebaya_seed_scale"
SYNTHETIC_PREFIX = "sx-"
USERNAME_PREFIX = "sx"
BATCH = 5000


@dataclass(frozen=True)
class Scale:
    name: str
    provinces: int  # how many of the 38 provinces get synthetic libraries
    regencies: int  # kabupaten/kota in all, the demo's included
    villages: int  # village libraries and TBM, the demo's included
    staff: int  # staff in all, the demo's included
    # Targets the apps scale their own data to.
    progress: int  # courses: progress records
    national_trainers: int  # mentoring: the top of the cascade
    # Village libraries of the biggest kabupaten at least: its mentor has 1,000 mentees.
    biggest_regency: int = 0


SCALES = {
    "province": Scale(
        "province",
        provinces=1,
        regencies=35,
        villages=8_300,
        staff=25_000,
        progress=250_000,
        national_trainers=7,
        biggest_regency=340,
    ),
    "national": Scale(
        "national",
        provinces=38,
        regencies=514,
        villages=83_000,
        staff=250_000,
        progress=2_500_000,
        national_trainers=65,
        biggest_regency=340,
    ),
}

# The 38 provinces (BPS code) and how many kabupaten/kota each has: 514 in all.
PROVINCES: tuple[tuple[str, str, int], ...] = (
    ("Jawa Tengah", "33", 35),  # first: the province of the "province" scale
    ("Aceh", "11", 23),
    ("Sumatera Utara", "12", 33),
    ("Sumatera Barat", "13", 19),
    ("Riau", "14", 12),
    ("Jambi", "15", 11),
    ("Sumatera Selatan", "16", 17),
    ("Bengkulu", "17", 10),
    ("Lampung", "18", 15),
    ("Kepulauan Bangka Belitung", "19", 7),
    ("Kepulauan Riau", "21", 7),
    ("DKI Jakarta", "31", 6),
    ("Jawa Barat", "32", 27),
    ("DI Yogyakarta", "34", 5),
    ("Jawa Timur", "35", 38),
    ("Banten", "36", 8),
    ("Bali", "51", 9),
    ("Nusa Tenggara Barat", "52", 10),
    ("Nusa Tenggara Timur", "53", 22),
    ("Kalimantan Barat", "61", 14),
    ("Kalimantan Tengah", "62", 14),
    ("Kalimantan Selatan", "63", 13),
    ("Kalimantan Timur", "64", 10),
    ("Kalimantan Utara", "65", 5),
    ("Sulawesi Utara", "71", 15),
    ("Sulawesi Tengah", "72", 13),
    ("Sulawesi Selatan", "73", 24),
    ("Sulawesi Tenggara", "74", 17),
    ("Gorontalo", "75", 6),
    ("Sulawesi Barat", "76", 6),
    ("Maluku", "81", 11),
    ("Maluku Utara", "82", 10),
    ("Papua", "91", 9),
    ("Papua Barat", "92", 7),
    ("Papua Selatan", "93", 4),
    ("Papua Tengah", "94", 8),
    ("Papua Pegunungan", "95", 8),
    ("Papua Barat Daya", "96", 6),
)

# The name pool of each province's people (demo_network.NAME_POOLS); melayu elsewhere.
PROVINCE_POOLS = {
    "Jawa Tengah": demo_network.JAWA,
    "Jawa Timur": demo_network.JAWA,
    "DI Yogyakarta": demo_network.JAWA,
    "Jawa Barat": demo_network.SUNDA,
    "Banten": demo_network.SUNDA,
    "Sumatera Barat": demo_network.MINANG,
    "Kalimantan Selatan": demo_network.BANJAR,
    "Sulawesi Selatan": demo_network.BUGIS,
    "Sulawesi Barat": demo_network.BUGIS,
    "Bali": demo_network.BALI,
}

# Place names are put together from these, as many Indonesian ones are.
_HEADS = (
    "Suka", "Sumber", "Karang", "Mekar", "Tanjung", "Muara", "Batu", "Air", "Sido", "Tegal",
    "Cipta", "Bukit", "Sri", "Wono", "Rejo", "Padang", "Kali", "Lubuk", "Sungai", "Pasir",
    "Telaga", "Banyu", "Giri", "Tirta", "Mulya", "Jati", "Pondok", "Kampung", "Teluk", "Rawa",
)  # fmt: skip
_TAILS = (
    "jaya", "sari", "mulya", "rejo", "agung", "makmur", "harjo", "asri", "baru", "indah",
    "mukti", "raya", "tani", "kencana", "mekar", "wangi", "luhur", "arum", "tengah", "lestari",
    "subur", "utama", "permai", "damai", "sejahtera", "murni", "kerta", "guna", "manik", "rahayu",
)  # fmt: skip
_PARTS = (" Lor", " Kidul", " Wetan", " Kulon", " Timur", " Barat", " Utara", " Selatan")


def place_names(rng: random.Random):
    """Endless distinct place names: "Sukamaju", then "Sukamaju Lor" ..."""
    combos = [head + tail for head in _HEADS for tail in _TAILS]
    rng.shuffle(combos)
    yield from combos
    for part in _PARTS:
        for name in combos:
            yield name + part
    n = 2
    while True:
        for name in combos:
            yield f"{name} {n}"
        n += 1


class ProgressBar:
    """A text progress bar on stdout: redrawn in place on a terminal, every quarter when
    written to a file or a CI log."""

    WIDTH = 30

    def __init__(self, stdout, label: str, total: int):
        self.stdout, self.label, self.total = stdout, label, max(total, 1)
        self.tty = getattr(getattr(stdout, "_out", stdout), "isatty", lambda: False)()
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.last_step = -1
        self.done = 0

    def advance(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        now = time.monotonic()
        step = 4 * self.done // self.total
        if self.tty and now - self.drawn_at >= 0.2:
            self._draw(end="\r")
            self.drawn_at = now
        elif not self.tty and step > self.last_step:
            self.last_step = step
            self._draw(end="\n")

    def finish(self) -> None:
        self.done = self.total
        if self.tty or self.last_step < 4:
            self._draw(end="\n")

    def _draw(self, end: str) -> None:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        seconds = time.monotonic() - self.started
        line = f"{self.label:<28} [{bar}] {100 * self.done // self.total:3d}% {seconds:6.1f} s"
        self.stdout.write(line, ending=end)
        self.stdout.flush()


@dataclass
class ScaleRun:
    """What every app's generator is given: the scale, a seed, the day, and a way to show
    progress."""

    scale: Scale
    seed: int
    stdout: object
    today: date = field(default_factory=timezone.localdate)

    def rng(self, part: str) -> random.Random:
        """A generator of its own for each part, so one app's data does not shift when
        another's changes."""
        return random.Random(f"sebaya-scale:{self.seed}:{part}")

    def bar(self, label: str, total: int) -> ProgressBar:
        return ProgressBar(self.stdout, label, total)

    def bulk_create(
        self, model, objects, *, label: str, total: int | None = None, keep: bool = True
    ) -> list:
        """Writes `objects` (any iterable) in batches, advancing a progress bar; returns
        them (with their ids) unless `keep` is False (millions of rows)."""
        bar = self.bar(label, total if total is not None else len(objects))
        created, batch = [], []
        for obj in objects:
            batch.append(obj)
            if len(batch) == BATCH:
                written = model.objects.bulk_create(batch)
                if keep:
                    created += written
                bar.advance(len(batch))
                batch = []
        if batch:
            written = model.objects.bulk_create(batch)
            if keep:
                created += written
            bar.advance(len(batch))
        bar.finish()
        return created


def already_generated() -> bool:
    return Library.objects.filter(code__startswith=SYNTHETIC_PREFIX).exists()


def _shares(rng: random.Random, count: int, total: int, *, low: float, high: float) -> list[int]:
    """`total` split into `count` uneven whole parts, each between about `low` and `high`
    times the average (log-uniform), summing to `total` exactly (largest remainders)."""
    if count == 0:
        return []
    weights = [math.exp(rng.uniform(math.log(low), math.log(high))) for _ in range(count)]
    exact = [w * total / sum(weights) for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(count), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


class NetworkGenerator:
    """Provinces, kabupaten/kota and their libraries, then the staff of each."""

    def __init__(self, run: ScaleRun):
        self.run = run
        self.scale = run.scale
        self.rng = run.rng("network")
        self.names = place_names(self.rng)

    def generate(self) -> dict[str, int]:
        provinces = self.provinces()
        regencies = self.regencies(provinces)
        villages = self.libraries(regencies)
        staff = self.staff(villages)
        return {
            "provinces": len(provinces),
            "regencies": Regency.objects.count(),
            "libraries": Library.objects.count(),
            "staff": staff,
        }

    def provinces(self) -> list[Province]:
        wanted = PROVINCES[: self.scale.provinces]
        existing = Province.objects.in_bulk([name for name, _c, _n in wanted], field_name="name")
        missing = [
            Province(name=name, code=code) for name, code, _n in wanted if name not in existing
        ]
        Province.objects.bulk_create(missing)
        found = Province.objects.in_bulk([name for name, _c, _n in wanted], field_name="name")
        return [found[name] for name, _c, _n in wanted]

    def _regency_name(self, taken: set) -> str:
        for name in self.names:
            if name not in taken:
                taken.add(name)
                return name
        raise AssertionError("place names never run out")

    def regencies(self, provinces: list[Province]) -> list[tuple[Regency, Library]]:
        """Every kabupaten/kota with its library (the existing demo ones included)."""
        counts = {name: n for name, _code, n in PROVINCES}
        if self.scale.provinces == 1:
            counts[provinces[0].name] = self.scale.regencies
        taken = set(Regency.objects.values_list("name", flat=True))
        new_regencies = []
        for province in provinces:
            have = Regency.objects.filter(province=province).count()
            for i in range(max(0, counts[province.name] - have)):
                kind = Regency.Kind.KOTA if i % 5 == 4 else Regency.Kind.KABUPATEN
                new_regencies.append(
                    Regency(province=province, kind=kind, name=self._regency_name(taken))
                )
        Regency.objects.bulk_create(new_regencies, batch_size=BATCH)
        regencies = list(
            Regency.objects.filter(province__in=provinces)
            .select_related("province")
            .order_by("province__name", "name")
        )
        libraries = {
            library.regency_id: library
            for library in Library.objects.filter(kind=Library.Kind.REGENCY, regency__in=regencies)
        }
        new_libraries = [
            Library(
                code=f"{SYNTHETIC_PREFIX}{regency.pk}",
                name=f"Dinas Perpustakaan {regency}",
                kind=Library.Kind.REGENCY,
                regency=regency,
                joined_phase=Library.Phase.EXPANSION,
                joined_year=self.rng.randint(2015, 2022),
                computers=demo_network.REGENCY_COMPUTERS,
                bandwidth_mbps=self.rng.choice((5, 10, 10, 20)),
            )
            for regency in regencies
            if regency.pk not in libraries
        ]
        for library in Library.objects.bulk_create(new_libraries, batch_size=BATCH):
            libraries[library.regency_id] = library
        return [(regency, libraries[regency.pk]) for regency in regencies]

    def libraries(self, regencies) -> list[Library]:
        """The village libraries and TBM, mentored by their kabupaten/kota library: uneven
        numbers per kabupaten (the biggest with at least `Scale.biggest_regency`), the
        demo's counted in."""
        existing = Library.objects.filter(kind__in=Library.MENTORED_KINDS).count()
        wanted = max(0, self.scale.villages - existing)
        shares = _shares(self.rng, len(regencies), wanted, low=0.3, high=2.2)
        # The biggest kabupaten's mentor is the one with 1,000 mentees (about 3 staff each).
        biggest = shares.index(max(shares))
        floor = min(self.scale.biggest_regency, wanted)
        shares[biggest], extra = max(shares[biggest], floor), max(0, floor - shares[biggest])
        for i in range(extra):
            j = i % len(shares)
            if j != biggest and shares[j] > 1:
                shares[j] -= 1

        def build():
            for (regency, mentor), count in zip(regencies, shares, strict=True):
                kelurahan = regency.kind == Regency.Kind.KOTA
                for n in range(count):
                    village = next(self.names)
                    tbm = self.rng.random() < 0.1
                    if tbm:
                        name = f"TBM {village}"
                    elif kelurahan:
                        name = f"Perpustakaan Kelurahan {village}"
                    else:
                        name = f"Perpustakaan Desa {village}"
                    yield Library(
                        code=f"{SYNTHETIC_PREFIX}{regency.pk}-{n}",
                        name=name,
                        kind=Library.Kind.TBM if tbm else Library.Kind.VILLAGE,
                        regency=regency,
                        village=village,
                        mentor_library=mentor,
                        joined_phase=Library.Phase.EXPANSION,
                        joined_year=self.rng.randint(2016, 2024),
                        computers=demo_network.VILLAGE_COMPUTERS,
                        bandwidth_mbps=self.rng.choice((1, 1.5, 2, 3, 5)),
                    )

        return self.run.bulk_create(Library, build(), label=_("Village libraries"), total=wanted)

    def provincial_libraries(self) -> list[Library]:
        """A provincial library in each province that has none, in the capital's kota (the
        province's first kota here)."""
        regencies = Regency.objects.filter(
            province__in=Province.objects.filter(name__in=[p for p, _c, _n in PROVINCES])
        ).order_by("province_id", "-kind", "name")
        first = {}
        for regency in regencies.select_related("province"):
            first.setdefault(regency.province_id, regency)
        have = set(
            Library.objects.filter(kind=Library.Kind.PROVINCIAL).values_list(
                "regency__province_id", flat=True
            )
        )
        Library.objects.bulk_create(
            [
                Library(
                    code=f"{SYNTHETIC_PREFIX}provinsi-{province_id}",
                    name=f"Dinas Perpustakaan Provinsi {regency.province.name}",
                    kind=Library.Kind.PROVINCIAL,
                    regency=regency,
                    joined_phase=Library.Phase.EXPANSION,
                    joined_year=2016,
                    computers=demo_network.REGENCY_COMPUTERS,
                    bandwidth_mbps=20,
                )
                for province_id, regency in first.items()
                if province_id not in have
            ]
        )
        return list(
            Library.objects.filter(kind=Library.Kind.PROVINCIAL)
            .select_related("regency__province")
            .order_by("pk")
        )

    def staff(self, villages: list[Library]) -> int:
        """Four staff at each new kabupaten/kota library (one of them its mentor), and the
        rest spread over the new village libraries, two to four each."""
        User = get_user_model()
        groups = role_groups()
        regency_libraries = list(
            Library.objects.filter(kind=Library.Kind.REGENCY, code__startswith=SYNTHETIC_PREFIX)
            .select_related("regency__province")
            .order_by("pk")
        )
        provincial = self.provincial_libraries()
        existing = StaffProfile.objects.count()
        wanted = max(0, self.scale.staff - existing)
        at_villages = max(0, wanted - 4 * len(regency_libraries) - self.scale.national_trainers)
        per_village = _shares(self.rng, len(villages), at_villages, low=0.6, high=1.4)
        rows: list[tuple[Library, str, Role]] = []
        # The national (master) trainers work at the provincial libraries.
        for n in range(self.scale.national_trainers):
            rows.append(
                (provincial[n % len(provincial)], StaffProfile.Position.FACILITATOR, Role.TRAINER)
            )
        for library in regency_libraries:
            rows.append((library, StaffProfile.Position.FACILITATOR, Role.MENTOR))
            rows += [(library, StaffProfile.Position.STAFF, Role.LEARNER)] * 3
        for library, count in zip(villages, per_village, strict=True):
            rows.append((library, StaffProfile.Position.MANAGER, Role.LEARNER))
            rows += [(library, StaffProfile.Position.STAFF, Role.LEARNER)] * (count - 1)
        provinces = {
            library.regency_id: library.regency.province.name
            for library in [*regency_libraries, *provincial]
        }
        provinces.update(
            dict(
                Regency.objects.filter(pk__in={v.regency_id for v in villages}).values_list(
                    "pk", "province__name"
                )
            )
        )
        start = User.objects.filter(username__startswith=USERNAME_PREFIX).count()
        people = []
        for n, (library, _position, _role) in enumerate(rows):
            gender = "female" if self.rng.random() < 0.55 else "male"
            pool = demo_network.NAME_POOLS[
                PROVINCE_POOLS.get(provinces[library.regency_id], demo_network.MELAYU)
            ]
            given, family = pool[gender]
            name = f"{self.rng.choice(given)} {self.rng.choice(family)}"
            people.append((f"{USERNAME_PREFIX}{start + n:06d}", name, gender))

        users = self.run.bulk_create(
            User,
            (
                User(username=username, first_name=name, password="!")  # noqa: S106 unusable
                for username, name, _gender in people
            ),
            label=_("Staff accounts"),
            total=len(people),
        )
        self.run.bulk_create(
            StaffProfile,
            (
                StaffProfile(
                    user_id=user.pk,
                    library=library,
                    position=position,
                    gender=gender,
                    birth_year=self.rng.randint(1962, 2004),
                )
                for user, (library, position, _role), (_u, _n, gender) in zip(
                    users, rows, people, strict=True
                )
            ),
            label=_("Staff profiles"),
            total=len(users),
        )
        Membership = User.groups.through
        self.run.bulk_create(
            Membership,
            (
                Membership(user_id=user.pk, group_id=groups[role].pk)
                for user, (_library, _position, role) in zip(users, rows, strict=True)
            ),
            label=_("Roles"),
            total=len(users),
        )
        return StaffProfile.objects.count()


def generate(*, scale: str | Scale, seed: int, stdout) -> dict | None:
    """The network at `scale` (a name in SCALES, or a Scale), then each app's part (hook
    order); None when it is there already. Each part is its own transaction, so a long run
    keeps what it has done."""
    from wagtail import hooks

    if already_generated():
        return None
    run = ScaleRun(scale=SCALES.get(scale, scale), seed=seed, stdout=stdout)
    started = time.monotonic()
    with transaction.atomic():
        counts = NetworkGenerator(run).generate()
        statistics_refresh()
    for generate_part in hooks.get_hooks(SCALE_HOOK):
        with transaction.atomic():
            counts.update(generate_part(run) or {})
            statistics_refresh()
    counts["seconds"] = round(time.monotonic() - started, 1)
    return counts


def statistics_refresh() -> None:
    """Brings PostgreSQL's row estimates up to the rows just inserted. Autovacuum comes by
    late, and never sees the rows of a transaction still open (the tests' module
    fixture); without it the planner, taking thousands of rows for a few, chose nested
    loops of sequential scans, and one test's join ran for over an hour."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
