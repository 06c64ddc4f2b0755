"""The demo meetings' content as plain data: agendas, extra village libraries of 2015 and
the stories libraries shared. Real places and programme facts (see the PerpuSeru notes);
the people and the details of each story are illustrative."""

# Village libraries that came to the 2015 national meeting beyond those in the demo network
# (phase 2 counted 70 village libraries and 6 TBM): real desa of the partner kabupaten/kota,
# keyed by the code of the kabupaten/kota library that mentors them.
EXTRA_VILLAGES_2015: dict[str, tuple[str, ...]] = {
    "sukabumi": ("Cibatu", "Nagrak Utara"),
    "pamekasan": ("Bettet", "Teja Timur"),
    "lubuklinggau": ("Marga Mulya",),
    "jepara": ("Mulyoharjo", "Pecangaan Wetan"),
    "batang": ("Kandeman", "Wonotunggal"),
    "wonosobo": ("Sojokerto", "Kejajar"),
    "sragen": ("Sine", "Karangtengah"),
    "kebumen": ("Candimulyo", "Sruweng"),
    "demak": ("Wonosalam", "Karangrejo"),
    "tabalong": ("Kapar",),
    "kotawaringin-barat": ("Sungai Bedaun",),
    "gunungkidul": ("Pampang", "Karangrejek"),
    "enrekang": ("Tallu Bamba", "Kendenan"),
    "payakumbuh": ("Tiakar",),
    "lampung-timur": ("Braja Sakti", "Sukadana Ilir"),
    "lampung-selatan": ("Way Huwi", "Sidoharjo"),
    "karangasem": ("Tianyar", "Ban", "Kubu"),
}
TARGET_VILLAGE_LIBRARIES = 76

NATIONAL = {
    "slug": "plm-nasional-perpuseru-2015",
    "title": "Peer Learning Meeting Nasional PerpuSeru 2015",
    "theme": "Perpustakaan sebagai pusat kegiatan masyarakat: berbagi capaian, dampak dan solusi",
    "venue": "Gedung Pertemuan, Denpasar, Bali",
    "starts_on": (2015, 5, 18),
    "ends_on": (2015, 5, 22),
    "capacity": 320,
    "description": (
        "<p>Pertemuan belajar sebaya tingkat nasional program PerpuSeru: 19 perpustakaan "
        "kabupaten/kota dan 76 perpustakaan desa serta TBM dari 12 provinsi berbagi capaian "
        "pada tiga strategi (pelibatan masyarakat, layanan komputer dan internet, advokasi), "
        "cerita dampak, hambatan beserta solusinya, dan menyusun rencana tindak lanjut.</p>"
        "<p>Ada kelas berbagi, lapak produk masyarakat binaan perpustakaan, serta malam "
        "penghargaan dalam 13 kategori.</p>"
    ),
}

AWARD_CATEGORIES = (
    "Perpustakaan desa terinovatif",
    "Pelibatan masyarakat terbaik",
    "Layanan TIK terbaik",
    "Advokasi anggaran terbaik",
    "Cerita dampak terbaik",
    "Video cerita dampak terbaik",
    "Lapak produk terbaik",
    "Fasilitator kabupaten teladan",
    "Pengelola perpustakaan desa teladan",
    "Relawan perpustakaan teladan",
    "Kemitraan terbaik",
    "Dokumentasi kegiatan terbaik",
    "Pemerintah daerah pendukung terbaik",
)

# Rooms of the national meeting.
PLENO, KENARI, CEMPAKA, MELATI, HALAMAN, LOBI = (
    "Ruang Pleno",
    "Ruang Kenari",
    "Ruang Cempaka",
    "Ruang Melati",
    "Halaman Lapak",
    "Lobi",
)

