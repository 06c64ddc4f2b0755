"""Curriculum: Pelatihan Fasilitator (ToT) for kabupaten facilitators who mentor villages."""

MODULE_MENTORING = {
    "title": "Capaian Program dan Mentoring Berbasis Data",
    "slug": "capaian-dan-mentoring",
    "summary": (
        "Membaca capaian program dari data, lalu memakainya untuk mendampingi perpustakaan "
        "desa secara terarah."
    ),
    "lessons": [
        {
            "title": "Membaca capaian program",
            "slug": "membaca-capaian",
            "minutes": 20,
            "body": [
                ("heading", "Capaian sebagai titik berangkat"),
                (
                    "paragraph",
                    """
                    <p>Sebagai fasilitator kabupaten, Anda mendampingi beberapa perpustakaan
                    desa sekaligus. Agar pendampingan tidak sekadar kunjungan rutin, Anda
                    perlu tahu di mana posisi setiap perpustakaan: apa yang sudah dicapai,
                    apa yang tertinggal, dan dibandingkan dengan apa. Capaian program
                    adalah gambaran itu, disusun dari laporan bulanan perpustakaan desa,
                    kunjungan pendampingan, dan data layanan.</p>
                    """,
                ),
                ("heading", "Indikator yang lazim dipakai"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Layanan</b>: kunjungan per bulan, pemakai komputer dan internet,
                    dipilah menurut jenis kelamin dan kelompok umur.</li>
                    <li><b>Kegiatan pelibatan</b>: jumlah kegiatan, peserta, dan jenis
                    keterampilan yang dilatihkan.</li>
                    <li><b>Advokasi</b>: anggaran desa untuk perpustakaan, SK pengelola,
                    kesepakatan dengan mitra.</li>
                    <li><b>Dampak</b>: jumlah warga yang melaporkan mendapat pekerjaan,
                    pendapatan meningkat, usaha tumbuh, prestasi pendidikan, dan
                    sebagainya, disertai cerita dampak.</li>
                    <li><b>Sarana</b>: kondisi komputer dan internet.</li>
                    </ul>
                    """,
                ),
                ("heading", "Merah, kuning, hijau"),
                (
                    "paragraph",
                    """
                    <p>Banyak laporan program menampilkan capaian dengan warna: hijau jika
                    target tercapai, kuning jika mendekati, merah jika jauh tertinggal.
                    Warna membantu melihat gambaran besar dengan cepat, tetapi jangan
                    berhenti di situ. Merah pada jumlah pemakai internet bisa berarti
                    layanan yang lemah, tetapi bisa juga berarti modem rusak selama dua
                    minggu atau pengelola yang lupa mencatat. Tugas Anda mencari tahu
                    sebabnya.</p>
                    <p>Bandingkan juga capaian dari waktu ke waktu. Perpustakaan yang naik
                    dari merah ke kuning mungkin sedang berkembang pesat dan layak dipuji,
                    sedangkan perpustakaan yang turun dari hijau ke kuning perlu perhatian
                    sebelum terlambat.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Sebelum Pertemuan Belajar Sebaya, susun satu tabel capaian semua
                    perpustakaan desa yang Anda dampingi. Tabel itu menunjukkan siapa yang
                    bisa berbagi praktik baik dan topik apa yang perlu dibahas
                    bersama.</p>
                    """,
                ),
                ("heading", "Data yang bisa dipercaya"),
                (
                    "paragraph",
                    """
                    <p>Capaian hanya sebaik datanya. Periksa laporan yang janggal, misalnya
                    angka yang persis sama setiap bulan, atau jumlah peserta kegiatan yang
                    melebihi jumlah kursi. Tanyakan dengan ramah saat berkunjung, dan bantu
                    pengelola memperbaiki cara mencatatnya, bukan menegurnya.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Mentoring berbasis data",
            "slug": "mentoring-berbasis-data",
            "minutes": 20,
            "body": [
                ("heading", "Dari data ke percakapan"),
                (
                    "paragraph",
                    """
                    <p>Mentoring berbasis data berarti memakai data capaian untuk memilih
                    fokus pendampingan dan memulai percakapan, bukan untuk menghakimi.
                    Data menunjukkan <i>apa</i> yang terjadi; percakapan dengan pengelola
                    menemukan <i>mengapa</i> dan <i>apa yang bisa dilakukan</i>. Pengelola
                    yang merasa dinilai akan menutup diri; pengelola yang merasa dibantu
                    akan terbuka tentang hambatannya.</p>
                    """,
                ),
                ("heading", "Empat langkah mentoring"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Siapkan</b>: pelajari laporan terakhir, catatan kunjungan
                    sebelumnya, dan rencana tindak lanjut yang disepakati. Pilih satu atau
                    dua hal yang akan dibahas.</li>
                    <li><b>Tanyakan</b>: mulai dengan capaian yang baik, lalu tanyakan
                    dengan pertanyaan terbuka. "Pemakai internet perempuan naik dua kali
                    lipat, apa yang Ibu lakukan?" atau "Kelas komputer bulan ini tidak
                    berjalan, apa yang terjadi?"</li>
                    <li><b>Temukan jalan keluar bersama</b>: biarkan pengelola mengusulkan
                    lebih dulu, lalu tambahkan pengalaman dari desa lain.</li>
                    <li><b>Sepakati tindak lanjut</b>: langkah yang konkret, siapa yang
                    mengerjakan, kapan, dan bagaimana Anda akan membantu.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Bawalah data dalam bentuk yang mudah dipahami pengelola, misalnya
                    grafik sederhana kunjungan enam bulan terakhir. Melihat grafik sendiri
                    sering membuat pengelola menemukan polanya tanpa perlu dijelaskan.</p>
                    """,
                ),
                ("heading", "Membagi perhatian secara adil"),
                (
                    "paragraph",
                    """
                    <p>Waktu fasilitator terbatas. Data membantu Anda membagi perhatian:
                    perpustakaan yang tertinggal mungkin perlu kunjungan lebih sering,
                    sedangkan perpustakaan yang sudah mandiri cukup dihubungi lewat telepon
                    dan diajak menjadi narasumber bagi yang lain. Jangan hanya mengunjungi
                    perpustakaan yang menyenangkan dikunjungi.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Siapkan satu sesi mentoring",
                    """
                    <p>Pilih satu perpustakaan desa yang Anda dampingi. Pelajari data dan
                    laporan terakhirnya, lalu pilih satu hal yang akan Anda bahas pada
                    kunjungan berikutnya.</p>
                    <p>Tuliskan data apa yang Anda lihat, dua pertanyaan terbuka yang akan
                    Anda ajukan, dan tindak lanjut seperti apa yang Anda harapkan.</p>
                    """,
                    40,
                ),
            ],
        },
        {
            "title": "Kunjungan pendampingan dan rencana tindak lanjut",
            "slug": "kunjungan-pendampingan",
            "minutes": 20,
            "body": [
                ("heading", "Kunjungan yang terencana"),
                (
                    "paragraph",
                    """
                    <p>Kunjungan pendampingan adalah saat terpenting dalam hubungan
                    fasilitator dengan perpustakaan desa. Kunjungan yang baik diberitahukan
                    sebelumnya, punya tujuan yang jelas, dan berlangsung cukup lama untuk
                    melihat layanan secara langsung, biasanya dua sampai tiga jam. Jika
                    memungkinkan, datanglah saat ada kegiatan atau jam ramai, agar Anda
                    melihat perpustakaan sebagaimana warga melihatnya.</p>
                    <p>Sebelum berangkat, baca kembali laporan bulanan terakhir dan catatan
                    kunjungan sebelumnya, lalu tentukan satu atau dua hal yang ingin Anda
                    capai. Beri tahu pengelola topik itu sejak awal, agar ia bisa
                    menyiapkan data dan pertanyaannya sendiri. Kunjungan yang dipersiapkan
                    kedua pihak jauh lebih bermanfaat daripada kunjungan mendadak.</p>
                    """,
                ),
                ("heading", "Susunan kunjungan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Amati</b> layanan: pengunjung, pemakaian komputer, suasana,
                    papan informasi, buku tamu.</li>
                    <li><b>Tinjau</b> rencana tindak lanjut dari kunjungan sebelumnya: apa
                    yang sudah dikerjakan, apa yang belum, dan mengapa.</li>
                    <li><b>Bahas</b> satu atau dua topik utama dengan pendekatan mentoring
                    berbasis data.</li>
                    <li><b>Temui</b> kepala desa atau perangkat desa jika ada urusan
                    advokasi, sebaiknya bersama pengelola agar ia yang tampil di
                    depan.</li>
                    <li><b>Sepakati</b> rencana tindak lanjut dan tulis bersama sebelum
                    pulang.</li>
                    </ol>
                    """,
                ),
                ("heading", "Rencana tindak lanjut yang hidup"),
                (
                    "paragraph",
                    """
                    <p>Rencana tindak lanjut berisi sedikit langkah yang konkret: apa,
                    siapa, kapan, dan bantuan apa yang dibutuhkan dari Anda. Tiga langkah
                    yang dikerjakan lebih berharga daripada sepuluh langkah yang terlupa.
                    Tinggalkan salinannya di perpustakaan, simpan salinan Anda, dan
                    hubungi pengelola di tengah waktu antara dua kunjungan untuk menanyakan
                    perkembangannya.</p>
                    <p>Catat setiap kunjungan dalam catatan pendampingan: tanggal, yang
                    ditemui, temuan, kesepakatan. Catatan ini menjadi bahan laporan
                    kabupaten dan menjaga kesinambungan jika fasilitator berganti.</p>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Selain kunjungan, setiap sekitar empat bulan perpustakaan kabupaten
                    mengadakan Pertemuan Belajar Sebaya bagi perpustakaan desa yang
                    didampinginya. Rencana tindak lanjut dari kunjungan adalah bahan yang
                    baik untuk sesi capaian, hambatan dan solusi di pertemuan itu.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Capaian dan Mentoring",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang indikator, warna capaian dan mentoring berbasis data.",
        "questions": [
            (
                "single_choice",
                "Jumlah pemakai internet sebuah perpustakaan desa berwarna merah bulan ini. "
                "Apa langkah pertama yang tepat?",
                [
                    (
                        "Mencari tahu sebabnya bersama pengelola",
                        True,
                        "Tepat. Merah bisa berarti modem rusak atau pencatatan yang terlewat.",
                    ),
                    (
                        "Menegur pengelola di grup WhatsApp",
                        False,
                        "Teguran di depan umum membuat pengelola menutup diri.",
                    ),
                    (
                        "Mengabaikannya karena hanya satu bulan",
                        False,
                        "Sebabnya tetap perlu diketahui sebelum menjadi kebiasaan.",
                    ),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Mana yang termasuk langkah mentoring berbasis data?",
                [
                    ("Mempelajari laporan dan catatan kunjungan sebelumnya", True, "Benar."),
                    ("Mengajukan pertanyaan terbuka", True, "Benar."),
                    (
                        "Memberi nilai dan peringkat di depan perpustakaan lain",
                        False,
                        "Data dipakai untuk membantu, bukan menghakimi.",
                    ),
                    ("Menyepakati tindak lanjut yang konkret", True, "Benar."),
                ],
                "",
            ),
            (
                "true_false",
                "Perpustakaan yang sudah mandiri bisa diajak menjadi narasumber bagi "
                "perpustakaan desa lain.",
                True,
                "Betul, dan itu menghemat waktu fasilitator.",
                "Pernyataan ini benar: perpustakaan yang mandiri bisa berbagi praktik baik.",
            ),
            (
                "single_choice",
                "Rencana tindak lanjut yang baik berisi:",
                [
                    (
                        "Sedikit langkah konkret: apa, siapa, kapan, dan bantuan yang dibutuhkan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Daftar panjang semua hal yang perlu diperbaiki",
                        False,
                        "Daftar panjang cenderung terlupa.",
                    ),
                    (
                        "Target yang ditetapkan fasilitator sendiri",
                        False,
                        "Rencana disepakati bersama pengelola.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Kira-kira setiap berapa bulan perpustakaan kabupaten mengadakan Pertemuan "
                "Belajar Sebaya bagi perpustakaan desa? Tulis angkanya.",
                "exact",
                ["4", "empat", "4 bulan", "empat bulan"],
                "Tepat, sekitar setiap empat bulan.",
                "Pertemuan Belajar Sebaya diadakan sekitar setiap empat bulan.",
            ),
        ],
    },
}

MODULE_MARKETING = {
    "title": "Pemasaran Perpustakaan dan Pelibatan",
    "slug": "pemasaran-dan-pelibatan",
    "summary": (
        "Membantu perpustakaan desa memasarkan layanannya, memfasilitasi perencanaan bersama "
        "warga, dan menyiapkan Pertemuan Belajar Sebaya."
    ),
    "lessons": [
        {
            "title": "Membantu perpustakaan desa memasarkan layanannya",
            "slug": "memasarkan-perpustakaan-desa",
            "minutes": 20,
            "body": [
                ("heading", "Peran fasilitator dalam pemasaran"),
                (
                    "paragraph",
                    """
                    <p>Banyak pengelola perpustakaan desa bekerja keras menyiapkan layanan,
                    tetapi warga belum tahu apa yang ditawarkan. Fasilitator tidak
                    memasarkan perpustakaan desa menggantikan pengelolanya, melainkan
                    melatih dan mendampingi pengelola agar mampu melakukannya sendiri.
                    Ingat prinsipnya: kenali sasaran, tawarkan manfaat, pilih saluran yang
                    dipakai warga, dan ukur hasilnya.</p>
                    """,
                ),
                ("heading", "Pertanyaan yang membantu pengelola"),
                (
                    "paragraph",
                    """
                    <p>Saat berkunjung, ajukan pertanyaan yang membuat pengelola berpikir
                    tentang pemasarannya sendiri:</p>
                    <ul>
                    <li>Kelompok warga mana yang belum pernah datang? Mengapa?</li>
                    <li>Jika seorang ibu bertanya "apa gunanya perpustakaan buat saya?",
                    apa jawaban Ibu dalam satu kalimat?</li>
                    <li>Dari mana peserta kegiatan terakhir mengetahui kegiatan itu?</li>
                    <li>Siapa tokoh desa yang paling didengar warga, dan apakah ia pernah
                    diajak ke perpustakaan?</li>
                    </ul>
                    <p>Jawaban atas pertanyaan ini sering lebih berguna daripada saran
                    langsung, karena pengelola menemukan sendiri apa yang perlu
                    dilakukan.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Kumpulkan contoh promosi yang berhasil dari desa-desa yang Anda
                    dampingi: poster, unggahan, kalimat penawaran. Contoh nyata dari desa
                    tetangga lebih mudah ditiru daripada teori.</p>
                    """,
                ),
                ("heading", "Promosi bersama tingkat kabupaten"),
                (
                    "paragraph",
                    """
                    <p>Perpustakaan kabupaten bisa membantu dengan hal yang sulit dilakukan
                    desa sendirian: meliput kegiatan desa di media sosial kabupaten,
                    menghubungkan dengan radio daerah, mengundang media saat ada cerita
                    dampak yang kuat, dan memamerkan produk warga binaan di acara
                    kabupaten. Liputan seperti ini juga membesarkan hati pengelola dan
                    membuat kepala desa bangga pada perpustakaannya, sehingga lebih mudah
                    mendukungnya.</p>
                    <p>Pastikan setiap promosi bersama menyebut nama perpustakaan desa dan
                    pengelolanya, bukan hanya nama perpustakaan kabupaten. Tujuannya
                    membangun kepercayaan warga pada perpustakaan di desanya sendiri.</p>
                    <p>Di Pertemuan Belajar Sebaya, sediakan waktu khusus untuk berbagi
                    cara promosi. Minta dua atau tiga pengelola menunjukkan poster atau
                    unggahan yang berhasil mendatangkan peserta, lalu ajak yang lain
                    menyusun rencana promosinya sendiri untuk tiga bulan ke depan.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Memfasilitasi perencanaan bersama warga",
            "slug": "fasilitasi-perencanaan",
            "minutes": 20,
            "body": [
                ("heading", "Fasilitator, bukan penceramah"),
                (
                    "paragraph",
                    """
                    <p>Dalam pertemuan perencanaan kegiatan pelibatan di desa, tugas
                    fasilitator adalah membantu warga berpikir dan memutuskan bersama,
                    bukan memberi ceramah atau menentukan kegiatan. Fasilitator yang baik
                    banyak bertanya, mendengarkan, merangkum, dan memastikan semua orang
                    mendapat kesempatan bicara, termasuk perempuan dan pemuda yang sering
                    diam di forum desa.</p>
                    """,
                ),
                ("heading", "Alur pertemuan perencanaan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Pembukaan</b>: jelaskan tujuan pertemuan dan apa yang akan
                    dihasilkan, misalnya rencana dua kegiatan untuk tiga bulan.</li>
                    <li><b>Menggali masalah</b>: minta peserta menulis masalah atau
                    kebutuhan di kertas kecil, satu gagasan satu kertas, lalu tempel dan
                    kelompokkan bersama.</li>
                    <li><b>Memilih prioritas</b>: setiap peserta memberi tiga tanda pada
                    kelompok masalah yang paling penting baginya.</li>
                    <li><b>Merancang kegiatan</b>: untuk prioritas teratas, tentukan
                    bentuk kegiatan, sasaran, waktu, narasumber dan pembagian tugas.</li>
                    <li><b>Penutup</b>: bacakan kesepakatan, siapa mengerjakan apa, dan
                    kapan bertemu lagi.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Metode menulis di kertas kecil membuat peserta yang pemalu ikut
                    menyumbang gagasan, dan mencegah pertemuan dikuasai satu atau dua orang
                    yang paling berani bicara.</p>
                    """,
                ),
                ("heading", "Menghadapi situasi sulit"),
                (
                    "paragraph",
                    """
                    <p>Kadang ada peserta yang terus berbicara, pejabat yang ingin
                    menentukan semuanya, atau perdebatan yang memanas. Tetap tenang,
                    ingatkan tujuan pertemuan, dan kembalikan pertanyaan kepada kelompok:
                    "Bagaimana pendapat yang lain?" Ucapkan terima kasih atas gagasan
                    seseorang sebelum beralih ke orang berikutnya. Jika perlu, ajak bicara
                    empat mata saat istirahat.</p>
                    <p>Setelah pertemuan, dampingi pengelola menuliskan hasilnya menjadi
                    rencana kerja, dan pastikan kegiatan pertama segera berjalan selagi
                    semangat warga masih tinggi.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Rancang agenda pertemuan perencanaan",
                    """
                    <p>Rancang agenda pertemuan perencanaan selama dua jam untuk satu
                    perpustakaan desa yang Anda dampingi, dengan mengikuti alur di atas.
                    Tentukan siapa saja yang diundang.</p>
                    <p>Tuliskan agenda itu beserta cara Anda memastikan perempuan dan pemuda
                    ikut bersuara.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Menyiapkan Pertemuan Belajar Sebaya",
            "slug": "pertemuan-belajar-sebaya",
            "minutes": 20,
            "body": [
                ("heading", "Belajar dari sesama pengelola"),
                (
                    "paragraph",
                    """
                    <p>Pertemuan Belajar Sebaya (Peer Learning Meeting, PLM) mempertemukan
                    pengelola perpustakaan desa yang didampingi satu perpustakaan
                    kabupaten, biasanya satu sampai dua hari, sekitar setiap empat bulan.
                    Pesertanya pengelola perpustakaan desa, fasilitator, pendukung
                    perpustakaan, dan kadang kepala desa serta pengurus PKK. Tujuannya
                    saling belajar tentang keberhasilan, berbagi hambatan, dan mencari
                    solusi bersama, sekaligus menumbuhkan semangat dan kepercayaan
                    diri.</p>
                    """,
                ),
                ("heading", "Agenda yang lazim"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Capaian</b> setiap perpustakaan pada tiga strategi: pelibatan
                    masyarakat, layanan komputer dan internet, serta advokasi.</li>
                    <li><b>Hambatan dan masalah</b> yang dihadapi.</li>
                    <li><b>Solusi</b> yang dicari bersama melalui diskusi kelompok.</li>
                    <li>Jika perlu, sesi tentang <b>indikator pelaporan</b> atau
                    keterampilan tertentu.</li>
                    <li><b>Rencana tindak lanjut</b> setiap perpustakaan sampai pertemuan
                    berikutnya.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Minta setiap perpustakaan membawa satu cerita dampak dan satu masalah
                    yang belum terpecahkan. Cerita membangkitkan semangat; masalah memberi
                    bahan diskusi yang nyata.</p>
                    """,
                ),
                (
                    "paragraph",
                    """
                    <p>Saat sesi solusi, jangan terburu-buru memberi jawaban sebagai
                    fasilitator. Tanyakan dulu kepada peserta: "Siapa yang pernah menghadapi
                    masalah seperti ini? Apa yang Anda lakukan?" Solusi dari sesama
                    pengelola desa lebih mudah diterima dan diterapkan karena lahir dari
                    keadaan yang serupa.</p>
                    """,
                ),
                ("heading", "Persiapan fasilitator"),
                (
                    "paragraph",
                    """
                    <p>Satu bulan sebelumnya, kirim undangan dan format presentasi capaian
                    yang sederhana, misalnya tiga slide atau satu lembar poster. Susun tabel
                    capaian semua perpustakaan dari laporan bulanan, dan pilih dua atau tiga
                    perpustakaan yang praktik baiknya layak dibagikan. Siapkan daftar hadir
                    yang mencatat jenis kelamin dan asal perpustakaan, tanda pengenal, dan
                    sarana presentasi.</p>
                    <p>Pertemuan tingkat regional dan nasional juga pernah diadakan, seperti
                    di Bali pada Mei 2015 dengan sekitar 350 peserta, lengkap dengan
                    presentasi capaian, cerita dampak, kelas berbagi, lapak produk warga,
                    dan penghargaan. Pertemuan kabupaten bisa meniru unsur-unsur itu dalam
                    skala kecil, misalnya dengan lapak produk warga binaan.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Pemasaran dan Pelibatan",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang pendampingan pemasaran, fasilitasi dan PLM.",
        "questions": [
            (
                "single_choice",
                "Peran fasilitator kabupaten dalam pemasaran perpustakaan desa adalah:",
                [
                    (
                        "Melatih dan mendampingi pengelola agar mampu memasarkan sendiri",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Memasarkan perpustakaan desa menggantikan pengelolanya",
                        False,
                        "Pengelola perlu mampu melakukannya sendiri.",
                    ),
                    (
                        "Membuat semua poster untuk setiap desa",
                        False,
                        "Itu membuat desa bergantung pada kabupaten.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Dalam pertemuan perencanaan, fasilitator sebaiknya menentukan kegiatan agar "
                "pertemuan cepat selesai.",
                False,
                "Betul. Fasilitator membantu warga memutuskan, bukan memutuskan untuk mereka.",
                "Fasilitator membantu warga berpikir dan memutuskan bersama.",
            ),
            (
                "multiple_choice",
                "Apa saja bagian agenda Pertemuan Belajar Sebaya yang lazim?",
                [
                    ("Capaian pada tiga strategi", True, "Benar."),
                    ("Hambatan dan masalah", True, "Benar."),
                    ("Solusi melalui diskusi", True, "Benar."),
                    (
                        "Pengumuman peringkat perpustakaan terburuk",
                        False,
                        "PLM untuk saling belajar, bukan mempermalukan.",
                    ),
                ],
                "",
            ),
            (
                "single_choice",
                "Mengapa peserta diminta menulis gagasan di kertas kecil dalam pertemuan "
                "perencanaan?",
                [
                    (
                        "Agar peserta yang pemalu ikut menyumbang gagasan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Agar fasilitator tidak perlu mendengarkan",
                        False,
                        "Fasilitator tetap mendengarkan dan merangkum.",
                    ),
                    ("Agar pertemuan tampak ramai", False, "Bukan itu tujuannya."),
                ],
                "",
            ),
            (
                "short_answer",
                "Apa singkatan bahasa Inggris yang dipakai untuk Pertemuan Belajar Sebaya?",
                "exact",
                ["PLM", "Peer Learning Meeting"],
                "Tepat, Peer Learning Meeting.",
                "Jawabannya PLM (Peer Learning Meeting).",
            ),
        ],
    },
}

MODULE_COMMUNICATION = {
    "title": "Berbicara di Depan Umum dan Menulis",
    "slug": "berbicara-dan-menulis",
    "summary": (
        "Berbicara dengan percaya diri, memfasilitasi sesi pelatihan, dan menulis laporan "
        "serta cerita yang dibaca orang."
    ),
    "lessons": [
        {
            "title": "Berbicara di depan umum dengan percaya diri",
            "slug": "berbicara-di-depan-umum",
            "minutes": 20,
            "body": [
                ("heading", "Gugup itu wajar"),
                (
                    "paragraph",
                    """
                    <p>Fasilitator sering harus berbicara di depan umum: membuka pelatihan,
                    mempresentasikan capaian di depan kepala dinas, atau menyampaikan
                    usulan di musrenbang. Hampir semua orang merasa gugup, termasuk
                    pembicara yang berpengalaman. Rasa gugup tidak perlu dihilangkan; ia
                    perlu dikelola dengan persiapan dan latihan.</p>
                    """,
                ),
                ("heading", "Menyusun isi: pembuka, isi, penutup"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Pembuka</b> menarik perhatian dan menjelaskan mengapa topik ini
                    penting bagi pendengar. Mulailah dengan cerita singkat, angka yang
                    mengejutkan, atau pertanyaan.</li>
                    <li><b>Isi</b> berisi paling banyak tiga pokok pikiran, masing-masing
                    dengan satu contoh atau data. Pendengar jarang mengingat lebih dari
                    tiga hal.</li>
                    <li><b>Penutup</b> mengulang pesan utama dan menyampaikan apa yang Anda
                    harapkan dari pendengar.</li>
                    </ul>
                    <p>Tulis pesan utama Anda dalam satu kalimat sebelum menyiapkan yang
                    lain. Jika Anda tidak bisa merumuskannya dalam satu kalimat, pendengar
                    pun akan bingung.</p>
                    """,
                ),
                ("heading", "Latihan dan penyampaian"),
                (
                    "paragraph",
                    """
                    <p>Latih presentasi dengan suara keras sedikitnya dua kali, sebaiknya di
                    depan rekan yang mau memberi masukan, dan ukur waktunya. Saat tampil,
                    berdirilah tegak, tatap pendengar bergantian di berbagai sudut ruangan,
                    bicaralah sedikit lebih lambat dari biasanya, dan beri jeda setelah
                    kalimat penting. Gunakan bahasa yang dipahami pendengar; hindari
                    singkatan program yang tidak mereka kenal.</p>
                    <p>Slide hanya pembantu. Tulis sedikit kata dengan huruf besar, pakai
                    foto kegiatan dan grafik sederhana, dan jangan membacakan isi slide.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Datanglah lebih awal untuk mencoba proyektor dan mikrofon. Siapkan
                    juga versi tanpa listrik: lembar ringkasan yang bisa dibagikan jika
                    proyektor tidak menyala.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Presentasi capaian tiga menit",
                    """
                    <p>Siapkan presentasi tiga menit tentang capaian perpustakaan desa yang
                    Anda dampingi untuk kepala dinas, dengan pembuka, tiga pokok pikiran,
                    dan penutup. Latih di depan seorang rekan.</p>
                    <p>Tuliskan pesan utama Anda dalam satu kalimat, tiga pokok pikirannya,
                    dan masukan yang Anda terima dari rekan.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Memfasilitasi sesi pelatihan",
            "slug": "memfasilitasi-pelatihan",
            "minutes": 20,
            "body": [
                ("heading", "Orang dewasa belajar dari pengalaman"),
                (
                    "paragraph",
                    """
                    <p>Peserta pelatihan SPP dan TIK adalah orang dewasa: pengelola
                    perpustakaan, kepala desa, anggota BPD, pengurus PKK dan pemuda. Mereka
                    datang dengan pengalaman, ingin tahu manfaat langsung dari apa yang
                    dipelajari, dan cepat bosan jika hanya mendengarkan ceramah. Sesi yang
                    baik menggabungkan sedikit penjelasan dengan banyak latihan, diskusi
                    dan berbagi pengalaman.</p>
                    <p>Ingat pula bahwa peserta datang dengan kemampuan yang berbeda-beda.
                    Sebagian sudah terbiasa dengan komputer dan rapat resmi, sebagian lagi
                    baru pertama kali mengikuti pelatihan. Tugas fasilitator adalah
                    memastikan setiap peserta pulang dengan sesuatu yang bisa langsung
                    dipraktikkan.</p>
                    """,
                ),
                ("heading", "Susunan satu sesi"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Hubungkan</b>: mulai dari pengalaman peserta. "Siapa yang pernah
                    mengajukan usulan ke musyawarah desa? Apa yang terjadi?"</li>
                    <li><b>Jelaskan</b> konsep inti secara singkat, paling lama lima belas
                    menit, dengan contoh dari desa.</li>
                    <li><b>Praktikkan</b>: peserta mencoba sendiri, misalnya menyusun pesan
                    advokasi atau membuat surel, dalam kelompok kecil.</li>
                    <li><b>Refleksikan</b>: apa yang dipelajari dan bagaimana menerapkannya
                    di perpustakaan masing-masing.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Dalam sesi komputer, pasangkan peserta yang sudah mahir dengan yang
                    belum, dan minta yang mahir hanya memberi petunjuk, tidak mengambil alih
                    tetikus.</p>
                    """,
                ),
                ("heading", "Mengelola waktu dan suasana"),
                (
                    "paragraph",
                    """
                    <p>Buat jadwal sesi dengan perkiraan waktu setiap bagian, dan siapkan
                    bagian yang bisa dipersingkat jika waktu habis. Gunakan permainan
                    pemecah kebekuan yang singkat dan berkaitan dengan materi, misalnya
                    "sebutkan satu informasi yang paling Anda butuhkan bulan ini". Perhatikan
                    tanda peserta lelah, seperti banyak yang memegang ponsel, dan beri
                    jeda atau kegiatan bergerak.</p>
                    <p>Di akhir hari, minta umpan balik singkat: satu hal yang paling
                    berguna dan satu hal yang membingungkan. Bahas yang membingungkan di
                    awal hari berikutnya. Sesudah pelatihan, simpan daftar hadir dan nilai
                    peserta dengan rapi, karena data itu menjadi dasar sertifikat dan
                    laporan pelatihan.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menulis laporan dan cerita yang dibaca orang",
            "slug": "menulis-laporan-dan-cerita",
            "minutes": 20,
            "body": [
                ("heading", "Tahu siapa pembacanya"),
                (
                    "paragraph",
                    """
                    <p>Fasilitator menulis untuk banyak pembaca: laporan pendampingan untuk
                    kepala dinas, ringkasan capaian untuk bupati atau DPRD, cerita dampak
                    untuk media sosial dan media lokal, serta surat kepada mitra. Setiap
                    pembaca punya waktu dan kepentingan yang berbeda. Sebelum menulis,
                    jawab dua pertanyaan: siapa yang akan membaca, dan apa yang saya ingin
                    ia ketahui atau lakukan setelah membaca?</p>
                    """,
                ),
                ("heading", "Yang terpenting di depan"),
                (
                    "paragraph",
                    """
                    <p>Gunakan susunan piramida terbalik: kesimpulan atau hal terpenting
                    di paragraf pertama, rincian dan latar belakang sesudahnya. Pejabat
                    yang hanya membaca paragraf pertama tetap mendapat pesan utamanya.
                    Contoh pembuka laporan: "Dalam triwulan ini, sembilan dari dua belas
                    perpustakaan desa dampingan mencapai target pemakai internet; tiga desa
                    terhambat kerusakan modem yang perlu anggaran perbaikan
                    Rp4,5 juta."</p>
                    """,
                ),
                ("heading", "Kalimat yang jelas"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li>Satu kalimat, satu gagasan. Usahakan kalimat di bawah dua puluh
                    kata.</li>
                    <li>Pakai kata kerja aktif: "Pengelola melatih 18 ibu" lebih jelas
                    daripada "telah dilaksanakan pelatihan kepada ibu-ibu".</li>
                    <li>Ganti kata umum dengan fakta: bukan "antusiasme peserta sangat
                    tinggi", melainkan "peserta meminta kelas tambahan setiap
                    Sabtu".</li>
                    <li>Jelaskan singkatan saat pertama kali dipakai.</li>
                    </ul>
                    <p>Untuk cerita dampak yang akan dibaca masyarakat, pakai bahasa
                    sehari-hari dan biarkan tokohnya berbicara melalui kutipan. Untuk
                    laporan resmi, tetap ringkas dan lampirkan data lengkap di bagian
                    akhir, bukan di badan laporan.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Baca ulang tulisan Anda keesokan harinya, dan minta satu orang yang
                    tidak terlibat dalam program membacanya. Jika ia bisa menceritakan
                    kembali isinya dengan benar, tulisan Anda sudah jelas.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Tulis ulang satu paragraf laporan",
                    """
                    <p>Ambil satu paragraf dari laporan pendampingan atau laporan kegiatan
                    yang pernah Anda tulis. Tulis ulang dengan susunan piramida terbalik,
                    kalimat pendek, kata kerja aktif dan fakta yang konkret.</p>
                    <p>Salin paragraf yang baru di sini dan sebutkan apa yang paling banyak
                    Anda ubah.</p>
                    """,
                    30,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Berbicara dan Menulis",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang presentasi, fasilitasi dan menulis.",
        "questions": [
            (
                "single_choice",
                "Berapa pokok pikiran yang disarankan untuk isi sebuah presentasi singkat?",
                [
                    ("Paling banyak tiga", True, "Tepat, pendengar jarang mengingat lebih."),
                    ("Sepuluh atau lebih", False, "Terlalu banyak untuk diingat pendengar."),
                    ("Sebanyak jumlah slide", False, "Jumlah slide tidak menentukan isi."),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Mana yang membuat sesi pelatihan untuk orang dewasa berhasil?",
                [
                    ("Memulai dari pengalaman peserta", True, "Benar."),
                    ("Memberi waktu praktik dalam kelompok kecil", True, "Benar."),
                    (
                        "Ceramah panjang tanpa jeda agar materi selesai",
                        False,
                        "Orang dewasa cepat bosan dengan ceramah panjang.",
                    ),
                    ("Meminta umpan balik di akhir hari", True, "Benar."),
                ],
                "",
            ),
            (
                "true_false",
                "Dalam susunan piramida terbalik, kesimpulan ditulis di akhir laporan.",
                False,
                "Betul, kesimpulan justru ditaruh di paragraf pertama.",
                "Piramida terbalik menaruh hal terpenting di paragraf pertama.",
            ),
            (
                "single_choice",
                "Kalimat laporan mana yang paling jelas?",
                [
                    (
                        "Pengelola melatih 18 ibu PKK membuat toko online",
                        True,
                        "Tepat: aktif, konkret, ada angkanya.",
                    ),
                    (
                        "Telah dilaksanakan kegiatan pelatihan dengan antusiasme sangat tinggi",
                        False,
                        "Pasif dan tanpa fakta yang bisa diperiksa.",
                    ),
                    (
                        "Kegiatan berjalan lancar dan sukses",
                        False,
                        "Terlalu umum: apa yang terjadi dan untuk siapa?",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Apa nama susunan tulisan yang menaruh hal terpenting di bagian paling awal?",
                "keywords",
                ["piramida", "terbalik"],
                "Tepat, piramida terbalik.",
                "Jawabannya piramida terbalik.",
            ),
        ],
    },
}

CURRICULUM = {
    "title": "Pelatihan Fasilitator (ToT)",
    "slug": "pelatihan-fasilitator",
    "summary": (
        "Penguatan fasilitator kabupaten/kota yang melatih dan mendampingi perpustakaan "
        "desa: capaian program, mentoring berbasis data, pemasaran, berbicara dan menulis."
    ),
    "description": """
        <p>Dalam alur program, pelatih nasional melatih fasilitator provinsi dan kabupaten,
        yang kemudian melatih dan mendampingi pengelola perpustakaan desa dan TBM.
        Kurikulum ini memperkuat keterampilan para fasilitator itu.</p>
    """,
    "courses": [
        {
            "title": "Penguatan Fasilitator Kabupaten",
            "slug": "penguatan-fasilitator",
            "summary": (
                "Bagi fasilitator dan pendukung perpustakaan kabupaten/kota yang mendampingi "
                "perpustakaan desa: dari membaca capaian sampai berbicara dan menulis."
            ),
            "description": """
                <p>Kursus ini mengandaikan Anda sudah menguasai isi pelatihan Strategi
                Pengembangan Perpustakaan Berbasis TIK, karena itulah yang akan Anda latihkan
                dan dampingkan di desa. Tiga modulnya membahas capaian program dan mentoring
                berbasis data; pemasaran perpustakaan dan pelibatan; serta berbicara di
                depan umum dan menulis.</p>
            """,
            "tier": "regency",
            "estimated_hours": "20",
            "tags": ["fasilitator", "mentoring", "pelibatan-masyarakat", "komunikasi"],
            "prerequisites": ["spp-berbasis-tik"],
            "modules": [MODULE_MENTORING, MODULE_MARKETING, MODULE_COMMUNICATION],
        },
    ],
}
