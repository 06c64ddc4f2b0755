"""The real PerpuSeru network as plain data, loaded by `manage.py seed_demo`."""

from typing import NamedTuple

# Partners and village libraries named in the programme's public reporting (see
# shared/domain/PERPUSERU.md); the other desa are real places in the same kabupaten/kota,
# but their libraries here are illustrative. Library office names changed over the years
# (kantor -> dinas), so they read as people know them today, not as an official register.

PROVINCES: dict[str, str] = {  # name -> two-digit BPS code
    "Sumatera Barat": "13",
    "Sumatera Selatan": "16",
    "Lampung": "18",
    "Jawa Barat": "32",
    "Jawa Tengah": "33",
    "DI Yogyakarta": "34",
    "Jawa Timur": "35",
    "Bali": "51",
    "Kalimantan Tengah": "62",
    "Kalimantan Selatan": "63",
    "Sulawesi Selatan": "73",
}

REGENCY_COMPUTERS = 4
VILLAGE_COMPUTERS = 3

# The name pools a library's staff are drawn from: the first is the most common there.
JAWA, SUNDA, MADURA, MELAYU, MINANG, BANJAR, BUGIS, BALI = (
    "jawa",
    "sunda",
    "madura",
    "melayu",
    "minang",
    "banjar",
    "bugis",
    "bali",
)


class PartnerRegency(NamedTuple):
    code: str  # the library's code, and the prefix of its villages' codes
    province: str
    kind: str  # Regency.Kind value
    name: str
    library: str
    joined_phase: str
    joined_year: int
    bandwidth_mbps: str
    people: tuple[str, ...]


class VillageLibrary(NamedTuple):
    code: str
    kind: str  # Library.Kind value: "village" or "tbm"
    name: str
    village: str
    joined_phase: str
    joined_year: int
    bandwidth_mbps: str


def _kab(code, province, name, library, year, mbps, people, phase="phase1"):
    return PartnerRegency(code, province, "kabupaten", name, library, phase, year, mbps, people)


def _kota(code, province, name, library, year, mbps, people):
    return PartnerRegency(code, province, "kota", name, library, "phase1", year, mbps, people)


PARTNER_REGENCIES: tuple[PartnerRegency, ...] = (
    _kab(
        "sukabumi",
        "Jawa Barat",
        "Sukabumi",
        "Dinas Arsip dan Perpustakaan Kabupaten Sukabumi",
        2011,
        "10",
        (SUNDA,),
    ),
    _kab(
        "pamekasan",
        "Jawa Timur",
        "Pamekasan",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Pamekasan",
        2011,
        "10",
        (MADURA, JAWA),
    ),
    _kota(
        "lubuklinggau",
        "Sumatera Selatan",
        "Lubuklinggau",
        "Dinas Perpustakaan dan Kearsipan Kota Lubuklinggau",
        2012,
        "10",
        (MELAYU, JAWA),
    ),
    _kab(
        "jepara",
        "Jawa Tengah",
        "Jepara",
        "Dinas Kearsipan dan Perpustakaan Kabupaten Jepara",
        2011,
        "20",
        (JAWA,),
    ),
    _kab(
        "batang",
        "Jawa Tengah",
        "Batang",
        "Dinas Kearsipan dan Perpustakaan Kabupaten Batang",
        2011,
        "10",
        (JAWA,),
    ),
    _kab(
        "wonosobo",
        "Jawa Tengah",
        "Wonosobo",
        "Dinas Arsip dan Perpustakaan Kabupaten Wonosobo",
        2011,
        "10",
        (JAWA,),
    ),
    _kab(
        "sragen",
        "Jawa Tengah",
        "Sragen",
        "Dinas Arsip dan Perpustakaan Kabupaten Sragen",
        2012,
        "10",
        (JAWA,),
    ),
    _kab(
        "kebumen",
        "Jawa Tengah",
        "Kebumen",
        "Dinas Arsip dan Perpustakaan Kabupaten Kebumen",
        2012,
        "10",
        (JAWA,),
    ),
    _kab(
        "demak",
        "Jawa Tengah",
        "Demak",
        "Dinas Arsip dan Perpustakaan Kabupaten Demak",
        2012,
        "10",
        (JAWA,),
    ),
    _kab(
        "tabalong",
        "Kalimantan Selatan",
        "Tabalong",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Tabalong",
        2011,
        "8",
        (BANJAR, JAWA),
    ),
    _kab(
        "kotawaringin-barat",
        "Kalimantan Tengah",
        "Kotawaringin Barat",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Kotawaringin Barat",
        2012,
        "8",
        (MELAYU, BANJAR, JAWA),
    ),
    _kab(
        "lumajang",
        "Jawa Timur",
        "Lumajang",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Lumajang",
        2011,
        "20",
        (JAWA, MADURA),
    ),
    _kab(
        "gunungkidul",
        "DI Yogyakarta",
        "Gunungkidul",
        "Perpustakaan Daerah Kabupaten Gunungkidul",
        2011,
        "10",
        (JAWA,),
    ),
    _kab(
        "enrekang",
        "Sulawesi Selatan",
        "Enrekang",
        "Perpustakaan Daerah Kabupaten Enrekang",
        2012,
        "8",
        (BUGIS,),
    ),
    _kota(
        "payakumbuh",
        "Sumatera Barat",
        "Payakumbuh",
        "Dinas Perpustakaan dan Kearsipan Kota Payakumbuh",
        2012,
        "10",
        (MINANG,),
    ),
    _kab(
        "lampung-timur",
        "Lampung",
        "Lampung Timur",
        "Perpustakaan Daerah Kabupaten Lampung Timur",
        2011,
        "10",
        (JAWA, MELAYU),
    ),
    _kab(
        "lampung-selatan",
        "Lampung",
        "Lampung Selatan",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Lampung Selatan",
        2012,
        "10",
        (MELAYU, JAWA),
    ),
    # Not among the named phase-1 partners; here because Desa Tianyar Barat (Bali) is.
    _kab(
        "karangasem",
        "Bali",
        "Karangasem",
        "Dinas Perpustakaan dan Kearsipan Kabupaten Karangasem",
        2015,
        "10",
        (BALI,),
        phase="expansion",
    ),
)