# (day index, start, end, title, kind, room, speakers from the narasumber: how many)
NATIONAL_AGENDA: tuple[tuple, ...] = (
    (
        0,
        "12:00",
        "15:00",
        "Registrasi peserta dan pengambilan tanda pengenal",
        "registration",
        LOBI,
        0,
    ),
    (0, "15:30", "17:00", "Pleno pembukaan: PerpuSeru 2011–2015", "plenary", PLENO, 2),
    (0, "19:00", "21:00", "Malam keakraban dan perkenalan antardaerah", "plenary", PLENO, 0),
    (1, "07:30", "08:00", "Registrasi harian", "registration", LOBI, 0),
    (1, "08:00", "09:30", "Pleno: capaian program dan indikator M&E", "plenary", PLENO, 2),
    (1, "10:00", "12:00", "Presentasi capaian: pelibatan masyarakat", "achievements", KENARI, 2),
    (
        1,
        "10:00",
        "12:00",
        "Presentasi capaian: layanan komputer dan internet",
        "achievements",
        CEMPAKA,
        2,
    ),
    (1, "10:00", "12:00", "Presentasi capaian: advokasi dan kemitraan", "achievements", MELATI, 2),
    (1, "13:00", "17:00", "Lapak produk masyarakat binaan perpustakaan", "stalls", HALAMAN, 0),
    (1, "13:00", "15:00", "Cerita dampak I: ekonomi keluarga", "impact", PLENO, 1),
    (1, "15:30", "17:00", "Cerita dampak II: pendidikan dan kesehatan", "impact", PLENO, 1),
    (2, "07:30", "08:00", "Registrasi harian", "registration", LOBI, 0),
    (2, "08:00", "10:00", "Kelas berbagi: menulis cerita dampak", "sharing_class", KENARI, 1),
    (
        2,
        "08:00",
        "10:00",
        "Kelas berbagi: promosi perpustakaan di media sosial",
        "sharing_class",
        CEMPAKA,
        1,
    ),
    (
        2,
        "08:00",
        "10:00",
        "Kelas berbagi: kelas komputer untuk ibu-ibu PKK",
        "sharing_class",
        MELATI,
        1,
    ),
    (2, "10:30", "12:30", "Diskusi hambatan dan solusi: layanan TIK", "obstacles", KENARI, 1),
    (
        2,
        "10:30",
        "12:30",
        "Diskusi hambatan dan solusi: pelibatan masyarakat",
        "obstacles",
        CEMPAKA,
        1,
    ),
    (
        2,
        "10:30",
        "12:30",
        "Diskusi hambatan dan solusi: advokasi anggaran desa",
        "obstacles",
        MELATI,
        1,
    ),
    (2, "13:30", "16:30", "Lapak produk masyarakat binaan perpustakaan", "stalls", HALAMAN, 0),
    (2, "13:30", "15:30", "Cerita dampak III: kewirausahaan perempuan", "impact", PLENO, 1),
    (3, "07:30", "08:00", "Registrasi harian", "registration", LOBI, 0),
    (
        3,
        "08:00",
        "10:00",
        "Kelas berbagi: mengelola relawan perpustakaan",
        "sharing_class",
        KENARI,
        1,
    ),
    (
        3,
        "08:00",
        "10:00",
        "Kelas berbagi: dokumentasi kegiatan dengan ponsel",
        "sharing_class",
        CEMPAKA,
        1,
    ),
    (3, "08:00", "10:00", "Kelas berbagi: melobi kepala desa dan BPD", "sharing_class", MELATI, 1),
    (
        3,
        "10:30",
        "12:30",
        "Presentasi capaian: replikasi oleh pemerintah daerah",
        "achievements",
        PLENO,
        2,
    ),
    (3, "13:30", "15:30", "Diskusi hambatan dan solusi: keberlanjutan", "obstacles", PLENO, 1),
    (3, "19:00", "22:00", "Malam penghargaan PerpuSeru 2015 (13 kategori)", "awards", PLENO, 2),
    (4, "07:30", "08:00", "Registrasi harian", "registration", LOBI, 0),
    (4, "08:00", "10:30", "Rencana tindak lanjut: Jawa", "follow_up", KENARI, 1),
    (4, "08:00", "10:30", "Rencana tindak lanjut: Sumatera dan Bali", "follow_up", CEMPAKA, 1),
    (4, "08:00", "10:30", "Rencana tindak lanjut: Kalimantan dan Sulawesi", "follow_up", MELATI, 1),
    (4, "11:00", "12:00", "Pleno penutupan dan kesepakatan bersama", "plenary", PLENO, 2),
)

UPCOMING = {
    "slug": "pbs-kabupaten-lumajang",
    "title": "Pertemuan Belajar Sebaya Kabupaten Lumajang",
    "theme": "Capaian tiga strategi, hambatan dan solusinya",
    "venue": "Aula Dinas Perpustakaan dan Kearsipan Kabupaten Lumajang",
    "capacity": 40,
    "library_quota": 4,
    "description": (
        "<p>Pertemuan rutin empat bulanan perpustakaan desa dan TBM binaan Kabupaten "
        "Lumajang: berbagi capaian pelibatan masyarakat, layanan komputer dan internet, dan "
        "advokasi; membahas hambatan dan mencari solusi bersama; menyepakati indikator "
        "pelaporan semester ini.</p>"
    ),
}
UPCOMING_IN_DAYS = 30

