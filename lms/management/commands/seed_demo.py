"""`manage.py seed_demo`: loads the real PerpuSeru network, its staff and one account per role."""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail import hooks

from lms import demo_network as data
from lms import scale
from lms.models import Library, Province, Regency, StaffProfile
from lms.roles import Role, role_groups

SEED_DEMO_HOOK = "sebaya_seed_demo"


@dataclass(frozen=True)
class Person:
    username: str
    name: str
    gender: str
    position: str
    birth_year: int
    phone: str
    roles: tuple[Role, ...]
    password: str | None = None  # None: the account cannot sign in with a password
    superuser: bool = False


def _differs(instance: models.Model, name: str, value) -> bool:
    field = instance._meta.get_field(name)
    wanted = value.pk if isinstance(value, models.Model) else value
    return getattr(instance, field.attname) != wanted


class DemoLoader:
    """Brings the database in line with `lms.demo_network`, writing only rows that differ."""

    def __init__(self):
        self.created = 0
        self.updated = 0
        self.groups = role_groups()
        self.used_names = {account.name for account in data.DEMO_ACCOUNTS}
        self.people: list[tuple[Person, Library | None]] = []

    def sync(self, instance: models.Model, values: dict, *, dirty: bool = False):
        """Sets `values` on `instance`; validates and saves it only if anything changed."""
        created = instance.pk is None
        changed = [name for name, value in values.items() if _differs(instance, name, value)]
        if not (created or changed or dirty):
            return instance
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save()
        if created:
            self.created += 1
        else:
            self.updated += 1
        return instance

    # The network

    def load_network(self) -> tuple[dict[str, Province], dict[tuple, Regency], list[Library]]:
        existing = Province.objects.in_bulk(list(data.PROVINCES), field_name="name")
        provinces = {
            name: self.sync(existing.get(name) or Province(name=name), {"code": code})
            for name, code in data.PROVINCES.items()
        }

        provincial = data.PROVINCIAL_LIBRARY
        regency_keys = [(p.province, p.kind, p.name) for p in data.PARTNER_REGENCIES]
        regency_keys.append(
            (provincial["province"], provincial["regency_kind"], provincial["regency_name"])
        )
        existing = {
            (r.province.name, r.kind, r.name): r
            for r in Regency.objects.filter(province__in=provinces.values()).select_related(
                "province"
            )
        }
        regencies = {
            key: existing.get(key)
            or self.sync(Regency(province=provinces[key[0]], kind=key[1], name=key[2]), {})
            for key in regency_keys
        }

        codes = [provincial["code"]]
        for partner in data.PARTNER_REGENCIES:
            codes.append(partner.code)
            codes.extend(v.code for v in data.VILLAGE_LIBRARIES.get(partner.code, ()))
        existing = Library.objects.in_bulk(codes, field_name="code")

        def library(code: str, values: dict) -> Library:
            return self.sync(existing.get(code) or Library(code=code), values)

        libraries = [
            library(
                provincial["code"],
                {
                    "name": provincial["name"],
                    "kind": Library.Kind.PROVINCIAL,
                    "regency": regencies[regency_keys[-1]],
                    "village": "",
                    "mentor_library": None,
                    "joined_phase": provincial["joined_phase"],
                    "joined_year": provincial["joined_year"],
                    "computers": provincial["computers"],
                    "bandwidth_mbps": Decimal(provincial["bandwidth_mbps"]),
                },
            )
        ]
        for partner in data.PARTNER_REGENCIES:
            key = (partner.province, partner.kind, partner.name)
            mentor = library(
                partner.code,
                {
                    "name": partner.library,
                    "kind": Library.Kind.REGENCY,
                    "regency": regencies[key],
                    "village": "",
                    "mentor_library": None,
                    "joined_phase": partner.joined_phase,
                    "joined_year": partner.joined_year,
                    "computers": data.REGENCY_COMPUTERS,
                    "bandwidth_mbps": Decimal(partner.bandwidth_mbps),
                },
            )
            libraries.append(mentor)
            for village in data.VILLAGE_LIBRARIES.get(partner.code, ()):
                libraries.append(
                    library(
                        village.code,
                        {
                            "name": village.name,
                            "kind": village.kind,
                            "regency": regencies[key],
                            "village": village.village,
                            "mentor_library": mentor,
                            "joined_phase": village.joined_phase,
                            "joined_year": village.joined_year,
                            "computers": data.VILLAGE_COMPUTERS,
                            "bandwidth_mbps": Decimal(village.bandwidth_mbps),
                        },
                    )
                )
        return provinces, regencies, libraries

    # The people

    def plan_staff(self, library: Library, name_pools: tuple[str, ...]) -> None:
        """Adds a library's staff to `self.people`; the same library always gets the same."""
        rng = random.Random(f"sebaya-demo:{library.code}")
        fewest, most = data.STAFF_COUNT[library.kind]
        positions = data.STAFF_POSITIONS[library.kind][: rng.randint(fewest, most)]
        demo_accounts = [a for a in data.DEMO_ACCOUNTS if a.library == library.code]
        first_gender = rng.randrange(2)
        has_mentor = False
        for index, position in enumerate(positions):
            demo = next((a for a in demo_accounts if a.position == position), None)
            if demo is not None:
                demo_accounts.remove(demo)
                self.people.append((_demo_person(demo), library))
                has_mentor = has_mentor or Role.MENTOR.value in demo.roles
                continue
            gender = ("female", "male")[(first_gender + index) % 2]
            name = self.new_name(rng, name_pools, gender)
            earliest, latest = data.BIRTH_YEARS[position]
            roles: tuple[Role, ...] = (Role.LEARNER,)
            if position == StaffProfile.Position.FACILITATOR:
                if library.kind == Library.Kind.PROVINCIAL:
                    roles = (Role.TRAINER,)
                elif library.kind == Library.Kind.REGENCY and not has_mentor:
                    roles = (Role.MENTOR, Role.LEARNER)
                    has_mentor = True
            person = Person(
                username=f"{slugify(name)}.{library.code}",
                name=name,
                gender=gender,
                position=position,
                birth_year=rng.randint(earliest, latest),
                phone="-".join(
                    (
                        rng.choice(data.PHONE_PREFIXES),
                        str(rng.randint(1000, 9999)),
                        str(rng.randint(1000, 9999)),
                    )
                ),
                roles=roles,
            )
            self.people.append((person, library))
        if demo_accounts:
            raise CommandError(
                _("No %(position)s place at %(library)s for the demo account %(username)s.")
                % {
                    "position": demo_accounts[0].position,
                    "library": library.code,
                    "username": demo_accounts[0].username,
                }
            )

    def new_name(self, rng: random.Random, name_pools: tuple[str, ...], gender: str) -> str:
        for _attempt in range(200):
            pool = name_pools[0]
            if len(name_pools) > 1 and rng.random() < 0.3:
                pool = rng.choice(name_pools[1:])
            given, second = data.NAME_POOLS[pool][gender]
            name = f"{rng.choice(given)} {rng.choice(second)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise CommandError(_("Ran out of demo names for the %(pool)s pool.") % {"pool": pool})

    def load_people(self) -> None:
        User = get_user_model()
        usernames = [person.username for person, _library in self.people]
        existing = {
            user.username: user
            for user in User.objects.filter(username__in=usernames)
            .select_related("staff_profile")
            .prefetch_related("groups")
        }
        role_group_ids = {group.pk for group in self.groups.values()}
        for person, library in self.people:
            user = existing.get(person.username) or User(username=person.username)
            new_user = user.pk is None
            dirty = False
            if person.password is not None:
                if user.pk is None or not user.check_password(person.password):
                    user.set_password(person.password)
                    dirty = True
            elif user.pk is None:
                user.set_unusable_password()
            self.sync(
                user,
                {
                    "first_name": person.name,
                    "last_name": "",
                    "is_active": True,
                    "is_staff": person.superuser,
                    "is_superuser": person.superuser,
                },
                dirty=dirty,
            )

            wanted = {self.groups[role] for role in person.roles}
            held = {group for group in user.groups.all() if group.pk in role_group_ids}
            if wanted != held:
                user.groups.remove(*(held - wanted))
                user.groups.add(*(wanted - held))
                self.updated += not new_user

            try:
                profile = user.staff_profile
            except StaffProfile.DoesNotExist:
                profile = StaffProfile(user=user)
            self.sync(
                profile,
                {
                    "library": library,
                    "position": person.position,
                    "gender": person.gender,
                    "birth_year": person.birth_year,
                    "phone": person.phone,
                },
            )

    def load(self) -> dict[str, int]:
        provinces, regencies, libraries = self.load_network()
        pools = {data.PROVINCIAL_LIBRARY["code"]: data.PROVINCIAL_LIBRARY["people"]}
        for partner in data.PARTNER_REGENCIES:
            pools[partner.code] = partner.people
            for village in data.VILLAGE_LIBRARIES.get(partner.code, ()):
                pools[village.code] = partner.people
        for library in libraries:
            self.plan_staff(library, pools[library.code])
        self.people.extend(
            (_demo_person(account), None) for account in data.DEMO_ACCOUNTS if not account.library
        )
        self.load_people()
        return {
            "provinces": len(provinces),
            "regencies": len(regencies),
            "libraries": len(libraries),
            "staff": len(self.people),
            "created": self.created,
            "updated": self.updated,
        }