# The one provincial library in phase 1; its staff include the national master trainers.
PROVINCIAL_LIBRARY = {
    "code": "provinsi-jawa-timur",
    "name": "Dinas Perpustakaan dan Kearsipan Provinsi Jawa Timur",
    "province": "Jawa Timur",
    "regency_kind": "kota",
    "regency_name": "Surabaya",
    "joined_phase": "phase1",
    "joined_year": 2011,
    "computers": REGENCY_COMPUTERS,
    "bandwidth_mbps": "20",
    "people": (JAWA, MADURA),
}


def _desa(code, name, village, phase, year, mbps):
    return VillageLibrary(code, "village", name, village, phase, year, mbps)


def _tbm(code, name, village, year, mbps):
    return VillageLibrary(code, "tbm", name, village, "expansion", year, mbps)


# Village libraries and TBM, keyed by the code of the kabupaten/kota library mentoring them.
VILLAGE_LIBRARIES: dict[str, tuple[VillageLibrary, ...]] = {
    "lumajang": (
        _desa(
            "lumajang-tunas-bangsa",
            "Perpustakaan Desa Tunas Bangsa",
            "Pandanwangi",
            "phase2",
            2014,
            "3",
        ),
        _desa(
            "lumajang-tempeh-kidul",
            "Perpustakaan Desa Tempeh Kidul",
            "Tempeh Kidul",
            "phase2",
            2014,
            "2",
        ),
        _desa("lumajang-senduro", "Perpustakaan Desa Senduro", "Senduro", "phase2", 2014, "1.5"),
        _desa(
            "lumajang-yosowilangun-lor",
            "Perpustakaan Desa Yosowilangun Lor",
            "Yosowilangun Lor",
            "phase2",
            2014,
            "2",
        ),
        _tbm("lumajang-tbm-kloposawit", "TBM Cahaya Semeru", "Kloposawit", 2016, "1"),
    ),
    "batang": (
        _desa(
            "batang-rejosari-barat",
            "Perpustakaan Desa Rejosari Barat",
            "Rejosari Barat",
            "phase2",
            2014,
            "2",
        ),
        _desa("batang-mentosari", "Perpustakaan Desa Mentosari", "Mentosari", "phase2", 2014, "3"),
        _desa("batang-sodong", "Perpustakaan Desa Sodong", "Sodong", "phase2", 2014, "1.5"),
        _desa(
            "batang-kalisalak", "Perpustakaan Desa Kalisalak", "Kalisalak", "expansion", 2016, "2"
        ),
    ),
    "enrekang": (
        _desa(
            "enrekang-bambapuang",
            "Perpustakaan Desa Bambapuang",
            "Bambapuang",
            "phase2",
            2014,
            "1",
        ),
        _desa("enrekang-karrang", "Perpustakaan Desa Karrang", "Karrang", "phase2", 2014, "1"),
        _desa("enrekang-kolai", "Perpustakaan Desa Kolai", "Kolai", "phase2", 2014, "1.5"),
        _tbm("enrekang-tbm-kaluppini", "TBM Massenrempulu", "Kaluppini", 2017, "1"),
    ),
    "kebumen": (
        _desa(
            "kebumen-tambakagung",
            "Perpustakaan Desa Tambakagung",
            "Tambakagung",
            "phase2",
            2014,
            "2",
        ),
        _desa("kebumen-jogosimo", "Perpustakaan Desa Jogosimo", "Jogosimo", "expansion", 2015, "2"),
        _desa(
            "kebumen-karangsambung",
            "Perpustakaan Desa Karangsambung",
            "Karangsambung",
            "expansion",
            2016,
            "1.5",
        ),
    ),
    "jepara": (
        _desa(
            "jepara-tegalsambi", "Perpustakaan Desa Tegalsambi", "Tegalsambi", "phase2", 2014, "5"
        ),
        _desa("jepara-tulakan", "Perpustakaan Desa Tulakan", "Tulakan", "phase2", 2014, "2"),
        _desa(
            "jepara-bandungharjo",
            "Perpustakaan Desa Bandungharjo",
            "Bandungharjo",
            "expansion",
            2015,
            "2",
        ),
    ),
    "lampung-timur": (
        _desa(
            "lampung-timur-labuhan-ratu-ix",
            "Perpustakaan Desa Labuhan Ratu IX",
            "Labuhan Ratu IX",
            "phase2",
            2014,
            "2",
        ),
        _desa(
            "lampung-timur-muara-gading-mas",
            "Perpustakaan Desa Muara Gading Mas",
            "Muara Gading Mas",
            "phase2",
            2014,
            "1",
        ),
        _desa(
            "lampung-timur-totoharjo",
            "Perpustakaan Desa Totoharjo",
            "Totoharjo",
            "phase2",
            2014,
            "1.5",
        ),
        _desa(
            "lampung-timur-braja-harjosari",
            "Perpustakaan Desa Braja Harjosari",
            "Braja Harjosari",
            "expansion",
            2016,
            "1",
        ),
    ),
    "demak": (
        _desa("demak-tlogosih", "Perpustakaan Desa Tlogosih", "Tlogosih", "expansion", 2016, "3"),
        _desa(
            "demak-kedungmutih",
            "Perpustakaan Desa Kedungmutih",
            "Kedungmutih",
            "expansion",
            2015,
            "2",
        ),
    ),
    "sukabumi": (
        _desa(
            "sukabumi-cicantayan",
            "Perpustakaan Desa Cicantayan",
            "Cicantayan",
            "expansion",
            2015,
            "3",
        ),
        _desa(
            "sukabumi-cikembar", "Perpustakaan Desa Cikembar", "Cikembar", "expansion", 2015, "2"
        ),
        _tbm("sukabumi-tbm-parungkuda", "TBM Sanggar Ilmu", "Parungkuda", 2016, "5"),
    ),
    "pamekasan": (
        _desa(
            "pamekasan-larangan-tokol",
            "Perpustakaan Desa Larangan Tokol",
            "Larangan Tokol",
            "expansion",
            2015,
            "2",
        ),
        _desa("pamekasan-bunder", "Perpustakaan Desa Bunder", "Bunder", "expansion", 2016, "1.5"),
    ),
    "lubuklinggau": (
        _desa(
            "lubuklinggau-watervang",
            "Perpustakaan Kelurahan Watervang",
            "Watervang",
            "expansion",
            2015,
            "5",
        ),
        _desa(
            "lubuklinggau-taba-jemekeh",
            "Perpustakaan Kelurahan Taba Jemekeh",
            "Taba Jemekeh",
            "expansion",
            2016,
            "3",
        ),
    ),
    "wonosobo": (
        _desa(
            "wonosobo-kalibeber", "Perpustakaan Desa Kalibeber", "Kalibeber", "expansion", 2015, "3"
        ),
        _desa("wonosobo-tieng", "Perpustakaan Desa Tieng", "Tieng", "expansion", 2016, "1"),
    ),
    "sragen": (
        _desa("sragen-kliwonan", "Perpustakaan Desa Kliwonan", "Kliwonan", "expansion", 2015, "2"),
        _desa(
            "sragen-pilangsari",
            "Perpustakaan Desa Pilangsari",
            "Pilangsari",
            "expansion",
            2016,
            "2",
        ),
    ),
    "tabalong": (
        _desa("tabalong-mabuun", "Perpustakaan Desa Mabuun", "Mabuun", "expansion", 2015, "2"),
        _desa(
            "tabalong-pembataan",
            "Perpustakaan Kelurahan Pembataan",
            "Pembataan",
            "expansion",
            2016,
            "1.5",
        ),
    ),
    "kotawaringin-barat": (
        _desa(
            "kotawaringin-barat-pasir-panjang",
            "Perpustakaan Kelurahan Pasir Panjang",
            "Pasir Panjang",
            "expansion",
            2015,
            "2",
        ),
        _desa(
            "kotawaringin-barat-kumpai-batu-atas",
            "Perpustakaan Desa Kumpai Batu Atas",
            "Kumpai Batu Atas",
            "expansion",
            2016,
            "1",
        ),
    ),
    "gunungkidul": (
        _desa(
            "gunungkidul-bleberan", "Perpustakaan Desa Bleberan", "Bleberan", "expansion", 2015, "2"
        ),
        _desa(
            "gunungkidul-nglanggeran",
            "Perpustakaan Desa Nglanggeran",
            "Nglanggeran",
            "expansion",
            2015,
            "3",
        ),
        _tbm("gunungkidul-tbm-kemadang", "TBM Samudra Ilmu", "Kemadang", 2017, "1"),
    ),
    "payakumbuh": (
        _desa(
            "payakumbuh-parit-rantang",
            "Perpustakaan Kelurahan Parit Rantang",
            "Parit Rantang",
            "expansion",
            2016,
            "5",
        ),
        _desa("payakumbuh-ibuh", "Perpustakaan Kelurahan Ibuh", "Ibuh", "expansion", 2016, "5"),
    ),
    "lampung-selatan": (
        _desa(
            "lampung-selatan-hajimena",
            "Perpustakaan Desa Hajimena",
            "Hajimena",
            "expansion",
            2015,
            "3",
        ),
        _tbm("lampung-selatan-tbm-way-galih", "TBM Pelita Way Galih", "Way Galih", 2016, "2"),
    ),
    "karangasem": (
        _desa(
            "karangasem-tianyar-barat",
            "Perpustakaan Desa Tianyar Barat",
            "Tianyar Barat",
            "expansion",
            2016,
            "1",
        ),
        _desa("karangasem-sibetan", "Perpustakaan Desa Sibetan", "Sibetan", "expansion", 2017, "2"),
    ),
}

