"""Curriculum: Pelibatan Masyarakat, with the village course SPP Berbasis TIK."""

MODULE_SERVICES = {
    "title": "Layanan Berbasis TIK dan Pelibatan Masyarakat",
    "slug": "layanan-dan-pelibatan",
    "summary": (
        "Perpustakaan desa sebagai pusat belajar masyarakat: layanan komputer dan internet, "
        "serta kegiatan yang dirancang bersama warga."
    ),
    "lessons": [
        {
            "title": "Perpustakaan desa sebagai pusat belajar masyarakat",
            "slug": "pusat-belajar-masyarakat",
            "minutes": 15,
            "body": [
                ("heading", "Dari tempat menyimpan buku ke tempat warga belajar"),
                (
                    "paragraph",
                    """
                    <p>Perpustakaan desa adalah sarana belajar yang paling dekat dengan
                    warga. Banyak perpustakaan desa dulu hanya berupa satu ruangan dengan
                    rak buku yang jarang disentuh. Transformasi perpustakaan mengubah cara
                    pandang itu: perpustakaan menjadi <b>pusat belajar dan berkegiatan
                    masyarakat</b>, tempat warga mencari informasi, belajar keterampilan
                    baru, dan bertemu untuk menyelesaikan masalah bersama, dengan dukungan
                    komputer dan internet.</p>
                    <p>Ukuran keberhasilannya pun berubah. Bukan lagi jumlah buku di rak,
                    melainkan perubahan dalam kehidupan warga: pemuda yang mendapat
                    pekerjaan, ibu yang pendapatannya bertambah, anak yang prestasinya
                    membaik, atau kelompok yang lahir dari kegiatan perpustakaan.</p>
                    """,
                ),
                ("heading", "Tiga strategi perpustakaan desa"),
                (
                    "paragraph",
                    """
                    <p>Pengelola perpustakaan desa yang mengikuti pelatihan Strategi
                    Pengembangan Perpustakaan (SPP) menjalankan tiga strategi yang saling
                    terkait:</p>
                    <ol>
                    <li><b>Layanan komputer dan internet</b> yang terbuka dan didampingi,
                    sehingga warga yang belum mahir pun berani mencoba.</li>
                    <li><b>Pelibatan masyarakat</b>: kegiatan yang dirancang bersama warga
                    berdasarkan kebutuhan nyata mereka.</li>
                    <li><b>Advokasi</b> kepada pemerintah desa dan pihak lain agar
                    perpustakaan mendapat dukungan kebijakan dan anggaran.</li>
                    </ol>
                    <p>Ketiga strategi inilah yang dibahas dalam setiap Pertemuan Belajar
                    Sebaya: apa capaiannya, apa hambatannya, dan bagaimana solusinya.</p>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Contoh dari program: di Desa Tlogosih, Demak, seorang pemuda belajar
                    dari internet di perpustakaan lalu merintis usaha kaos sablon. Di Desa
                    Tianyar Barat, Bali, ibu-ibu mengembangkan dan memasarkan dupa herbal.
                    Keduanya diceritakan dalam roadshow Seribu Cerita PerpuSeru.</p>
                    """,
                ),
                ("heading", "Perpustakaan milik seluruh desa"),
                (
                    "paragraph",
                    """
                    <p>Perpustakaan desa tidak bisa dijalankan oleh pengelolanya sendirian.
                    Karena itu, pelatihan SPP diikuti bersama oleh kepala desa, anggota
                    BPD, pengurus PKK, Karang Taruna dan pengelola perpustakaan.
                    Masing-masing punya peran: kepala desa dan BPD menyediakan kebijakan dan
                    anggaran, PKK dan Karang Taruna menggerakkan warga, dan pengelola
                    menjalankan layanan sehari-hari. Ketika semua pihak merasa memiliki,
                    perpustakaan tetap hidup walaupun pengelolanya berganti.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Merancang layanan komputer dan internet",
            "slug": "layanan-komputer-internet",
            "minutes": 20,
            "body": [
                ("heading", "Tiga komputer untuk seluruh desa"),
                (
                    "paragraph",
                    """
                    <p>Perpustakaan desa mitra umumnya memiliki tiga komputer dan sambungan
                    internet yang dipakai bersama. Sumber daya yang terbatas ini perlu
                    diatur agar adil dan bermanfaat bagi sebanyak mungkin warga. Layanan
                    yang baik punya tiga unsur: <b>aturan yang jelas</b>,
                    <b>pendampingan</b> bagi yang belum bisa, dan <b>pencatatan</b>
                    pemakaian.</p>
                    """,
                ),
                ("heading", "Aturan pemakaian yang disepakati"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li>Jam layanan yang tetap dan diumumkan, termasuk sore hari agar
                    pelajar dan pekerja bisa datang.</li>
                    <li>Batas waktu pemakaian, misalnya satu jam per orang jika ada yang
                    menunggu.</li>
                    <li>Prioritas untuk keperluan belajar, bekerja dan usaha; permainan
                    daring hanya jika komputer sedang tidak dibutuhkan.</li>
                    <li>Larangan membuka situs pornografi, perjudian dan kekerasan, dengan
                    penyaring konten jika memungkinkan.</li>
                    <li>Biaya cetak, jika ada, ditulis jelas dan dicatat.</li>
                    </ul>
                    <p>Susun aturan ini bersama kepala desa dan perwakilan warga, lalu
                    tempel di dinding ruang komputer. Aturan yang disepakati bersama lebih
                    mudah ditegakkan daripada aturan yang dibuat sendiri.</p>
                    """,
                ),
                ("heading", "Pendampingan dan kelas komputer"),
                (
                    "paragraph",
                    """
                    <p>Banyak warga, terutama perempuan dan orang tua, belum pernah memegang
                    komputer dan merasa takut merusaknya. Adakan kelas singkat yang
                    terjadwal dengan peserta sedikit, paling banyak dua orang per komputer.
                    Mulailah dari kebutuhan mereka, misalnya melihat harga jual hasil panen,
                    membuat surel, atau menelepon video dengan anak yang merantau. Relawan
                    dari Karang Taruna atau pelajar SMA bisa menjadi pendamping sebaya yang
                    sabar.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Catat setiap pemakai komputer di buku tamu atau aplikasi pencatat:
                    nama, jenis kelamin, kelompok umur dan keperluannya. Data ini dibutuhkan
                    untuk laporan bulanan ke perpustakaan kabupaten dan sebagai bukti
                    advokasi.</p>
                    """,
                ),
                ("heading", "Merawat perangkat"),
                (
                    "paragraph",
                    """
                    <p>Matikan komputer dengan benar, tutup dengan kain saat tidak dipakai,
                    pasang stabilizer atau UPS jika listrik sering naik turun, dan pindai
                    flashdisk pengunjung dengan antivirus. Catat setiap kerusakan dan
                    laporkan ke pendamping kabupaten, agar perbaikan bisa direncanakan
                    dalam anggaran desa.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Kegiatan pelibatan masyarakat",
            "slug": "kegiatan-pelibatan",
            "minutes": 20,
            "body": [
                ("heading", "Apa itu pelibatan masyarakat"),
                (
                    "paragraph",
                    """
                    <p>Pelibatan masyarakat adalah kegiatan yang dirancang dan dijalankan
                    bersama warga untuk menjawab kebutuhan mereka, dengan perpustakaan
                    sebagai fasilitator dan penyedia sumber belajar. Bedanya dengan
                    kegiatan biasa: warga tidak hanya menjadi penonton atau peserta, tetapi
                    ikut menentukan apa yang dipelajari, siapa narasumbernya, dan apa hasil
                    yang diharapkan.</p>
                    """,
                ),
                ("heading", "Siklus kegiatan pelibatan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Kenali kebutuhan</b>: ajak kelompok warga, misalnya PKK atau
                    kelompok tani, berdiskusi tentang masalah yang mereka hadapi.</li>
                    <li><b>Rancang bersama</b>: tentukan tujuan, waktu yang cocok,
                    narasumber dari desa sendiri atau dari dinas, dan sumber belajar dari
                    internet dan koleksi.</li>
                    <li><b>Laksanakan</b>: pengelola menyiapkan tempat dan perangkat,
                    mitra membantu mengundang dan menyediakan bahan.</li>
                    <li><b>Dokumentasikan dan evaluasi</b>: catat peserta, ambil foto,
                    tanyakan manfaatnya, dan rencanakan tindak lanjut.</li>
                    </ol>
                    <p>Contoh kegiatan yang sering berhasil: kelas memasarkan produk
                    olahan secara online, belajar membuat surat lamaran kerja, kelas
                    bahasa Inggris untuk anak, pelatihan membuat kerajinan dari video
                    tutorial, dan penyuluhan kesehatan bersama bidan desa.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Mulailah dari satu kelompok dan satu kegiatan kecil yang pasti
                    berhasil. Keberhasilan pertama membuat warga percaya dan kelompok lain
                    datang dengan sendirinya.</p>
                    """,
                ),
                ("heading", "Dari kegiatan menjadi perubahan"),
                (
                    "paragraph",
                    """
                    <p>Satu kali kegiatan jarang mengubah hidup seseorang. Perubahan datang
                    dari kegiatan yang berlanjut: kelas memasarkan produk diikuti
                    pendampingan membuat akun toko online, lalu pertemuan bulanan untuk
                    berbagi pengalaman. Ikuti perkembangan peserta dan catat perubahan
                    yang mereka alami, karena itulah bahan cerita dampak.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Rancang satu kegiatan pelibatan",
                    """
                    <p>Pilih satu kelompok warga di desa Anda dan satu kebutuhan yang
                    pernah mereka sampaikan. Rancang satu kegiatan pelibatan dengan
                    mengikuti siklus di atas.</p>
                    <p>Tuliskan kelompok sasarannya, kebutuhannya, bentuk kegiatannya,
                    mitra yang akan Anda ajak, dan bagaimana Anda akan mengetahui bahwa
                    kegiatan itu bermanfaat.</p>
                    """,
                    40,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Layanan TIK dan Pelibatan Masyarakat",
        "slug": "kuis",
        "intro": "Enam pertanyaan tentang pusat belajar masyarakat, layanan TIK dan kegiatan "
        "pelibatan.",
        "questions": [
            (
                "multiple_choice",
                "Tiga strategi yang dijalankan perpustakaan desa peserta SPP adalah:",
                [
                    ("Layanan komputer dan internet", True, "Benar."),
                    ("Pelibatan masyarakat", True, "Benar."),
                    ("Advokasi", True, "Benar."),
                    (
                        "Menambah jumlah rak buku",
                        False,
                        "Rak buku penting, tetapi bukan salah satu dari tiga strategi.",
                    ),
                ],
                "",
            ),
            (
                "single_choice",
                "Ukuran keberhasilan perpustakaan sebagai pusat belajar masyarakat yang "
                "paling tepat adalah:",
                [
                    (
                        "Perubahan dalam kehidupan warga, misalnya pekerjaan atau pendapatan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Jumlah buku di rak",
                        False,
                        "Koleksi adalah sarana, bukan hasil.",
                    ),
                    (
                        "Luas gedung perpustakaan",
                        False,
                        "Gedung tidak menunjukkan manfaat bagi warga.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Aturan pemakaian komputer sebaiknya disusun bersama kepala desa dan "
                "perwakilan warga.",
                True,
                "Betul, aturan yang disepakati bersama lebih mudah ditegakkan.",
                "Pernyataan ini benar: aturan yang disepakati bersama lebih mudah ditegakkan.",
            ),
            (
                "single_choice",
                "Apa yang membedakan kegiatan pelibatan masyarakat dari kegiatan biasa?",
                [
                    (
                        "Warga ikut menentukan apa yang dipelajari dan hasil yang diharapkan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Kegiatannya selalu memakai komputer",
                        False,
                        "Tidak harus; yang penting menjawab kebutuhan warga.",
                    ),
                    (
                        "Narasumbernya selalu dari kabupaten",
                        False,
                        "Narasumber bisa dari desa sendiri.",
                    ),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Siapa saja yang diajak mengikuti pelatihan SPP bersama pengelola perpustakaan?",
                [
                    ("Kepala desa", True, "Benar."),
                    ("Anggota BPD", True, "Benar."),
                    ("Pengurus PKK dan Karang Taruna", True, "Benar."),
                    ("Pedagang dari desa tetangga", False, "Bukan peserta SPP."),
                ],
                "",
            ),
            (
                "short_answer",
                "Dalam siklus kegiatan pelibatan, apa langkah pertama?",
                "keywords",
                ["kebutuhan"],
                "Tepat: mengenali kebutuhan warga.",
                "Langkah pertama adalah mengenali kebutuhan warga.",
            ),
        ],
    },
}

MODULE_ADVOCACY = {
    "title": "Advokasi: Sasaran, Pesan, Promosi dan Lobi",
    "slug": "advokasi-desa",
    "summary": (
        "Menentukan sasaran advokasi di desa, menyusun pesan yang meyakinkan, dan "
        "menyampaikannya lewat promosi dan lobi."
    ),
    "lessons": [
        {
            "title": "Menentukan sasaran advokasi di desa",
            "slug": "sasaran-advokasi",
            "minutes": 15,
            "body": [
                ("heading", "Siapa yang memutuskan di desa"),
                (
                    "paragraph",
                    """
                    <p>Advokasi perpustakaan desa bertujuan agar perpustakaan mendapat
                    dukungan yang berkelanjutan: anggaran untuk internet dan kegiatan,
                    honor pengelola, tempat yang layak, dan pengakuan resmi. Di desa,
                    keputusan itu diambil oleh <b>kepala desa</b> bersama <b>Badan
                    Permusyawaratan Desa (BPD)</b> melalui musyawarah desa, lalu dituangkan
                    dalam Rencana Kerja Pemerintah Desa (RKPDes) dan Anggaran Pendapatan dan
                    Belanja Desa (APBDes), termasuk penggunaan Dana Desa.</p>
                    """,
                ),
                ("heading", "Sasaran utama dan sasaran antara"),
                (
                    "paragraph",
                    """
                    <p><b>Sasaran utama</b> adalah orang yang berwenang mengambil keputusan
                    yang Anda harapkan, misalnya kepala desa untuk SK pengelola, atau
                    kepala desa dan BPD untuk anggaran. <b>Sasaran antara</b> adalah orang
                    yang didengar oleh sasaran utama: sekretaris desa, tokoh agama, ketua
                    PKK, ketua Karang Taruna, pendamping desa, atau camat. Kadang jalan
                    tercepat meyakinkan kepala desa adalah melalui orang yang ia
                    percaya.</p>
                    <p>Untuk setiap sasaran, tanyakan: apa yang penting baginya? Kepala desa
                    mungkin peduli pada citra desa dan program prioritasnya; BPD pada
                    aspirasi warga; ketua PKK pada kesejahteraan keluarga. Pesan Anda nanti
                    disesuaikan dengan kepentingan itu.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Tentukan dulu apa yang Anda minta, baru siapa sasarannya. Permintaan
                    yang berbeda bisa memerlukan sasaran yang berbeda pula.</p>
                    """,
                ),
                ("heading", "Contoh tujuan advokasi perpustakaan desa"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li>Anggaran internet dan perawatan komputer masuk APBDes tahun
                    depan.</li>
                    <li>SK kepala desa tentang pengelola perpustakaan, agar pengelola
                    tidak berganti setiap pergantian perangkat desa.</li>
                    <li>Ruang perpustakaan yang lebih layak di balai desa.</li>
                    <li>Perpustakaan dilibatkan dalam program desa, misalnya pelatihan
                    UMKM atau pencegahan stunting.</li>
                    </ul>
                    <p>Pilih satu atau dua tujuan saja untuk satu tahun, agar tenaga tidak
                    terpecah dan hasilnya bisa diukur. Diskusikan pilihan itu dengan
                    pendamping dari perpustakaan kabupaten: ia mengenal pengalaman desa
                    lain, tahu kapan jadwal musyawarah desa di kecamatan Anda, dan bisa
                    membantu menyiapkan data pendukung.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menyusun pesan advokasi",
            "slug": "pesan-advokasi",
            "minutes": 20,
            "body": [
                ("heading", "Pesan yang singkat dan sesuai pendengarnya"),
                (
                    "paragraph",
                    """
                    <p>Pesan advokasi adalah apa yang ingin Anda sampaikan kepada sasaran
                    agar ia mengambil keputusan yang Anda harapkan. Pesan yang baik singkat,
                    bisa diucapkan dalam satu sampai dua menit, dan berisi tiga hal:</p>
                    <ol>
                    <li><b>Masalah atau peluang</b> yang penting bagi pendengar.</li>
                    <li><b>Bukti</b> bahwa perpustakaan sudah membantu: angka dan
                    cerita.</li>
                    <li><b>Permintaan</b> yang jelas: apa, berapa, kapan.</li>
                    </ol>
                    """,
                ),
                ("heading", "Contoh pesan untuk kepala desa"),
                (
                    "paragraph",
                    """
                    <p>"Pak Kades, banyak ibu di desa kita berjualan keripik dan jajanan,
                    tetapi pembelinya hanya tetangga. Dalam tiga bulan terakhir, 24 ibu
                    anggota PKK belajar berjualan online di perpustakaan, dan enam di
                    antaranya sekarang menerima pesanan dari luar kecamatan. Bu Sulastri
                    bahkan sudah mempekerjakan dua tetangganya. Agar kelas ini bisa
                    berlanjut dan menjangkau kelompok tani, kami mohon biaya internet
                    Rp300.000 per bulan dimasukkan dalam APBDes tahun depan."</p>
                    <p>Perhatikan bahwa pesan itu dimulai dari hal yang penting bagi kepala
                    desa, yaitu ekonomi warga, bukan dari kebutuhan perpustakaan.</p>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Hindari pesan yang hanya mengeluh, misalnya "perpustakaan kami tidak
                    pernah diperhatikan". Keluhan membuat pendengar membela diri; bukti dan
                    permintaan yang jelas membuatnya mudah berkata ya.</p>
                    """,
                ),
                ("heading", "Menyesuaikan pesan"),
                (
                    "paragraph",
                    """
                    <p>Pesan yang sama perlu disesuaikan untuk pendengar yang berbeda. Untuk
                    BPD, tekankan bahwa kegiatan ini adalah aspirasi warga. Untuk ketua PKK,
                    tekankan manfaatnya bagi keluarga. Untuk pendamping desa, tunjukkan
                    kaitannya dengan prioritas penggunaan Dana Desa. Siapkan juga lembar
                    satu halaman berisi pesan, data dan foto untuk ditinggalkan sesudah
                    pertemuan.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Susun pesan advokasi perpustakaan Anda",
                    """
                    <p>Pilih satu tujuan advokasi dan satu sasaran utama. Susun pesan
                    advokasi dengan tiga bagian: masalah atau peluang, bukti dari
                    perpustakaan Anda, dan permintaan yang jelas.</p>
                    <p>Tuliskan pesan itu di sini. Kemudian bacakan kepada seorang rekan dan
                    catat apa yang menurutnya paling meyakinkan.</p>
                    """,
                    40,
                ),
            ],
        },
        {
            "title": "Promosi dan lobi",
            "slug": "promosi-dan-lobi",
            "minutes": 20,
            "body": [
                ("heading", "Dua cara menyampaikan pesan"),
                (
                    "paragraph",
                    """
                    <p><b>Promosi</b> ditujukan kepada masyarakat luas: memperkenalkan
                    layanan dan keberhasilan perpustakaan agar makin banyak warga datang
                    dan mendukung. <b>Lobi</b> ditujukan kepada pengambil keputusan:
                    pendekatan langsung, sering tidak resmi, untuk meyakinkan mereka
                    sebelum keputusan diambil. Keduanya saling menguatkan. Kepala desa
                    lebih mudah diyakinkan jika ia sudah sering mendengar warganya memuji
                    perpustakaan.</p>
                    """,
                ),
                ("heading", "Promosi yang mendukung advokasi"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li>Pasang papan kegiatan dan capaian perpustakaan di balai desa.</li>
                    <li>Bagikan foto dan cerita kegiatan di grup WhatsApp desa dan media
                    sosial, dengan menyebut peran pemerintah desa.</li>
                    <li>Undang kepala desa dan BPD membuka atau menutup kegiatan, dan beri
                    mereka kesempatan berbicara.</li>
                    <li>Tampilkan hasil karya warga di acara desa, misalnya pada peringatan
                    Hari Kemerdekaan.</li>
                    </ul>
                    """,
                ),
                ("heading", "Langkah lobi"),
                (
                    "paragraph",
                    """
                    <p>Lobi yang baik dipersiapkan. Pelajari jadwal perencanaan desa:
                    usulan perlu disampaikan sebelum musyawarah desa yang membahas RKPDes,
                    biasanya pada pertengahan tahun. Temui sasaran di waktu yang santai,
                    sampaikan pesan singkat, dengarkan tanggapannya, dan tanyakan apa yang
                    ia butuhkan untuk bisa mendukung. Jika ia meminta data tambahan,
                    kirimkan secepatnya. Sesudah itu, pastikan usulan tertulis masuk
                    melalui jalur resmi dan hadirlah di musyawarah desa bersama warga
                    pendukung.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Catat setiap pertemuan lobi: tanggal, siapa yang ditemui, apa yang
                    disampaikan, tanggapannya, dan janji tindak lanjut. Catatan ini
                    membantu Anda dan pengelola berikutnya melanjutkan advokasi tanpa
                    mengulang dari awal.</p>
                    """,
                ),
                ("heading", "Jika jawabannya belum"),
                (
                    "paragraph",
                    """
                    <p>Penolakan pertama bukan akhir. Tanyakan alasannya dengan sopan,
                    perbaiki usulan, kumpulkan bukti tambahan, dan ajukan lagi pada siklus
                    perencanaan berikutnya. Sementara itu, teruslah menunjukkan manfaat
                    perpustakaan melalui kegiatan dan promosi. Banyak perpustakaan desa
                    baru mendapat anggaran pada usulan kedua atau ketiga, setelah kepala
                    desa melihat sendiri warganya memenuhi perpustakaan. Bagikan pengalaman
                    Anda di Pertemuan Belajar Sebaya; perpustakaan lain mungkin pernah
                    menghadapi penolakan yang sama dan menemukan jalan keluarnya.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Advokasi di Desa",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang sasaran, pesan, promosi dan lobi.",
        "questions": [
            (
                "single_choice",
                "Siapa yang bersama kepala desa membahas dan menyepakati APBDes?",
                [
                    ("Badan Permusyawaratan Desa (BPD)", True, "Tepat."),
                    ("Pengelola perpustakaan", False, "Pengelola mengusulkan, bukan memutuskan."),
                    ("Perpustakaan kabupaten", False, "Kabupaten mendampingi, bukan memutuskan."),
                ],
                "",
            ),
            (
                "single_choice",
                "Ketua PKK yang sangat didengar kepala desa, dalam advokasi anggaran "
                "perpustakaan, adalah:",
                [
                    ("Sasaran antara", True, "Tepat, ia memengaruhi sasaran utama."),
                    ("Sasaran utama", False, "Ketua PKK tidak memutuskan APBDes."),
                    ("Bukan sasaran", False, "Ia justru jalan masuk yang berharga."),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Bagian mana yang harus ada dalam pesan advokasi?",
                [
                    ("Masalah atau peluang yang penting bagi pendengar", True, "Benar."),
                    ("Bukti berupa angka dan cerita", True, "Benar."),
                    ("Permintaan yang jelas", True, "Benar."),
                    (
                        "Keluhan bahwa perpustakaan tidak pernah diperhatikan",
                        False,
                        "Keluhan membuat pendengar membela diri.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Lobi ditujukan kepada masyarakat luas, sedangkan promosi ditujukan kepada "
                "pengambil keputusan.",
                False,
                "Betul, kebalikannya: promosi untuk masyarakat, lobi untuk pengambil keputusan.",
                "Kebalikannya: promosi untuk masyarakat luas, lobi untuk pengambil keputusan.",
            ),
            (
                "short_answer",
                "Apa singkatan dokumen rencana kerja tahunan pemerintah desa yang dibahas "
                "dalam musyawarah desa?",
                "exact",
                ["RKPDes", "RKP Desa", "RKPDesa"],
                "Tepat, Rencana Kerja Pemerintah Desa.",
                "Jawabannya RKPDes (Rencana Kerja Pemerintah Desa).",
            ),
        ],
    },
}

MODULE_PLANNING = {
    "title": "Rencana Kerja dan Dokumentasi",
    "slug": "rencana-kerja-dan-dokumentasi",
    "summary": (
        "Menyusun rencana kerja perpustakaan, mencatat data layanan, dan menulis cerita dampak."
    ),
    "lessons": [
        {
            "title": "Menyusun rencana kerja perpustakaan",
            "slug": "rencana-kerja",
            "minutes": 25,
            "body": [
                ("heading", "Mengapa rencana kerja perlu ditulis"),
                (
                    "paragraph",
                    """
                    <p>Rencana kerja mengubah niat baik menjadi langkah nyata. Rencana
                    tertulis membantu pengelola mengatur waktu, membagi tugas dengan
                    relawan, dan menunjukkan kepada kepala desa apa yang akan dikerjakan
                    perpustakaan serta biaya yang dibutuhkan. Rencana kerja juga menjadi
                    dasar usulan anggaran dalam musyawarah desa dan alat ukur saat
                    pendamping kabupaten berkunjung.</p>
                    """,
                ),
                ("heading", "Isi rencana kerja"),
                (
                    "paragraph",
                    """
                    <p>Buat tabel sederhana dengan kolom berikut, satu baris untuk setiap
                    kegiatan:</p>
                    <ul>
                    <li><b>Kegiatan</b>: misalnya kelas berjualan online untuk ibu-ibu
                    PKK.</li>
                    <li><b>Tujuan</b>: perubahan yang diharapkan.</li>
                    <li><b>Sasaran</b>: kelompok dan jumlah peserta.</li>
                    <li><b>Waktu</b>: bulan atau tanggal pelaksanaan.</li>
                    <li><b>Penanggung jawab</b> dan <b>mitra</b>.</li>
                    <li><b>Biaya dan sumbernya</b>: APBDes, swadaya, mitra.</li>
                    <li><b>Indikator</b>: bagaimana mengetahui kegiatan berhasil.</li>
                    </ul>
                    <p>Masukkan ketiga strategi: layanan komputer dan internet, kegiatan
                    pelibatan masyarakat, dan langkah advokasi, karena ketiganya saling
                    membutuhkan.</p>
                    """,
                ),
                ("heading", "Tujuan yang SMART"),
                (
                    "paragraph",
                    """
                    <p>Rumuskan tujuan yang <b>spesifik</b>, <b>terukur</b>, <b>dapat
                    dicapai</b>, <b>relevan</b> dan <b>berbatas waktu</b>. "Meningkatkan
                    minat baca" terlalu kabur. "Pada Juni, 20 pemuda Karang Taruna mampu
                    membuat surat lamaran dan CV di komputer" jelas ukurannya, sehingga
                    pada akhir Juni Anda tahu apakah tujuan itu tercapai.</p>
                    <p>Tempel rencana kerja di dinding perpustakaan dan tinjau setiap awal
                    bulan bersama relawan: kegiatan mana yang sudah terlaksana, mana yang
                    tertunda dan mengapa, dan apa yang perlu disiapkan untuk bulan
                    berikutnya.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Lebih baik empat kegiatan yang terlaksana dengan baik daripada dua
                    belas kegiatan yang hanya tertulis. Sisakan ruang untuk kebutuhan warga
                    yang muncul di tengah tahun.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Rencana kerja tiga bulan",
                    """
                    <p>Susun rencana kerja perpustakaan Anda untuk tiga bulan ke depan
                    dengan tabel di atas: sedikitnya satu kegiatan layanan komputer dan
                    internet, satu kegiatan pelibatan masyarakat, dan satu langkah
                    advokasi.</p>
                    <p>Tuliskan ketiga kegiatan itu di sini, masing-masing dengan tujuan
                    SMART dan indikatornya.</p>
                    """,
                    40,
                ),
            ],
        },
        {
            "title": "Mendokumentasikan kegiatan dan data layanan",
            "slug": "dokumentasi-data-layanan",
            "minutes": 20,
            "body": [
                ("heading", "Tanpa catatan, capaian tidak terlihat"),
                (
                    "paragraph",
                    """
                    <p>Dokumentasi adalah strategi tersendiri dalam pengembangan
                    perpustakaan desa. Catatan yang rapi menunjukkan apa yang sudah dicapai,
                    menjadi bahan laporan kepada desa dan kabupaten, menjadi bukti dalam
                    advokasi, dan membantu Anda sendiri melihat apa yang berhasil dan apa
                    yang perlu diubah. Program PerpuSeru pun menempatkan monitoring dan
                    evaluasi sebagai salah satu dari empat strategi pokoknya.</p>
                    """,
                ),
                ("heading", "Apa yang dicatat"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Buku tamu</b> atau aplikasi pencatat pengunjung: tanggal, nama,
                    jenis kelamin, kelompok umur, keperluan, dan apakah memakai komputer
                    atau internet.</li>
                    <li><b>Daftar hadir setiap kegiatan</b>, dengan jenis kelamin dan umur
                    peserta.</li>
                    <li><b>Catatan kegiatan</b>: tujuan, narasumber, mitra, jalannya
                    kegiatan, tanggapan peserta dan rencana tindak lanjut.</li>
                    <li><b>Foto</b> suasana, kegiatan dan hasilnya.</li>
                    <li><b>Catatan perubahan</b> yang dialami warga: mendapat pekerjaan,
                    pendapatan bertambah, usaha baru, prestasi sekolah.</li>
                    <li><b>Inventaris TIK</b>: komputer, printer, modem, dan kondisinya.</li>
                    </ul>
                    """,
                ),
                ("heading", "Laporan bulanan ke kabupaten"),
                (
                    "paragraph",
                    """
                    <p>Setiap bulan, rangkum catatan menjadi laporan singkat untuk
                    pendamping dari perpustakaan kabupaten: jumlah kunjungan dan pemakai
                    internet menurut jenis kelamin dan umur, kegiatan yang diadakan dan
                    pesertanya, mitra yang terlibat, hambatan, dan rencana bulan depan.
                    Pendamping memakai laporan ini untuk menyiapkan kunjungan dan
                    Pertemuan Belajar Sebaya, serta untuk laporan kabupaten kepada
                    program.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Luangkan sepuluh menit setiap sore untuk memindahkan buku tamu ke
                    lembar kerja. Pada akhir bulan, laporan tinggal dirangkum, tidak perlu
                    disusun dari awal.</p>
                    """,
                ),
                (
                    "paragraph",
                    """
                    <p>Simpan semua dokumentasi di satu tempat yang tertata dan cadangkan
                    secara berkala, agar tidak hilang ketika komputer rusak atau pengelola
                    berganti. Gunakan data itu untuk diri Anda sendiri juga: jika pemakai
                    internet perempuan sangat sedikit, mungkin jam layanan tidak cocok bagi
                    mereka atau mereka belum merasa percaya diri, dan itu bisa menjadi
                    bahan kegiatan berikutnya.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menulis cerita dampak",
            "slug": "cerita-dampak",
            "minutes": 20,
            "body": [
                ("heading", "Cerita yang menunjukkan perubahan"),
                (
                    "paragraph",
                    """
                    <p>Cerita dampak adalah kisah nyata tentang seseorang atau kelompok
                    yang hidupnya berubah karena memanfaatkan perpustakaan. Cerita seperti
                    ini menyentuh hati pengambil keputusan, menginspirasi warga lain, dan
                    menjadi bahan berbagi di Pertemuan Belajar Sebaya. Program PerpuSeru
                    mengumpulkan ribuan cerita seperti ini, lalu membagikannya dalam
                    roadshow Seribu Cerita PerpuSeru di berbagai kota.</p>
                    """,
                ),
                ("heading", "Susunan cerita: sebelum, peristiwa, sesudah"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Sebelum</b>: siapa tokohnya dan apa keadaan atau masalahnya.
                    "Bu Sulastri sudah lima tahun membuat keripik singkong, tetapi hanya
                    menjual ke warung sekitar rumah."</li>
                    <li><b>Peristiwa</b>: apa yang ia lakukan di perpustakaan. "Ia mengikuti
                    kelas berjualan online dan belajar memotret produk dengan ponsel."</li>
                    <li><b>Sesudah</b>: perubahan yang terjadi, dengan angka jika ada.
                    "Kini ia menerima pesanan dari tiga kabupaten dan mempekerjakan dua
                    tetangganya."</li>
                    </ol>
                    <p>Tambahkan satu kutipan langsung dari tokohnya dan satu foto yang
                    menunjukkan hasil, misalnya tokoh bersama produknya.</p>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Selalu minta izin tokoh cerita sebelum menulis dan menyebarkan
                    ceritanya, bacakan hasilnya kepadanya, dan jangan menambah-nambahkan
                    fakta. Satu cerita yang dilebih-lebihkan bisa merusak kepercayaan pada
                    semua cerita Anda.</p>
                    """,
                ),
                ("heading", "Menemukan cerita"),
                (
                    "paragraph",
                    """
                    <p>Cerita dampak jarang datang sendiri. Tanyakan kepada peserta kegiatan
                    beberapa minggu kemudian: apa yang berubah sejak ikut kelas? Dengarkan
                    obrolan di ruang komputer. Pendamping kabupaten dan kepala desa juga
                    sering mendengar kabar keberhasilan warga. Kategori dampak yang
                    biasa dipakai antara lain mendapat pekerjaan, pendapatan meningkat,
                    membuka lapangan kerja, prestasi pendidikan, pengetahuan kesehatan,
                    aktualisasi diri, hobi, dan kelompok belajar sebaya.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Tulis satu cerita dampak",
                    """
                    <p>Pilih satu pemustaka yang Anda ketahui mengalami perubahan berkat
                    perpustakaan. Wawancarai dia selama lima belas menit, lalu tulis
                    ceritanya dengan susunan sebelum, peristiwa dan sesudah, ditambah satu
                    kutipan.</p>
                    <p>Salin cerita itu di sini (tanpa nama lengkap jika yang bersangkutan
                    belum memberi izin).</p>
                    """,
                    40,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Rencana Kerja dan Dokumentasi",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang rencana kerja, pencatatan dan cerita dampak.",
        "questions": [
            (
                "single_choice",
                "Tujuan mana yang memenuhi kriteria SMART?",
                [
                    (
                        "Pada Juni, 20 pemuda Karang Taruna mampu membuat surat lamaran dan "
                        "CV di komputer",
                        True,
                        "Tepat: spesifik, terukur dan berbatas waktu.",
                    ),
                    (
                        "Meningkatkan minat baca masyarakat",
                        False,
                        "Terlalu kabur: tidak terukur dan tanpa batas waktu.",
                    ),
                    (
                        "Perpustakaan menjadi lebih baik",
                        False,
                        "Tidak bisa diukur kapan tercapai.",
                    ),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Data apa yang perlu dicatat di buku tamu pengunjung?",
                [
                    ("Jenis kelamin", True, "Benar, laporan dipilah menurut jenis kelamin."),
                    ("Kelompok umur", True, "Benar."),
                    ("Keperluan kunjungan", True, "Benar."),
                    (
                        "Penghasilan bulanan pengunjung",
                        False,
                        "Tidak perlu dan terlalu pribadi untuk buku tamu.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Cerita dampak boleh sedikit dilebih-lebihkan agar lebih menarik bagi "
                "pengambil keputusan.",
                False,
                "Betul. Cerita yang dilebih-lebihkan merusak kepercayaan.",
                "Jangan pernah menambah fakta: satu cerita yang dilebih-lebihkan merusak "
                "kepercayaan pada semua cerita.",
            ),
            (
                "single_choice",
                "Urutan susunan cerita dampak yang disarankan adalah:",
                [
                    ("Sebelum, peristiwa, sesudah", True, "Tepat."),
                    ("Sesudah, sebelum, peristiwa", False, "Urutan ini membingungkan pembaca."),
                    (
                        "Data kunjungan, daftar hadir, foto",
                        False,
                        "Itu bahan dokumentasi, bukan susunan cerita.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Kepada siapa laporan bulanan perpustakaan desa dikirim? Sebutkan lembaganya.",
                "keywords",
                ["kabupaten"],
                "Tepat, kepada pendamping dari perpustakaan kabupaten/kota.",
                "Laporan bulanan dikirim kepada pendamping di perpustakaan kabupaten/kota.",
            ),
        ],
    },
}

CURRICULUM = {
    "title": "Pelibatan Masyarakat",
    "slug": "pelibatan-masyarakat",
    "summary": (
        "Menjadikan perpustakaan desa dan TBM pusat belajar dan berkegiatan masyarakat: "
        "layanan TIK, kegiatan bersama warga, advokasi, rencana kerja dan dokumentasi."
    ),
    "description": """
        <p>Kurikulum untuk perpustakaan desa dan Taman Bacaan Masyarakat, disusun dari
        pelatihan Strategi Pengembangan Perpustakaan (SPP) Berbasis TIK yang diberikan
        fasilitator kabupaten kepada pengelola perpustakaan desa bersama kepala desa, BPD,
        PKK dan Karang Taruna.</p>
    """,
    "courses": [
        {
            "title": "Strategi Pengembangan Perpustakaan Berbasis TIK",
            "slug": "spp-berbasis-tik",
            "summary": (
                "Pelatihan inti bagi perpustakaan desa dan TBM: layanan berbasis TIK, "
                "pelibatan masyarakat, advokasi, promosi dan lobi, rencana kerja, dan "
                "dokumentasi."
            ),
            "description": """
                <p>Dalam program, SPP diberikan selama empat hari dan dilanjutkan dua hari
                pelatihan TIK. Versi daring ini mengikuti urutan yang sama dalam tiga modul:
                layanan berbasis TIK dan pelibatan masyarakat; advokasi dengan sasaran,
                pesan, promosi dan lobi; serta rencana kerja dan dokumentasi.</p>
                <p>Setiap modul berisi tugas praktik yang dikerjakan di perpustakaan Anda
                sendiri. Hasilnya bisa Anda bawa ke kunjungan pendamping dan Pertemuan
                Belajar Sebaya.</p>
            """,
            "tier": "village",
            "estimated_hours": "24",
            "tags": [
                "pelibatan-masyarakat",
                "layanan",
                "internet",
                "advokasi",
                "rencana-kerja",
                "dokumentasi",
            ],
            "modules": [MODULE_SERVICES, MODULE_ADVOCACY, MODULE_PLANNING],
        },
    ],
}
