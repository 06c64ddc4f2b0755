"""Curriculum: Marketing & Pelayanan Prima (service excellence and library marketing)."""

MODULE_SERVICE = {
    "title": "Pelayanan Prima bagi Pemustaka",
    "slug": "pelayanan-prima-pemustaka",
    "summary": (
        "Sikap dan kebiasaan pelayanan prima: menyambut, memahami kebutuhan, dan menangani "
        "keluhan pemustaka."
    ),
    "lessons": [
        {
            "title": "Apa itu pelayanan prima",
            "slug": "apa-itu-pelayanan-prima",
            "minutes": 15,
            "body": [
                ("heading", "Dari menjaga buku ke melayani orang"),
                (
                    "paragraph",
                    """
                    <p>Dulu perpustakaan sering dianggap tempat yang sepi, kaku dan
                    membosankan. Petugasnya menjaga buku agar tidak hilang, dan pengunjung
                    merasa sungkan bertanya. Perpustakaan yang bertransformasi membalik
                    cara pandang itu: yang utama adalah orang yang datang dan kebutuhannya.
                    Pelayanan prima berarti memberi layanan terbaik yang bisa kita berikan,
                    sehingga pemustaka puas, kembali lagi, dan mengajak orang lain.</p>
                    <p>Pelayanan prima tidak memerlukan gedung mewah. Perpustakaan kabupaten
                    dengan ruang sederhana bisa memberi pelayanan yang lebih baik daripada
                    gedung megah dengan petugas yang tidak peduli. Yang dibutuhkan adalah
                    kemauan seluruh staf, dari kepala perpustakaan sampai petugas kebersihan,
                    untuk menempatkan pemustaka sebagai tamu yang dihormati.</p>
                    """,
                ),
                ("heading", "Enam unsur pelayanan prima"),
                (
                    "paragraph",
                    """
                    <p>Dalam pelatihan pelayanan publik di Indonesia, pelayanan prima sering
                    dijelaskan dengan enam unsur:</p>
                    <ol>
                    <li><b>Kemampuan</b>: menguasai koleksi, komputer dan layanan yang
                    ada, sehingga bisa menjawab atau menunjukkan jalan.</li>
                    <li><b>Sikap</b>: ramah, sabar, tidak membeda-bedakan pelajar, petani,
                    pejabat atau orang yang tidak bisa membaca.</li>
                    <li><b>Penampilan</b>: rapi dan bersih, begitu pula meja layanan dan
                    ruang baca.</li>
                    <li><b>Perhatian</b>: menyadari kehadiran pemustaka dan mendengarkan
                    sungguh-sungguh.</li>
                    <li><b>Tindakan</b>: benar-benar membantu sampai kebutuhan terpenuhi,
                    bukan sekadar menunjuk rak.</li>
                    <li><b>Tanggung jawab</b>: menepati janji dan mengakui kesalahan.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Ukurlah diri sendiri dengan pertanyaan sederhana: jika saya menjadi
                    pemustaka hari ini, apakah saya ingin datang lagi besok?</p>
                    """,
                ),
                ("heading", "Standar yang disepakati bersama"),
                (
                    "paragraph",
                    """
                    <p>Pelayanan prima harus sama baiknya siapa pun petugas yang sedang
                    berjaga. Karena itu, susun bersama seluruh staf beberapa standar yang
                    jelas, misalnya jam buka yang ditepati, pemustaka disapa dalam waktu
                    satu menit, permintaan bantuan komputer dilayani paling lama lima
                    menit, ruang baca dibersihkan sebelum jam buka, dan keluhan dijawab
                    dalam tiga hari kerja. Tempel standar itu
                    di ruang layanan supaya pemustaka pun mengetahuinya, lalu tinjau
                    bersama setiap bulan dalam rapat staf.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menyambut dan memahami kebutuhan pemustaka",
            "slug": "menyambut-pemustaka",
            "minutes": 20,
            "body": [
                ("heading", "Tiga menit pertama menentukan"),
                (
                    "paragraph",
                    """
                    <p>Kesan pertama terbentuk dalam beberapa detik. Pemustaka yang baru
                    pertama datang sering ragu: boleh masuk? Harus mendaftar? Boleh memakai
                    komputer? Biasakan <b>senyum, salam, sapa</b>: tatap matanya, ucapkan
                    salam, tanyakan apa yang bisa dibantu, dan jelaskan singkat layanan yang
                    tersedia. Jika Anda sedang melayani orang lain, beri isyarat bahwa Anda
                    melihatnya dan akan segera membantu.</p>
                    """,
                ),
                ("heading", "Wawancara referensi: pertanyaan di balik pertanyaan"),
                (
                    "paragraph",
                    """
                    <p>Pemustaka jarang menyampaikan kebutuhannya secara lengkap. Seorang
                    bapak yang bertanya "ada buku tentang kambing?" mungkin sebenarnya ingin
                    tahu cara mengobati kambingnya yang sakit, atau cara mengajukan bantuan
                    ternak. Wawancara referensi membantu menemukan kebutuhan sebenarnya:</p>
                    <ul>
                    <li>Ajukan pertanyaan terbuka: "Untuk keperluan apa, Pak?"</li>
                    <li>Ulangi dengan kata-kata Anda: "Jadi Bapak ingin tahu cara merawat
                    kambing yang diare, ya?"</li>
                    <li>Tawarkan beberapa sumber: buku, situs dinas peternakan, atau
                    penyuluh di kecamatan.</li>
                    <li>Tutup dengan memastikan: "Apakah ini sudah menjawab?"</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Catat kebutuhan yang sering muncul di buku kecil di meja layanan.
                    Daftar itu menunjukkan koleksi apa yang perlu ditambah dan kelas apa
                    yang perlu diadakan.</p>
                    """,
                ),
                ("heading", "Melayani di depan komputer"),
                (
                    "paragraph",
                    """
                    <p>Banyak pemustaka datang untuk memakai komputer dan internet tetapi
                    malu mengaku belum bisa. Tawarkan bantuan tanpa membuatnya merasa bodoh,
                    duduk di sampingnya, dan biarkan ia sendiri yang mengetik serta
                    memegang tetikus. Hindari istilah teknis yang tidak perlu. Jika antrean
                    panjang, tetapkan batas waktu pemakaian yang adil, misalnya satu jam,
                    dan umumkan aturan itu dengan jelas sejak awal.</p>
                    <p>Ingat pula pemustaka dengan kebutuhan khusus: lansia yang sulit
                    membaca tulisan kecil, penyandang disabilitas, atau ibu yang datang
                    bersama anak kecil. Perbesar tampilan layar, sediakan kursi yang
                    nyaman, dan sediakan sudut bermain agar ibu bisa belajar dengan
                    tenang. Pelayanan yang memperhatikan kebutuhan kelompok seperti ini
                    adalah wujud nyata perpustakaan yang inklusif.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menangani keluhan dengan tenang",
            "slug": "menangani-keluhan",
            "minutes": 20,
            "body": [
                ("heading", "Keluhan adalah hadiah"),
                (
                    "paragraph",
                    """
                    <p>Pemustaka yang mengeluh masih peduli dan memberi kesempatan untuk
                    memperbaiki. Yang lebih berbahaya adalah pemustaka yang kecewa lalu
                    diam-diam tidak datang lagi dan menceritakan kekecewaannya kepada
                    tetangga. Keluhan yang sering muncul di perpustakaan antara lain
                    internet lambat, komputer penuh, buku yang dicari tidak ada, petugas
                    tidak di tempat, atau ruang yang panas dan bising.</p>
                    """,
                ),
                ("heading", "Empat langkah menangani keluhan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Dengarkan sampai selesai.</b> Jangan memotong atau langsung
                    membela diri. Tunjukkan bahwa Anda menyimak.</li>
                    <li><b>Akui dan minta maaf</b> atas ketidaknyamanannya, walaupun
                    penyebabnya di luar kendali Anda: "Mohon maaf, Ibu sudah menunggu
                    lama."</li>
                    <li><b>Selesaikan atau beri pilihan.</b> Jika internet sedang lambat,
                    tawarkan mencetak formulir yang dibutuhkan atau menyimpan pekerjaannya
                    untuk dilanjutkan nanti. Jika belum bisa diselesaikan, katakan kapan
                    dan bagaimana akan ditindaklanjuti.</li>
                    <li><b>Ucapkan terima kasih</b> karena telah menyampaikan keluhan, lalu
                    tepati janji tindak lanjutnya.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Jangan pernah berjanji sesuatu yang bukan wewenang Anda, misalnya
                    "bulan depan pasti ada komputer baru". Janji yang tidak ditepati
                    menimbulkan keluhan yang lebih besar.</p>
                    """,
                ),
                ("heading", "Belajar dari keluhan"),
                (
                    "paragraph",
                    """
                    <p>Sediakan buku atau kotak saran dan catat setiap keluhan beserta
                    tindak lanjutnya. Bahas catatan itu dalam rapat staf setiap bulan:
                    keluhan yang sama berulang kali menunjukkan masalah yang perlu
                    diselesaikan bersama, misalnya jadwal pemakaian komputer atau
                    penambahan bandwidth. Data keluhan juga berguna sebagai bukti saat
                    mengajukan anggaran: "dalam tiga bulan, 42 pemustaka mengeluh harus
                    antre komputer lebih dari satu jam" adalah alasan yang kuat untuk
                    menambah perangkat.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Keluhan terakhir yang Anda terima",
                    """
                    <p>Ingat satu keluhan pemustaka yang pernah Anda terima atau lihat di
                    perpustakaan Anda. Bandingkan cara keluhan itu ditangani dengan empat
                    langkah di atas.</p>
                    <p>Tuliskan keluhannya, bagaimana waktu itu ditangani, dan apa yang akan
                    Anda lakukan berbeda jika keluhan yang sama datang lagi.</p>
                    """,
                    30,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Pelayanan Prima",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang sikap melayani, wawancara referensi dan keluhan.",
        "questions": [
            (
                "single_choice",
                'Seorang bapak bertanya, "Ada buku tentang kambing?" Apa tanggapan terbaik?',
                [
                    (
                        '"Untuk keperluan apa, Pak? Merawat, beternak, atau yang lain?"',
                        True,
                        "Tepat. Pertanyaan terbuka menemukan kebutuhan sebenarnya.",
                    ),
                    (
                        '"Ada, di rak 600."',
                        False,
                        "Menunjuk rak belum tentu menjawab kebutuhannya.",
                    ),
                    (
                        '"Tidak ada, Pak."',
                        False,
                        "Masih ada sumber lain: situs dinas peternakan atau penyuluh.",
                    ),
                ],
                "Wawancara referensi mencari pertanyaan di balik pertanyaan.",
            ),
            (
                "multiple_choice",
                "Mana yang termasuk unsur pelayanan prima?",
                [
                    ("Kemampuan menguasai layanan", True, "Benar."),
                    ("Sikap ramah dan tidak membeda-bedakan", True, "Benar."),
                    ("Gedung yang megah", False, "Pelayanan prima tidak bergantung pada gedung."),
                    ("Tanggung jawab menepati janji", True, "Benar."),
                ],
                "",
            ),
            (
                "true_false",
                "Saat menerima keluhan, sebaiknya petugas segera menjelaskan bahwa itu bukan "
                "kesalahannya.",
                False,
                "Betul. Dengarkan dulu sampai selesai dan akui ketidaknyamanannya.",
                "Membela diri membuat pemustaka merasa tidak didengar. Dengarkan dulu.",
            ),
            (
                "single_choice",
                "Internet sedang lambat dan seorang ibu mengeluh karena formulir "
                "pendaftarannya tidak bisa dikirim. Apa langkah yang paling tepat?",
                [
                    (
                        "Minta maaf, lalu tawarkan menyimpan isiannya dan mengirim ulang "
                        "bersama ketika jaringan lebih lancar",
                        True,
                        "Tepat: mengakui, lalu memberi pilihan penyelesaian.",
                    ),
                    (
                        "Menyarankan ibu itu pulang dan mencoba di warnet",
                        False,
                        "Itu melepas tanggung jawab, bukan menyelesaikan masalah.",
                    ),
                    (
                        "Berjanji bahwa bulan depan internet pasti lebih cepat",
                        False,
                        "Jangan menjanjikan hal di luar wewenang Anda.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                'Tiga kebiasaan menyambut pemustaka sering disingkat "3S". Sebutkan ketiganya.',
                "keywords",
                ["senyum", "salam", "sapa"],
                "Tepat: senyum, salam, sapa.",
                "3S adalah senyum, salam dan sapa.",
            ),
        ],
    },
}

MODULE_MARKETING = {
    "title": "Memasarkan Layanan Perpustakaan",
    "slug": "pemasaran-perpustakaan",
    "summary": (
        "Mengenali kelompok sasaran, merancang layanan yang mereka butuhkan, dan "
        "mempromosikannya dengan biaya kecil."
    ),
    "lessons": [
        {
            "title": "Mengenali sasaran dan kebutuhannya",
            "slug": "sasaran-dan-kebutuhan",
            "minutes": 20,
            "body": [
                ("heading", "Pemasaran dimulai dari mendengar"),
                (
                    "paragraph",
                    """
                    <p>Memasarkan perpustakaan bukan sekadar memasang spanduk. Pemasaran
                    adalah proses mengenali siapa yang ingin kita layani, apa kebutuhannya,
                    lalu menawarkan layanan yang menjawab kebutuhan itu dengan cara yang
                    mereka pahami. Perpustakaan yang hanya menunggu pengunjung akan
                    didatangi orang yang memang sudah gemar membaca; perpustakaan yang
                    memasarkan layanannya menjangkau warga yang belum pernah datang.</p>
                    """,
                ),
                ("heading", "Membagi masyarakat menjadi kelompok sasaran"),
                (
                    "paragraph",
                    """
                    <p>Program PerpuSeru menaruh perhatian khusus pada tiga kelompok:
                    <b>perempuan</b>, <b>pemuda</b> dan <b>pelaku usaha mikro</b>.
                    Kebutuhan masing-masing berbeda. Ibu rumah tangga mungkin ingin belajar
                    memasarkan olahan pangan secara online; pemuda mencari informasi
                    lowongan kerja dan beasiswa; pelaku usaha mikro butuh informasi
                    perizinan, permodalan dan cara mengemas produk. Pelajar, guru, petani
                    dan lansia juga bisa menjadi kelompok sasaran tersendiri.</p>
                    <p>Pilih dua atau tiga kelompok yang paling mungkin Anda layani dengan
                    baik tahun ini, daripada mencoba melayani semua orang sekaligus. Untuk
                    setiap kelompok, catat di mana mereka biasa berkumpul, kapan mereka
                    punya waktu luang, dan siapa tokoh yang mereka dengarkan.</p>
                    """,
                ),
                ("heading", "Cara mengetahui kebutuhan"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Survei singkat</b> di buku tamu atau formulir online, dengan tiga
                    sampai lima pertanyaan saja.</li>
                    <li><b>Diskusi kelompok terarah</b> bersama PKK, Karang Taruna atau
                    kelompok usaha, selama satu jam.</li>
                    <li><b>Data yang sudah ada</b>: profil desa, data BPS kecamatan dalam
                    angka, dan catatan pertanyaan pemustaka.</li>
                    <li><b>Obrolan sehari-hari</b> di pasar, posyandu atau pengajian.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Tanyakan masalah, bukan keinginan. Pertanyaan "Apa yang paling sulit
                    dalam usaha Ibu saat ini?" memberi jawaban yang jauh lebih berguna
                    daripada "Kegiatan apa yang Ibu inginkan di perpustakaan?"</p>
                    """,
                ),
                (
                    "practice_task",
                    "Profil satu kelompok sasaran",
                    """
                    <p>Pilih satu kelompok sasaran di wilayah perpustakaan Anda. Bicaralah
                    dengan tiga orang dari kelompok itu minggu ini dan tanyakan masalah
                    terbesar yang mereka hadapi.</p>
                    <p>Tuliskan kelompok yang Anda pilih, masalah yang mereka sebutkan, dan
                    satu layanan perpustakaan yang bisa membantu.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Bauran pemasaran perpustakaan",
            "slug": "bauran-pemasaran",
            "minutes": 20,
            "body": [
                ("heading", "Empat P untuk perpustakaan"),
                (
                    "paragraph",
                    """
                    <p>Dunia usaha mengenal bauran pemasaran 4P: produk, harga, tempat dan
                    promosi. Konsep yang sama bisa dipakai untuk perpustakaan, dengan
                    sedikit penyesuaian.</p>
                    <ul>
                    <li><b>Produk</b> adalah layanan yang ditawarkan: peminjaman buku,
                    akses internet, kelas komputer, pendampingan usaha, ruang diskusi.
                    Rumuskan dari sudut manfaat: bukan "kelas Excel", melainkan "kelas
                    menghitung untung rugi usaha".</li>
                    <li><b>Harga</b> bagi pemustaka memang gratis, tetapi mereka tetap
                    membayar dengan waktu, ongkos perjalanan dan rasa sungkan. Tekan biaya
                    itu dengan jam buka yang sesuai dan suasana yang ramah.</li>
                    <li><b>Tempat</b> mencakup lokasi dan cara menjangkau: layanan keliling,
                    pojok baca di balai desa, atau kelas di rumah ketua kelompok.</li>
                    <li><b>Promosi</b> adalah cara memberi tahu dan mengajak, yang dibahas
                    di pelajaran berikutnya.</li>
                    </ul>
                    """,
                ),
                ("heading", "P kelima: orang"),
                (
                    "paragraph",
                    """
                    <p>Untuk layanan, unsur yang sering menentukan adalah <b>orang</b>:
                    petugas yang ramah dan cakap, relawan, serta pemustaka yang puas.
                    Pemustaka yang berhasil berkat perpustakaan, misalnya pemuda yang
                    mendapat pekerjaan setelah belajar membuat surat lamaran, adalah duta
                    pemasaran terbaik. Ajak mereka bercerita di kegiatan perpustakaan dan
                    di media sosial.</p>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Contoh nyata dari program: di Kotawaringin Barat, perpustakaan
                    daerah menjadi tempat lahirnya komunitas pecinta TI, komunitas UMKM dan
                    kelompok kerajinan. Komunitas itu kemudian ikut memasarkan perpustakaan
                    kepada anggotanya.</p>
                    """,
                ),
                ("heading", "Menyusun penawaran layanan"),
                (
                    "paragraph",
                    """
                    <p>Untuk setiap kelompok sasaran, tuliskan satu kalimat penawaran yang
                    menggabungkan kelima unsur itu. Contoh: "Setiap Sabtu pagi, ibu-ibu
                    pelaku usaha rumahan bisa belajar memotret dan menjual produk secara
                    online di perpustakaan, gratis, didampingi relawan Karang Taruna."
                    Kalimat seperti ini mudah diulang dari mulut ke mulut.</p>
                    <p>Setelah tiga bulan, tinjau lagi penawaran itu bersama kelompok
                    sasarannya. Apakah jam kegiatannya cocok? Apakah manfaatnya terasa?
                    Apa yang perlu diubah? Pemasaran adalah lingkaran yang terus berputar:
                    mendengar, menawarkan, melayani, lalu mendengar lagi. Layanan yang tidak
                    lagi dibutuhkan boleh dihentikan dan digantikan dengan yang baru.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Promosi dengan anggaran kecil",
            "slug": "promosi-anggaran-kecil",
            "minutes": 20,
            "body": [
                ("heading", "Promosi yang tepat sasaran"),
                (
                    "paragraph",
                    """
                    <p>Anggaran promosi perpustakaan biasanya kecil, bahkan tidak ada. Itu
                    tidak masalah, karena promosi yang paling efektif di desa dan kota kecil
                    justru yang murah: kabar dari orang yang dipercaya. Kuncinya adalah
                    memilih saluran yang benar-benar dipakai kelompok sasaran, lalu
                    menyampaikan pesan yang jelas manfaatnya.</p>
                    """,
                ),
                ("heading", "Saluran promosi yang terjangkau"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Grup WhatsApp</b> warga, sekolah dan kelompok usaha, dengan
                    izin admin grup.</li>
                    <li><b>Pengumuman di tempat ibadah, posyandu dan rapat PKK</b>, titipkan
                    kepada tokoh yang dipercaya.</li>
                    <li><b>Radio komunitas atau radio pemerintah daerah</b>, yang sering
                    membuka acara bincang-bincang gratis.</li>
                    <li><b>Media sosial perpustakaan</b> dan akun resmi pemerintah
                    kabupaten.</li>
                    <li><b>Poster dan brosur</b> di pasar, puskesmas, kantor desa dan
                    sekolah.</li>
                    <li><b>Layanan keliling dan pameran</b> pada acara desa atau hari besar
                    nasional.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Tanyakan kepada setiap peserta baru dari mana ia tahu tentang kegiatan
                    perpustakaan. Dalam sebulan Anda akan tahu saluran mana yang layak
                    diteruskan dan mana yang bisa dihentikan.</p>
                    """,
                ),
                ("heading", "Kalender promosi"),
                (
                    "paragraph",
                    """
                    <p>Susun kalender promosi tiga bulan: kegiatan apa, untuk siapa, melalui
                    saluran apa, kapan diumumkan, dan siapa yang bertanggung jawab.
                    Umumkan kegiatan dua minggu sebelumnya, ingatkan lagi dua hari
                    sebelumnya, dan bagikan hasilnya sesudah kegiatan. Manfaatkan momen
                    yang sudah ada, seperti Hari Kunjung Perpustakaan setiap 14 September,
                    Hari Kartini, atau awal tahun ajaran baru.</p>
                    <p>Jangan lupa promosi yang paling kuat: pengalaman pemustaka sendiri.
                    Minta izin kepada pemustaka yang merasakan manfaat layanan untuk
                    menceritakan pengalamannya dalam unggahan, siaran radio atau pertemuan
                    warga. Satu cerita nyata dari tetangga lebih meyakinkan daripada sepuluh
                    brosur.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Rencana promosi satu kegiatan",
                    """
                    <p>Pilih satu layanan atau kegiatan yang ingin Anda promosikan bulan
                    depan. Tentukan kelompok sasarannya, dua saluran promosi yang paling
                    sesuai, dan jadwal pengumumannya.</p>
                    <p>Tuliskan rencana itu di sini, termasuk siapa yang akan membantu Anda
                    menyebarkannya.</p>
                    """,
                    30,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Memasarkan Layanan Perpustakaan",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang sasaran, bauran pemasaran dan promosi.",
        "questions": [
            (
                "multiple_choice",
                "Tiga kelompok sasaran yang mendapat perhatian khusus dalam program "
                "PerpuSeru adalah:",
                [
                    ("Perempuan", True, "Benar."),
                    ("Pemuda", True, "Benar."),
                    ("Pelaku usaha mikro", True, "Benar."),
                    (
                        "Pegawai bank",
                        False,
                        "Bukan kelompok sasaran khusus program.",
                    ),
                ],
                "",
            ),
            (
                "single_choice",
                "Rumusan layanan mana yang paling menonjolkan manfaat bagi pemustaka?",
                [
                    (
                        "Kelas menghitung untung rugi usaha",
                        True,
                        "Tepat, langsung menyebut manfaatnya.",
                    ),
                    (
                        "Kelas Microsoft Excel tingkat dasar",
                        False,
                        "Menyebut alat, belum menyebut manfaat.",
                    ),
                    (
                        "Pelatihan aplikasi perkantoran",
                        False,
                        "Terlalu umum bagi pelaku usaha.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                'Karena layanan perpustakaan gratis, unsur "harga" dalam bauran pemasaran '
                "tidak perlu dipikirkan.",
                False,
                "Betul. Pemustaka tetap membayar dengan waktu, ongkos dan rasa sungkan.",
                "Pemustaka tetap membayar dengan waktu, ongkos perjalanan dan rasa sungkan.",
            ),
            (
                "single_choice",
                "Bagaimana cara paling murah untuk mengetahui saluran promosi yang berhasil?",
                [
                    (
                        "Menanyakan kepada peserta baru dari mana mereka tahu kegiatan itu",
                        True,
                        "Tepat, dan bisa dilakukan setiap kegiatan.",
                    ),
                    (
                        "Menyewa lembaga survei",
                        False,
                        "Mahal dan tidak perlu untuk pertanyaan sesederhana ini.",
                    ),
                    (
                        "Memasang spanduk lebih banyak",
                        False,
                        "Itu menambah promosi, bukan mengukur hasilnya.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Hari Kunjung Perpustakaan diperingati setiap tanggal berapa? Tulis tanggal "
                "dan bulannya.",
                "keywords",
                ["14", "september"],
                "Tepat, 14 September.",
                "Hari Kunjung Perpustakaan jatuh pada 14 September.",
            ),
        ],
    },
}

CURRICULUM = {
    "title": "Marketing & Pelayanan Prima",
    "slug": "marketing-pelayanan-prima",
    "summary": (
        "Melayani pemustaka dengan sepenuh hati dan memasarkan layanan perpustakaan kepada "
        "warga yang belum pernah datang."
    ),
    "description": """
        <p>Perpustakaan yang bertransformasi bukan lagi tempat yang sepi dan kaku. Kurikulum
        ini melatih staf perpustakaan kabupaten/kota untuk memberi pelayanan prima,
        mengenali kebutuhan kelompok sasaran, dan memasarkan layanan dengan cara yang murah
        dan tepat sasaran.</p>
    """,
    "courses": [
        {
            "title": "Pelayanan Prima dan Pemasaran Perpustakaan",
            "slug": "pelayanan-prima",
            "summary": (
                "Pelatihan tiga hari bagi staf perpustakaan kabupaten/kota: sikap melayani, "
                "menangani keluhan, mengenali sasaran dan mempromosikan layanan."
            ),
            "description": """
                <p>Disusun dari pelatihan Layanan Prima yang diadakan bagi staf perpustakaan
                mitra PerpuSeru. Modul pertama membahas pelayanan di meja layanan dan di
                depan komputer; modul kedua membahas pemasaran: kelompok sasaran, bauran
                pemasaran dan promosi dengan anggaran kecil.</p>
            """,
            "tier": "regency",
            "estimated_hours": "18",
            "tags": ["layanan", "pemasaran", "promosi"],
            "modules": [MODULE_SERVICE, MODULE_MARKETING],
        },
    ],
}