def _demo_person(account: data.DemoAccount) -> Person:
    return Person(
        username=account.username,
        name=account.name,
        gender=account.gender,
        position=account.position,
        birth_year=account.birth_year,
        phone=account.phone,
        roles=tuple(Role(role) for role in account.roles),
        password=data.DEMO_PASSWORD,
        superuser=account.superuser,
    )


class Command(BaseCommand):
    help = _(
        "Loads the real PerpuSeru library network with demo staff and one demo account per "
        "role. Safe to run again: it only writes what differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=["demo", *scale.SCALES],
            default="demo",
            help=_(
                "demo (default): the real network only. province: adds synthetic data the "
                "size of one big province; national: the size of Indonesia (PostgreSQL "
                "recommended)."
            ),
        )
        parser.add_argument(
            "--seed", type=int, default=1, help=_("The same seed gives the same synthetic data.")
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = DemoLoader().load()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo network: %(provinces)d provinces, %(regencies)d kabupaten/kota, "
                    "%(libraries)d libraries, %(staff)d staff (%(created)d rows created, "
                    "%(updated)d updated)."
                )
                % counts
            )
        )
        # Apps add their own demo content (courses, cohorts, meetings) through this hook,
        # each after the network exists; a removed app adds nothing.
        for load_demo in hooks.get_hooks(SEED_DEMO_HOOK):
            load_demo(stdout=self.stdout)
        if options["scale"] != "demo":
            self.load_scale(options["scale"], options["seed"])
        self.stdout.write(
            _("Demo accounts %(usernames)s sign in with the password %(password)s.")
            % {
                "usernames": ", ".join(account.username for account in data.DEMO_ACCOUNTS),
                "password": data.DEMO_PASSWORD,
            }
        )

    def load_scale(self, name: str, seed: int) -> None:
        self.stdout.write(_("Generating synthetic data at %(scale)s scale ...") % {"scale": name})
        counts = scale.generate(scale=name, seed=seed, stdout=self.stdout)
        if counts is None:
            self.stdout.write(_("Synthetic data is there already: nothing added."))
            return
        details = ", ".join(f"{key} {value}" for key, value in counts.items() if key != "seconds")
        self.stdout.write(
            self.style.SUCCESS(
                _("Synthetic data at %(scale)s scale in %(seconds)s s: %(details)s.")
                % {"scale": name, "seconds": counts["seconds"], "details": details}
            )
        )