# Given names and second names by gender; people are named by pairing one of each.
NAME_POOLS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    JAWA: {
        "female": (
            ("Sri", "Siti", "Endang", "Tri", "Dwi", "Rini", "Retno", "Yuli", "Ika", "Nur", "Wiwik"),
            (
                "Wahyuni",
                "Rahayu",
                "Handayani",
                "Lestari",
                "Astuti",
                "Mulyani",
                "Purwanti",
                "Susanti",
                "Suryani",
                "Kurniawati",
                "Puspitasari",
                "Widayati",
            ),
        ),
        "male": (
            ("Agus", "Budi", "Joko", "Slamet", "Eko", "Heru", "Sugeng", "Teguh", "Bambang", "Hadi"),
            (
                "Santoso",
                "Hartono",
                "Susilo",
                "Riyadi",
                "Prasetyo",
                "Purnomo",
                "Widodo",
                "Wibowo",
                "Setiawan",
                "Nugroho",
                "Saputro",
                "Kurniawan",
            ),
        ),
    },
    SUNDA: {
        "female": (
            ("Euis", "Neneng", "Iis", "Yayah", "Cucu", "Lilis", "Nining", "Rina"),
            ("Komalasari", "Nurhayati", "Rosita", "Sumiati", "Kurniasih", "Hermawati", "Maryani"),
        ),
        "male": (
            ("Asep", "Dede", "Ujang", "Cecep", "Dadang", "Iwan", "Yayan", "Ade"),
            ("Saepudin", "Sunarya", "Hidayat", "Permana", "Supriatna", "Gunawan", "Rukmana"),
        ),
    },
    MADURA: {
        "female": (
            ("Siti", "Nurul", "Ummi", "Lailatul"),
            ("Aisyah", "Hasanah", "Faridah", "Maimunah", "Qomariyah", "Jamilah"),
        ),
        "male": (
            ("Moh.", "Ach.", "Abdul", "Mohammad", "Hasan"),
            ("Holili", "Fauzi", "Rahman", "Sahri", "Hairuddin", "Jamaluddin", "Ridwan"),
        ),
    },
    MELAYU: {
        "female": (
            ("Yuli", "Eka", "Reni", "Desi", "Siti", "Nurul"),
            ("Marlina", "Susanti", "Oktarina", "Wulandari", "Apriyanti", "Fitriani"),
        ),
        "male": (
            ("Dedi", "Hendra", "Rudi", "Herman", "Yulizar", "Rusli"),
            ("Saputra", "Syahputra", "Irawan", "Firmansyah", "Ansori", "Efendi"),
        ),
    },
    MINANG: {
        "female": (
            ("Yulia", "Rahmi", "Elvi", "Yeni", "Lusi", "Nova"),
            ("Syafitri", "Yanti", "Marlina", "Yusnita", "Oktaviani", "Roza"),
        ),
        "male": (
            ("Zulkifli", "Afrizal", "Syafrizal", "Hendri", "Yuherman", "Dedi"),
            ("Chaniago", "Piliang", "Koto", "Tanjung", "Putra", "Efendi"),
        ),
    },
    BANJAR: {
        "female": (
            ("Siti", "Noor", "Rabiatul", "Nurul"),
            ("Hadijah", "Aida", "Jannah", "Mahdiah", "Rusmiati", "Hayati"),
        ),
        "male": (
            ("Muhammad", "Ahmad", "Abdul", "Syahrul"),
            ("Rifani", "Saukani", "Syahrani", "Husaini", "Noor", "Yamani"),
        ),
    },
    BUGIS: {
        "female": (
            ("Sitti", "Nur", "Andi", "Asma"),
            ("Aisyah", "Hayati", "Rosdiana", "Wahida", "Ramlah", "Jumriah"),
        ),
        "male": (
            ("Muhammad", "Andi", "Abdul", "Syamsul", "Baso", "Ismail"),
            ("Arifin", "Rahman", "Alam", "Saleh", "Basri", "Tahir"),
        ),
    },
    BALI: {
        "female": (
            ("Ni Luh", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Wayan"),
            ("Sukerti", "Ariani", "Sriasih", "Suartini", "Widiastuti", "Sulastri"),
        ),
        "male": (
            ("I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Komang"),
            ("Sudarma", "Suarta", "Arsana", "Mertayasa", "Suparta", "Widiana"),
        ),
    },
}

