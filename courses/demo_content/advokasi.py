"""Curriculum: Advokasi & Mobilisasi Sosial (advocacy and partnerships for regency libraries)."""

MODULE_BASICS = {
    "title": "Dasar Advokasi Perpustakaan",
    "slug": "dasar-advokasi",
    "summary": (
        "Mengapa perpustakaan perlu advokasi, siapa yang perlu diyakinkan, dan bukti apa "
        "yang meyakinkan mereka."
    ),
    "lessons": [
        {
            "title": "Mengapa perpustakaan perlu advokasi",
            "slug": "mengapa-advokasi",
            "minutes": 15,
            "body": [
                ("heading", "Keberlanjutan tidak datang sendiri"),
                (
                    "paragraph",
                    """
                    <p>Komputer, internet, pelatihan dan pendampingan dari sebuah program
                    suatu saat akan berakhir. Yang menentukan apakah perpustakaan tetap
                    hidup sesudahnya adalah dukungan dari pemerintah daerah, pemerintah
                    desa, dunia usaha dan masyarakat: anggaran untuk internet dan
                    perawatan komputer, staf yang tidak berganti setiap tahun, serta
                    peraturan yang menjamin keberadaan perpustakaan. Dukungan itu tidak
                    datang dengan sendirinya; ia perlu diperjuangkan. Itulah advokasi.</p>
                    <p>Advokasi adalah upaya terencana untuk memengaruhi keputusan orang
                    yang berwenang, agar kebijakan dan anggarannya mendukung perpustakaan.
                    Advokasi bukan meminta-minta dan bukan demonstrasi, melainkan
                    meyakinkan dengan bukti dan hubungan baik.</p>
                    """,
                ),
                ("heading", "Apa yang bisa dicapai"),
                (
                    "paragraph",
                    """
                    <p>Pengalaman PerpuSeru menunjukkan bahwa advokasi membuahkan hasil.
                    Dari 34 perpustakaan mitra tahap pertama, hampir 80 persen mendapat
                    kenaikan anggaran dari pemerintah daerah setiap tahun, dengan kenaikan
                    antara 100 sampai 200 persen. Hasil advokasi lain yang lazim dicapai
                    antara lain:</p>
                    <ul>
                    <li>nota kesepahaman (MoU) dengan dinas, perguruan tinggi atau
                    perusahaan;</li>
                    <li>peraturan daerah atau peraturan bupati tentang
                    perpustakaan;</li>
                    <li>alokasi Dana Desa untuk perpustakaan desa, yang didorong oleh
                    perpustakaan kabupaten;</li>
                    <li>replikasi mandiri: kabupaten memperluas program ke desa-desa baru
                    dengan anggarannya sendiri.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Advokasi adalah salah satu dari empat strategi pokok program, bersama
                    peningkatan kapasitas staf, penyediaan fasilitas TIK, serta monitoring
                    dan evaluasi. Ketiganya saling menguatkan: data monitoring menjadi bukti
                    advokasi.</p>
                    """,
                ),
                ("heading", "Advokasi adalah pekerjaan bersama"),
                (
                    "paragraph",
                    """
                    <p>Advokasi tidak bisa dilakukan kepala perpustakaan sendirian. Staf
                    layanan mengumpulkan data dan cerita, fasilitator membantu perpustakaan
                    desa melakukan advokasi di desanya, dan pemustaka yang merasakan
                    manfaat menjadi saksi yang paling meyakinkan. Pelajaran-pelajaran
                    berikutnya membahas langkah-langkahnya: memetakan pemangku kepentingan,
                    mengumpulkan bukti, menyampaikan pesan, dan membangun kemitraan.</p>
                    <p>Mulailah dengan menetapkan satu tujuan advokasi yang jelas untuk
                    tahun ini, misalnya "anggaran internet perpustakaan masuk APBD tahun
                    depan" atau "lima desa baru mengalokasikan Dana Desa untuk
                    perpustakaan". Tujuan yang jelas memudahkan memilih sasaran, pesan dan
                    waktu yang tepat, dan memudahkan menilai apakah advokasi berhasil.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Memetakan pemangku kepentingan",
            "slug": "pemetaan-pemangku-kepentingan",
            "minutes": 20,
            "body": [
                ("heading", "Siapa yang memutuskan, siapa yang memengaruhi"),
                (
                    "paragraph",
                    """
                    <p>Sebelum menyusun pesan, kenali dulu siapa yang perlu diyakinkan.
                    Pemangku kepentingan perpustakaan kabupaten antara lain bupati atau wali
                    kota, Sekretaris Daerah, Bappeda yang menyusun rencana pembangunan,
                    DPRD (terutama komisi yang membidangi pendidikan dan kebudayaan, serta
                    Badan Anggaran), kepala dinas perpustakaan, camat, kepala desa,
                    perusahaan yang memiliki program tanggung jawab sosial, perguruan
                    tinggi, media lokal, dan organisasi masyarakat.</p>
                    """,
                ),
                ("heading", "Matriks pengaruh dan kepentingan"),
                (
                    "paragraph",
                    """
                    <p>Tuliskan setiap pemangku kepentingan pada selembar kertas besar yang
                    dibagi empat kotak, menurut dua pertanyaan: seberapa besar
                    <b>pengaruhnya</b> terhadap keputusan, dan seberapa besar
                    <b>kepeduliannya</b> terhadap perpustakaan.</p>
                    <ul>
                    <li><b>Pengaruh besar, peduli</b>: sekutu utama. Libatkan secara rutin
                    dan minta mereka menjadi juru bicara.</li>
                    <li><b>Pengaruh besar, belum peduli</b>: sasaran utama advokasi.
                    Perlu pendekatan khusus dengan bukti yang sesuai minatnya.</li>
                    <li><b>Pengaruh kecil, peduli</b>: pendukung. Ajak menjadi relawan,
                    mitra kegiatan, atau penyampai cerita.</li>
                    <li><b>Pengaruh kecil, belum peduli</b>: cukup diberi informasi
                    berkala.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Cari tahu apa yang penting bagi setiap sasaran. Bupati yang sedang
                    menggalakkan UMKM akan lebih tertarik pada cerita pelaku usaha yang
                    tumbuh berkat perpustakaan daripada pada jumlah buku yang dipinjam.</p>
                    """,
                ),
                ("heading", "Dari peta ke rencana"),
                (
                    "paragraph",
                    """
                    <p>Peta pemangku kepentingan bukan dokumen sekali jadi. Perbarui setiap
                    enam bulan, karena pejabat berganti dan minat berubah. Untuk setiap
                    sasaran utama, catat siapa yang paling dekat dengannya dan bisa menjadi
                    jalan masuk, kapan waktu terbaik untuk bertemu, misalnya menjelang
                    musrenbang atau pembahasan anggaran, dan apa yang sudah pernah
                    disampaikan kepadanya. Catatan ini menjaga agar advokasi tetap
                    berlanjut walaupun staf perpustakaan berganti.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Petakan pemangku kepentingan perpustakaan Anda",
                    """
                    <p>Buat matriks pengaruh dan kepentingan untuk perpustakaan Anda dengan
                    sedikitnya delapan pemangku kepentingan. Pilih dua sasaran utama.</p>
                    <p>Tuliskan siapa dua sasaran utama itu, mengapa Anda memilihnya, dan
                    siapa yang bisa menjadi jalan masuk untuk menemui mereka.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Mengumpulkan bukti: data dan cerita dampak",
            "slug": "bukti-data-dan-cerita",
            "minutes": 20,
            "body": [
                ("heading", "Angka dan cerita saling melengkapi"),
                (
                    "paragraph",
                    """
                    <p>Pengambil keputusan diyakinkan oleh dua jenis bukti. Angka
                    menunjukkan skala: berapa orang yang dilayani, berapa kegiatan yang
                    diadakan, berapa pemakai internet setiap bulan. Cerita menunjukkan
                    makna: bagaimana hidup seseorang berubah karena perpustakaan. Angka
                    tanpa cerita terasa dingin, cerita tanpa angka dianggap kebetulan.
                    Advokasi yang kuat memakai keduanya.</p>
                    """,
                ),
                ("heading", "Data yang perlu dikumpulkan secara rutin"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li>Jumlah kunjungan per bulan, menurut jenis kelamin dan kelompok
                    umur.</li>
                    <li>Jumlah pemakai komputer dan internet.</li>
                    <li>Kegiatan yang diadakan, jumlah peserta dan jenis keterampilan yang
                    dilatihkan.</li>
                    <li>Mitra yang terlibat dan sumbangan mereka, dalam bentuk uang,
                    tempat, narasumber atau barang.</li>
                    <li>Dampak yang dilaporkan pemustaka: mendapat pekerjaan, pendapatan
                    meningkat, membuka lapangan kerja baru, prestasi pendidikan,
                    pengetahuan kesehatan, atau terbentuknya kelompok belajar.</li>
                    </ul>
                    <p>Data dari perpustakaan desa yang Anda dampingi juga termasuk capaian
                    perpustakaan kabupaten. Pastikan laporannya masuk tepat waktu dan
                    dengan format yang sama.</p>
                    <p>Sajikan data dengan sederhana. Satu grafik batang yang menunjukkan
                    kenaikan pemakai internet selama setahun lebih mudah dipahami daripada
                    tabel berhalaman-halaman. Bandingkan dengan hal yang dikenal pendengar:
                    "pemakai internet perpustakaan setiap bulan lebih banyak daripada
                    jumlah murid di tiga SMP negeri kecamatan ini".</p>
                    """,
                ),
                ("heading", "Cerita dampak yang meyakinkan"),
                (
                    "paragraph",
                    """
                    <p>Cerita dampak menggambarkan keadaan sebelum, peran perpustakaan, dan
                    perubahan sesudahnya, dengan nama, tempat dan angka yang bisa diperiksa.
                    Program ini mengumpulkan banyak cerita seperti itu, misalnya pemuda di
                    Desa Tlogosih, Demak, yang merintis usaha kaos sablon, dan ibu-ibu di
                    Desa Tianyar Barat, Bali, yang memasarkan dupa herbal. Cerita seperti
                    ini membuat pejabat melihat perpustakaan sebagai bagian dari
                    pembangunan ekonomi, bukan sekadar tempat membaca.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Mintalah izin tertulis sebelum memakai nama dan foto pemustaka dalam
                    bahan advokasi, dan tunjukkan hasil tulisannya kepada yang
                    bersangkutan sebelum disebarkan.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Dasar Advokasi",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang tujuan advokasi, pemetaan dan bukti.",
        "questions": [
            (
                "single_choice",
                "Pengertian advokasi yang paling tepat adalah:",
                [
                    (
                        "Upaya terencana memengaruhi keputusan pihak berwenang agar mendukung "
                        "perpustakaan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Meminta sumbangan buku kepada warga",
                        False,
                        "Itu penggalangan koleksi, bukan memengaruhi kebijakan.",
                    ),
                    (
                        "Mengadakan unjuk rasa di depan kantor bupati",
                        False,
                        "Advokasi perpustakaan meyakinkan dengan bukti dan hubungan baik.",
                    ),
                ],
                "",
            ),
            (
                "single_choice",
                "Dalam matriks pemangku kepentingan, pihak dengan pengaruh besar tetapi belum "
                "peduli pada perpustakaan adalah:",
                [
                    ("Sasaran utama advokasi", True, "Tepat, di sinilah upaya dipusatkan."),
                    ("Pihak yang diabaikan saja", False, "Pengaruhnya terlalu besar untuk itu."),
                    ("Sekutu utama", False, "Sekutu utama sudah peduli."),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Mana yang termasuk data dampak yang dilaporkan pemustaka?",
                [
                    ("Mendapat pekerjaan", True, "Benar."),
                    ("Pendapatan meningkat", True, "Benar."),
                    (
                        "Jumlah rak buku di perpustakaan",
                        False,
                        "Itu data sarana, bukan dampak bagi pemustaka.",
                    ),
                    ("Terbentuknya kelompok belajar sebaya", True, "Benar."),
                ],
                "",
            ),
            (
                "true_false",
                "Cerita dampak yang kuat menyebut nama, tempat dan perubahan yang bisa diperiksa.",
                True,
                "Betul, rincian yang bisa diperiksa membuat cerita dipercaya.",
                "Pernyataan ini benar: rincian yang bisa diperiksa membuat cerita dipercaya.",
            ),
            (
                "short_answer",
                "Singkatan apa yang dipakai untuk nota kesepahaman antara perpustakaan dan "
                "mitranya?",
                "exact",
                ["MoU", "MOU", "nota kesepahaman"],
                "Tepat, Memorandum of Understanding.",
                "Jawabannya MoU (Memorandum of Understanding).",
            ),
        ],
    },
}

MODULE_MOBILISATION = {
    "title": "Mobilisasi Sosial dan Kemitraan",
    "slug": "mobilisasi-dan-kemitraan",
    "summary": (
        "Menyampaikan pesan kepada pengambil keputusan, membangun kemitraan, dan "
        "menggerakkan masyarakat agar ikut mendukung perpustakaan."
    ),
    "lessons": [
        {
            "title": "Menyampaikan pesan kepada pengambil keputusan",
            "slug": "menyampaikan-pesan",
            "minutes": 20,
            "body": [
                ("heading", "Pesan singkat: masalah, bukti, permintaan"),
                (
                    "paragraph",
                    """
                    <p>Pejabat punya waktu sempit dan banyak urusan. Pesan advokasi harus
                    bisa disampaikan dalam dua menit dan ditulis dalam satu halaman. Susun
                    dengan tiga bagian: <b>masalah</b> yang penting bagi pendengar,
                    <b>bukti</b> bahwa perpustakaan sudah atau bisa menjadi bagian dari
                    jalan keluarnya, dan <b>permintaan</b> yang jelas dan bisa
                    dilaksanakan.</p>
                    <p>Contoh: "Angka pengangguran muda di kabupaten kita masih tinggi.
                    Tahun lalu 215 pemuda belajar membuat surat lamaran dan mencari lowongan
                    di perpustakaan, dan 37 orang di antaranya sudah bekerja. Kami mohon
                    Bapak mendukung tambahan anggaran internet sebesar Rp24 juta per tahun
                    agar layanan ini bisa dibuka juga pada hari Sabtu."</p>
                    """,
                ),
                ("heading", "Memilih cara dan waktu yang tepat"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Audiensi</b> resmi dengan surat permohonan, membawa lembar
                    ringkasan satu halaman.</li>
                    <li><b>Kunjungan lapangan</b>: undang pejabat menyaksikan kegiatan
                    perpustakaan secara langsung dan berbicara dengan pemustaka.</li>
                    <li><b>Forum perencanaan</b>: musrenbang desa, kecamatan dan kabupaten,
                    tempat usulan anggaran dibahas.</li>
                    <li><b>Acara publik</b>, misalnya peluncuran layanan atau pameran hasil
                    karya pemustaka, yang diliput media.</li>
                    </ul>
                    <p>Waktu sangat menentukan. Usulan anggaran perlu masuk sebelum
                    rancangan anggaran disusun, bukan sesudah disahkan. Pelajari kalender
                    perencanaan dan penganggaran daerah Anda, dan tanyakan kepada Bappeda
                    kapan usulan dari dinas dikumpulkan. Di tingkat desa, usulan perlu
                    dibawa ke musyawarah desa yang menyusun rencana kerja pemerintah
                    desa.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Sesudah setiap pertemuan, kirim ucapan terima kasih dan ringkasan
                    kesepakatan dalam satu atau dua hari. Ringkasan tertulis memudahkan
                    menagih tindak lanjut secara sopan.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Tulis pesan advokasi dua menit",
                    """
                    <p>Pilih satu sasaran utama dari peta pemangku kepentingan Anda. Tulis
                    pesan advokasi untuknya dengan susunan masalah, bukti dan permintaan,
                    memakai data perpustakaan Anda sendiri.</p>
                    <p>Salin pesan itu di sini, lalu sebutkan kapan dan dengan cara apa
                    Anda akan menyampaikannya. Latih pesan itu dengan rekan kerja sampai
                    bisa Anda ucapkan dalam dua menit tanpa membaca.</p>
                    """,
                    40,
                ),
            ],
        },
        {
            "title": "Membangun kemitraan dengan swasta dan komunitas",
            "slug": "membangun-kemitraan",
            "minutes": 20,
            "body": [
                ("heading", "Kemitraan yang saling menguntungkan"),
                (
                    "paragraph",
                    """
                    <p>Pengembangan perpustakaan tidak bisa berkelanjutan jika hanya
                    dilakukan oleh perpustakaan sendiri. Dunia usaha, perguruan tinggi,
                    organisasi masyarakat dan komunitas bisa menyumbang tenaga, keahlian,
                    tempat, perangkat atau dana. Kemitraan yang bertahan lama adalah
                    kemitraan yang menguntungkan kedua pihak: perpustakaan mendapat
                    dukungan, mitra mendapat jalan untuk mencapai tujuannya sendiri.</p>
                    <p>Contohnya, PerpuSeru bermitra dengan Telkom untuk menyediakan akses
                    internet serat optik bagi perpustakaan dengan harga terjangkau. Bagi
                    Telkom, kemitraan ini sejalan dengan program pendidikan digitalnya dan
                    memperkenalkan layanannya kepada masyarakat.</p>
                    """,
                ),
                ("heading", "Langkah membangun kemitraan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Kenali calon mitra</b> dan program tanggung jawab sosialnya:
                    bank daerah, koperasi, toko besar, pabrik, penyedia internet.</li>
                    <li><b>Temukan titik temu</b> antara tujuan mereka dan kegiatan
                    perpustakaan, misalnya literasi keuangan untuk bank.</li>
                    <li><b>Ajukan usulan yang konkret</b>: kegiatan apa, untuk siapa, apa
                    sumbangan masing-masing, dan bagaimana hasilnya dilaporkan.</li>
                    <li><b>Tuangkan dalam kesepakatan tertulis</b>, dari surat kesepakatan
                    sederhana sampai MoU.</li>
                    <li><b>Rawat hubungannya</b>: laporkan hasil, sebut nama mitra dalam
                    publikasi, undang mereka ke kegiatan.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Komunitas juga mitra. Di Kotawaringin Barat, Komunitas Pecinta IT,
                    komunitas UMKM, Craft Lover Pangkalan Bun dan kelompok teater tumbuh di
                    perpustakaan daerah dan kini ikut mengisi kegiatannya.</p>
                    """,
                ),
                ("heading", "Menjaga kemandirian"),
                (
                    "paragraph",
                    """
                    <p>Terimalah dukungan yang sesuai dengan misi perpustakaan sebagai
                    layanan publik yang terbuka bagi semua. Hindari kesepakatan yang
                    mewajibkan pemustaka membeli produk mitra atau menyerahkan data
                    pribadinya. Kemitraan yang sehat membuat perpustakaan semakin kuat,
                    kreatif dan mandiri.</p>
                    <p>Jangan bergantung pada satu mitra saja. Jika satu perusahaan
                    menghentikan program tanggung jawab sosialnya, layanan yang dibiayainya
                    ikut berhenti. Sebarkan dukungan ke beberapa mitra kecil dan usahakan
                    agar biaya rutin, seperti internet dan honor relawan, pada akhirnya
                    masuk ke anggaran pemerintah daerah atau desa.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menggerakkan masyarakat mendukung perpustakaan",
            "slug": "mobilisasi-masyarakat",
            "minutes": 15,
            "body": [
                ("heading", "Suara warga lebih didengar"),
                (
                    "paragraph",
                    """
                    <p>Mobilisasi sosial berarti mengajak masyarakat ikut menyuarakan dan
                    menjaga perpustakaan. Permintaan yang datang dari warga, kelompok
                    perempuan, pelaku usaha dan tokoh masyarakat jauh lebih didengar
                    pengambil keputusan daripada permintaan yang datang dari kepala
                    perpustakaan sendiri. Ketika warga merasa perpustakaan adalah milik
                    mereka, mereka pula yang akan membelanya.</p>
                    """,
                ),
                ("heading", "Cara menggerakkan dukungan"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Bentuk kelompok sahabat perpustakaan</b> dari pemustaka setia,
                    relawan dan tokoh masyarakat, yang bertemu secara berkala.</li>
                    <li><b>Kumpulkan testimoni</b> tertulis atau video singkat dari
                    pemustaka yang merasakan manfaat.</li>
                    <li><b>Libatkan warga dalam perencanaan</b> kegiatan, sehingga mereka
                    ikut memiliki hasilnya.</li>
                    <li><b>Hadirkan warga di forum resmi</b>, misalnya musrenbang atau
                    rapat dengar pendapat, untuk menyampaikan pengalamannya sendiri.</li>
                    <li><b>Libatkan media lokal</b> untuk meliput kegiatan dan cerita
                    dampak.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Perpustakaan adalah lembaga publik. Jaga agar mobilisasi tetap
                    netral dan tidak dipakai untuk kepentingan partai atau calon tertentu,
                    terutama menjelang pemilihan.</p>
                    """,
                ),
                ("heading", "Merayakan dan berbagi keberhasilan"),
                (
                    "paragraph",
                    """
                    <p>Dukungan yang terus tumbuh perlu dirawat dengan rasa dihargai. Umumkan
                    keberhasilan advokasi kepada warga, misalnya jam buka yang bertambah
                    atau komputer baru, dan sebut siapa saja yang ikut memperjuangkannya.
                    Pertemuan Belajar Sebaya dan pameran karya pemustaka adalah kesempatan
                    yang baik untuk merayakan bersama dan mengajak lebih banyak orang ikut
                    serta.</p>
                    <p>Simpan daftar pendukung beserta nomor kontaknya, dengan izin mereka.
                    Ketika perpustakaan membutuhkan dukungan lagi, misalnya saat anggaran
                    terancam dipotong, Anda tahu siapa yang bisa segera dihubungi dan
                    bersedia bersuara.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Rencana mobilisasi satu dukungan",
                    """
                    <p>Pilih satu dukungan yang sedang Anda perjuangkan, misalnya tambahan
                    jam layanan atau anggaran internet. Tentukan tiga kelompok warga yang
                    bisa ikut menyuarakannya dan cara melibatkan mereka.</p>
                    <p>Tuliskan rencana itu di sini beserta waktu pelaksanaannya.</p>
                    """,
                    30,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Mobilisasi Sosial dan Kemitraan",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang pesan advokasi, kemitraan dan dukungan warga.",
        "questions": [
            (
                "single_choice",
                "Urutan isi pesan advokasi yang disarankan adalah:",
                [
                    ("Masalah, bukti, permintaan", True, "Tepat."),
                    (
                        "Permintaan, sejarah perpustakaan, ucapan terima kasih",
                        False,
                        "Pesan itu belum menunjukkan masalah dan bukti.",
                    ),
                    (
                        "Daftar koleksi, jadwal buka, permintaan",
                        False,
                        "Daftar koleksi jarang menarik bagi pengambil keputusan.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Usulan tambahan anggaran sebaiknya disampaikan sesudah anggaran daerah disahkan.",
                False,
                "Betul, usulan harus masuk sebelum rancangan anggaran disusun.",
                "Sesudah disahkan sudah terlambat; usulan harus masuk sebelum rancangan disusun.",
            ),
            (
                "multiple_choice",
                "Mana yang termasuk langkah membangun kemitraan?",
                [
                    ("Mengenali program tanggung jawab sosial calon mitra", True, "Benar."),
                    ("Menuangkan kesepakatan secara tertulis", True, "Benar."),
                    (
                        "Mewajibkan pemustaka membeli produk mitra",
                        False,
                        "Itu merusak kemandirian perpustakaan sebagai layanan publik.",
                    ),
                    ("Melaporkan hasil kegiatan kepada mitra", True, "Benar."),
                ],
                "",
            ),
            (
                "single_choice",
                "Mengapa warga perlu dilibatkan dalam advokasi?",
                [
                    (
                        "Suara warga yang merasakan manfaat lebih didengar pengambil keputusan",
                        True,
                        "Tepat.",
                    ),
                    (
                        "Agar kepala perpustakaan tidak perlu bekerja",
                        False,
                        "Kepala perpustakaan tetap memimpin advokasi.",
                    ),
                    (
                        "Agar perpustakaan mendukung calon tertentu dalam pemilihan",
                        False,
                        "Perpustakaan harus tetap netral.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Apa nama forum musyawarah perencanaan pembangunan tempat usulan anggaran "
                "desa, kecamatan dan kabupaten dibahas? Tulis singkatannya.",
                "exact",
                ["musrenbang", "musrenbangdes"],
                "Tepat, musrenbang.",
                "Jawabannya musrenbang (musyawarah perencanaan pembangunan).",
            ),
        ],
    },
}

CURRICULUM = {
    "title": "Advokasi & Mobilisasi Sosial",
    "slug": "advokasi-mobilisasi-sosial",
    "summary": (
        "Meyakinkan pemerintah daerah, dunia usaha dan masyarakat untuk mendukung "
        "perpustakaan dengan kebijakan, anggaran dan kemitraan."
    ),
    "description": """
        <p>Advokasi dan kemitraan adalah salah satu strategi pokok transformasi
        perpustakaan. Kurikulum ini melatih staf perpustakaan kabupaten/kota memetakan
        pemangku kepentingan, mengumpulkan bukti, menyampaikan pesan, membangun kemitraan
        dan menggerakkan dukungan masyarakat.</p>
    """,
    "courses": [
        {
            "title": "Advokasi dan Kemitraan untuk Perpustakaan Daerah",
            "slug": "advokasi-kemitraan",
            "summary": (
                "Pelatihan advokasi bagi staf perpustakaan kabupaten/kota: dari peta "
                "pemangku kepentingan sampai kemitraan dan dukungan warga."
            ),
            "description": """
                <p>Modul pertama membahas mengapa advokasi perlu, siapa yang perlu
                diyakinkan, dan bukti apa yang meyakinkan. Modul kedua membahas cara
                menyampaikan pesan, membangun kemitraan dengan swasta dan komunitas, serta
                menggerakkan masyarakat.</p>
            """,
            "tier": "regency",
            "estimated_hours": "16",
            "tags": ["advokasi", "kemitraan", "anggaran"],
            "modules": [MODULE_BASICS, MODULE_MOBILISATION],
        },
    ],
}