UPCOMING_AGENDA: tuple[tuple, ...] = (
    (0, "08:00", "08:30", "Registrasi peserta", "registration", "Lobi", 0),
    (0, "08:30", "09:00", "Pembukaan oleh Kepala Dinas", "plenary", "Aula", 0),
    (0, "09:00", "12:00", "Presentasi capaian per perpustakaan desa", "achievements", "Aula", 0),
    (0, "13:00", "15:00", "Cerita dampak dari desa", "impact", "Aula", 0),
    (1, "08:00", "10:00", "Diskusi hambatan dan solusi", "obstacles", "Aula", 0),
    (1, "10:00", "11:30", "Kelas berbagi: indikator pelaporan", "sharing_class", "Ruang Baca", 0),
    (1, "10:00", "11:30", "Lapak produk desa", "stalls", "Halaman", 0),
    (1, "11:30", "12:30", "Rencana tindak lanjut", "follow_up", "Aula", 0),
)

# Stories of the 2015 meeting. (village or library code, kind, theme, title, text, solution,
# women, men). Villages are matched on Library.village.
STORIES_2015: tuple[tuple, ...] = (
    (
        "Tlogosih",
        "impact",
        "community",
        "Kaos sablon Desa Tlogosih: dari kelas internet ke usaha keluarga",
        "Pemuda Karang Taruna belajar desain dan mencari pemasok tinta sablon lewat internet di "
        "perpustakaan desa. Kini tiga kelompok usaha menerima pesanan kaos seragam sekolah, "
        "kaos kegiatan desa dan kaos komunitas dari luar kabupaten. Pesanan dan contoh desain "
        "dikirim lewat media sosial yang dikelola bersama pengelola perpustakaan.",
        "",
        14,
        22,
    ),
    (
        "Tianyar Barat",
        "impact",
        "community",
        "Dupa herbal Tianyar Barat menembus pasar daring",
        "Ibu-ibu di Desa Tianyar Barat membuat dupa dari bahan herbal setempat. Di perpustakaan "
        "desa mereka belajar memotret produk, menulis keterangan dan membuka toko daring. "
        "Penjualan yang dulu hanya di pasar desa kini sampai ke Denpasar dan luar Bali.",
        "",
        31,
        4,
    ),
    (
        "Pandanwangi",
        "achievement",
        "ict",
        "Kelas komputer sore untuk pelajar dan ibu rumah tangga",
        "Perpustakaan Desa Tunas Bangsa membuka kelas komputer dua kali seminggu. Dalam enam "
        "bulan 120 warga belajar mengetik, membuat surat lamaran dan mencari informasi "
        "pertanian di internet.",
        "",
        72,
        48,
    ),
    (
        "Tegalsambi",
        "achievement",
        "advocacy",
        "Anggaran perpustakaan masuk APBDes Tegalsambi",
        "Setelah pengelola perpustakaan mempresentasikan data kunjungan dan kegiatan di "
        "musyawarah desa, pemerintah desa menganggarkan dana operasional dan honor relawan "
        "perpustakaan setiap tahun.",
        "",
        0,
        0,
    ),
    (
        "Labuhan Ratu IX",
        "impact",
        "community",
        "Petani Labuhan Ratu IX menaikkan hasil panen dengan informasi daring",
        "Kelompok tani mencari cara mengatasi hama wereng dan harga pupuk lewat internet di "
        "perpustakaan. Hasil panen musim berikutnya naik dan kelompok mulai menjual gabah "
        "langsung ke penggilingan.",
        "",
        9,
        27,
    ),
    (
        "Bambapuang",
        "obstacle",
        "ict",
        "Internet sering putus di desa pegunungan",
        "Sinyal internet di Bambapuang lemah dan sering putus, sehingga kelas internet sering "
        "batal dan warga kecewa.",
        "1. Memetakan jam sinyal paling baik bersama operator seluler.\n"
        "2. Memindahkan antena ke rumah kepala dusun yang lebih tinggi.\n"
        "3. Menyiapkan materi luring di komputer untuk jam-jam sinyal buruk.",
        0,
        0,
    ),
    (
        "Rejosari Barat",
        "obstacle",
        "community",
        "Relawan perpustakaan berhenti setelah pelatihan",
        "Dua dari tiga relawan yang dilatih berhenti karena bekerja di kota, sehingga jam buka "
        "perpustakaan berkurang.",
        "1. Merekrut relawan dari Karang Taruna dan PKK, masing-masing satu hari seminggu.\n"
        "2. Membuat jadwal piket dan panduan singkat layanan.\n"
        "3. Memberi sertifikat relawan yang diakui desa.",
        0,
        0,
    ),
    (
        "Tambakagung",
        "achievement",
        "community",
        "Pojok baca di pos ronda dan posyandu",
        "Perpustakaan Desa Tambakagung menitipkan koleksi bergilir di pos ronda dan posyandu. "
        "Kunjungan anak dan ibu-ibu naik dua kali lipat.",
        "",
        85,
        40,
    ),
    (
        "Muara Gading Mas",
        "impact",
        "community",
        "Olahan ikan asin Muara Gading Mas dipasarkan lewat internet",
        "Nelayan dan istri nelayan belajar mengemas ikan asin dan terasi serta memasarkannya "
        "lewat media sosial. Pendapatan kelompok pengolah naik sepertiga.",
        "",
        23,
        11,
    ),
    (
        "Nglanggeran",
        "impact",
        "community",
        "Pemandu wisata desa belajar bahasa Inggris di perpustakaan",
        "Pemuda pemandu wisata Gunung Api Purba belajar bahasa Inggris dari video daring di "
        "perpustakaan dan kini melayani tamu mancanegara.",
        "",
        8,
        15,
    ),
    (
        "Kolai",
        "obstacle",
        "advocacy",
        "Pemerintah desa belum melihat manfaat perpustakaan",
        "Usulan anggaran perpustakaan dua kali ditolak karena perpustakaan dianggap hanya "
        "tempat meminjam buku.",
        "1. Mencatat jumlah pengunjung dan kegiatan setiap bulan.\n"
        "2. Mengundang kepala desa ke kelas komputer dan lapak produk warga.\n"
        "3. Menyampaikan cerita dampak warga di musyawarah desa.",
        0,
        0,
    ),
    (
        "Sodong",
        "achievement",
        "service",
        "Layanan perpustakaan keliling dengan sepeda motor",
        "Pengelola dan relawan membawa buku dan laptop ke dusun-dusun terjauh setiap Sabtu.",
        "",
        52,
        38,
    ),
)