# Who works where, by kind of library: positions in order (the first slots always exist).
STAFF_POSITIONS: dict[str, tuple[str, ...]] = {
    "provincial": ("facilitator", "head", "facilitator", "librarian"),
    "regency": ("head", "facilitator", "librarian", "librarian"),
    "village": ("manager", "volunteer", "librarian"),
    "tbm": ("manager", "volunteer", "volunteer"),
}
STAFF_COUNT: dict[str, tuple[int, int]] = {  # kind -> (fewest, most)
    "provincial": (4, 4),
    "regency": (3, 4),
    "village": (2, 3),
    "tbm": (2, 3),
}
BIRTH_YEARS: dict[str, tuple[int, int]] = {  # position -> (earliest, latest)
    "head": (1965, 1980),
    "facilitator": (1970, 1990),
    "librarian": (1970, 1995),
    "manager": (1968, 1995),
    "volunteer": (1985, 2002),
}
PHONE_PREFIXES = ("0812", "0813", "0821", "0822", "0852", "0857", "0878", "0819", "0838")

DEMO_PASSWORD = "sebaya-demo"  # noqa: S105 (published in the README for the demo)


class DemoAccount(NamedTuple):
    username: str
    name: str
    gender: str
    position: str
    library: str | None  # a library code
    roles: tuple[str, ...]  # lms.roles.Role values
    birth_year: int
    phone: str
    superuser: bool = False


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "peserta",
        "Sri Wahyuni",
        "female",
        "manager",
        "lumajang-tunas-bangsa",
        ("peserta",),
        1983,
        "0812-3356-0417",
    ),
    DemoAccount(
        "pendamping",
        "Bambang Setiawan",
        "male",
        "facilitator",
        "lumajang",
        ("pendamping", "peserta"),
        1978,
        "0813-3024-5581",
    ),
    DemoAccount(
        "pelatih",
        "Dewi Lestari",
        "female",
        "facilitator",
        "provinsi-jawa-timur",
        ("pelatih",),
        1975,
        "0821-4417-2290",
    ),
    DemoAccount(
        "admin",
        "Admin Program",
        "female",
        "other",
        None,
        ("admin_program",),
        1980,
        "",
        superuser=True,
    ),
)