# Patterns for the other accepted stories: (kind, theme, title, text, solution, women, men);
# "{village}" is the library's village, "{place}" the same with "Desa" or "Kelurahan".
STORY_PATTERNS: tuple[tuple, ...] = (
    (
        "achievement",
        "ict",
        "Pelatihan internet untuk perangkat {place}",
        "Perangkat desa belajar surel, pengolah kata dan mengunggah laporan desa secara daring "
        "di perpustakaan.",
        "",
        6,
        9,
    ),
    (
        "impact",
        "community",
        "Kue kering ibu-ibu PKK {village} dijual lewat media sosial",
        "Ibu-ibu PKK belajar resep baru dan memasarkan kue kering lewat media sosial. Menjelang "
        "Lebaran pesanan datang dari kecamatan lain.",
        "",
        24,
        2,
    ),
    (
        "obstacle",
        "service",
        "Komputer perpustakaan {village} sering rusak",
        "Dua komputer sering mati karena listrik tidak stabil dan debu.",
        "1. Memasang stabilisator listrik dari dana desa.\n"
        "2. Melatih relawan membersihkan dan merawat komputer.\n"
        "3. Bekerja sama dengan SMK terdekat untuk perbaikan.",
        0,
        0,
    ),
    (
        "achievement",
        "community",
        "Kelas membaca untuk anak-anak {village}",
        "Relawan mendongeng dan mengajak anak membaca setiap sore; anak-anak kini datang "
        "tanpa diminta.",
        "",
        41,
        37,
    ),
    (
        "impact",
        "ict",
        "Warga {village} mendapat pekerjaan lewat lowongan daring",
        "Pemuda desa belajar membuat surat lamaran dan mencari lowongan di perpustakaan; "
        "beberapa sudah diterima bekerja.",
        "",
        12,
        16,
    ),
    (
        "obstacle",
        "community",
        "Sedikit warga dewasa datang ke perpustakaan {village}",
        "Perpustakaan ramai oleh anak-anak tetapi jarang dikunjungi warga dewasa.",
        "1. Mengadakan kegiatan sesuai kebutuhan warga: informasi pertanian dan usaha.\n"
        "2. Membuka perpustakaan pada malam hari dua kali seminggu.\n"
        "3. Mengumumkan kegiatan di masjid dan pertemuan RT.",
        0,
        0,
    ),
    (
        "achievement",
        "advocacy",
        "Peraturan desa tentang perpustakaan di {village}",
        "Dengan dukungan BPD, desa menerbitkan peraturan desa yang menjamin dana dan ruang "
        "perpustakaan.",
        "",
        0,
        0,
    ),
)
ACCEPTED_STORIES_2015 = 40

# Words in a session's title that suit a story's theme, to schedule it in the right room.
THEME_WORDS = {
    "community": ("masyarakat", "ekonomi", "kewirausahaan"),
    "ict": ("komputer", "TIK"),
    "advocacy": ("advokasi", "anggaran", "keberlanjutan"),
    "service": ("pendidikan", "pelibatan"),
}
