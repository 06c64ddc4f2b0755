"""Curriculum: Teknologi Informasi & Kesadaran Informasi (the village TIK course)."""

MODULE_OFFICE = {
    "title": "Pengenalan Aplikasi Perkantoran",
    "slug": "aplikasi-perkantoran",
    "summary": (
        "Mengatur berkas di komputer bersama, menulis surat dan pengumuman, serta mencatat "
        "pengunjung dengan lembar kerja."
    ),
    "lessons": [
        {
            "title": "Mengelola berkas dan folder di komputer bersama",
            "slug": "berkas-dan-folder",
            "minutes": 15,
            "body": [
                ("heading", "Komputer perpustakaan dipakai banyak orang"),
                (
                    "paragraph",
                    """
                    <p>Perpustakaan desa umumnya memiliki tiga komputer yang dipakai
                    bergantian oleh pengelola, relawan, pelajar dan warga. Tanpa aturan yang
                    jelas, desktop cepat penuh dengan berkas bernama "Dokumen1", "baru" atau
                    "laporan fix banget", dan laporan bulan lalu hilang tepat ketika diminta
                    oleh perpustakaan kabupaten. Mengelola berkas adalah keterampilan dasar
                    yang menghemat waktu setiap hari.</p>
                    <p>Mulailah dengan satu folder induk untuk urusan perpustakaan, misalnya
                    <b>D:\\Perpustakaan</b>, terpisah dari folder yang dipakai pengunjung. Di
                    dalamnya buat beberapa folder menurut jenis pekerjaan, bukan menurut
                    nama orang yang membuatnya.</p>
                    """,
                ),
                ("heading", "Susunan folder yang mudah diikuti"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>01 Administrasi</b>: surat masuk, surat keluar, SK pengelola.</li>
                    <li><b>02 Kegiatan</b>: satu subfolder untuk setiap kegiatan, berisi
                    undangan, daftar hadir dan foto.</li>
                    <li><b>03 Data Layanan</b>: buku tamu digital dan rekap pengunjung per
                    bulan.</li>
                    <li><b>04 Laporan</b>: laporan bulanan dan laporan untuk desa serta
                    kabupaten.</li>
                    </ul>
                    <p>Angka di depan nama folder membuat urutannya tetap sama di semua
                    komputer. Buat susunan ini sekali, lalu tempelkan denahnya di dekat
                    meja layanan agar relawan baru pun menyimpan berkas di tempat yang
                    sama.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Beri nama berkas dengan pola <b>tahun-bulan-tanggal_isi</b>, misalnya
                    <i>2024-03-12_daftar-hadir-kelas-menjahit.xlsx</i>. Berkas akan tersusun
                    menurut tanggal dengan sendirinya dan mudah dicari.</p>
                    """,
                ),
                ("heading", "Cadangan: jangan menunggu komputer rusak"),
                (
                    "paragraph",
                    """
                    <p>Listrik padam, virus dari flashdisk pengunjung, atau cakram keras yang
                    rusak bisa menghapus pekerjaan berbulan-bulan. Biasakan menyalin folder
                    induk ke flashdisk khusus perpustakaan atau ke penyimpanan awan setiap
                    akhir bulan, saat Anda menyelesaikan laporan bulanan. Simpan flashdisk
                    cadangan di lemari terkunci, bukan tertancap di komputer.</p>
                    <p>Terakhir, jangan biarkan pengunjung memakai akun Windows pengelola.
                    Buat akun terpisah bernama "Pengunjung" tanpa hak administrator agar
                    berkas perpustakaan tidak terhapus atau terubah tanpa sengaja. Pasang
                    kata sandi pada akun pengelola dan jangan menuliskannya di kertas yang
                    ditempel pada monitor.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Pengolah kata: surat, pengumuman dan laporan",
            "slug": "pengolah-kata",
            "minutes": 20,
            "body": [
                ("heading", "Satu aplikasi untuk banyak keperluan"),
                (
                    "paragraph",
                    """
                    <p>Pengolah kata seperti Microsoft Word, LibreOffice Writer atau Google
                    Dokumen adalah alat yang paling sering dipakai pengelola perpustakaan:
                    untuk surat undangan kepada kepala desa, pengumuman kegiatan di papan
                    informasi, proposal kepada mitra, dan laporan bulanan. Aplikasinya
                    boleh berbeda, tetapi langkah-langkah dasarnya sama.</p>
                    """,
                ),
                ("heading", "Kebiasaan yang membuat dokumen rapi"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Gunakan gaya (style) untuk judul</b>. Pilih "Judul 1" atau
                    "Heading 1" alih-alih sekadar menebalkan dan memperbesar huruf. Daftar
                    isi laporan kemudian bisa dibuat otomatis.</li>
                    <li><b>Simpan templat</b>. Buat satu surat dengan kop perpustakaan,
                    alamat, nomor surat dan tempat tanda tangan, lalu simpan sebagai templat.
                    Surat berikutnya tinggal mengubah isi.</li>
                    <li><b>Pakai satu atau dua jenis huruf</b> yang mudah dibaca, ukuran 11
                    atau 12 untuk isi, dan spasi 1,15 sampai 1,5.</li>
                    <li><b>Periksa ejaan</b> dan baca ulang nama orang, tanggal serta
                    tempat, karena kesalahan di tiga hal ini paling sering terjadi.</li>
                    <li><b>Simpan sebagai PDF</b> sebelum mengirim lewat WhatsApp atau
                    surel, agar tata letak tidak berubah di ponsel penerima.</li>
                    </ol>
                    """,
                ),
                ("heading", "Pengumuman yang dibaca orang"),
                (
                    "paragraph",
                    """
                    <p>Pengumuman kegiatan dibaca sekilas oleh orang yang lewat. Tulis nama
                    kegiatan dengan huruf besar di bagian atas, lalu jawab pertanyaan yang
                    ada di kepala pembaca: apa manfaatnya bagi saya, kapan, di mana, untuk
                    siapa, apakah berbayar, dan siapa yang bisa dihubungi. Satu gambar yang
                    jelas lebih baik daripada banyak hiasan.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Cetak satu lembar dulu dan tempel di papan. Berdirilah dua langkah
                    di depannya: jika judul dan tanggal tidak terbaca dari jarak itu,
                    perbesar hurufnya.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Buat pengumuman kegiatan",
                    """
                    <p>Pilih satu kegiatan yang akan diadakan perpustakaan Anda bulan ini,
                    misalnya kelas membuat surel atau mendongeng untuk anak. Buat
                    pengumumannya dengan pengolah kata, lengkap dengan judul, manfaat,
                    waktu, tempat, sasaran dan nomor kontak, lalu simpan sebagai PDF dengan
                    nama berkas yang mengikuti pola tanggal.</p>
                    <p>Tuliskan di sini kegiatan apa yang Anda umumkan, bagian mana yang
                    paling sulit dibuat, dan di mana pengumuman itu akan Anda pasang atau
                    bagikan.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Lembar kerja: daftar hadir dan data pengunjung",
            "slug": "lembar-kerja",
            "minutes": 20,
            "body": [
                ("heading", "Mengapa data pengunjung dicatat"),
                (
                    "paragraph",
                    """
                    <p>Kepala desa, BPD dan perpustakaan kabupaten akan bertanya: berapa
                    orang yang datang, siapa saja, dan untuk apa? Jawaban berupa angka yang
                    rapi adalah bahan utama laporan dan advokasi anggaran. Lembar kerja
                    seperti Microsoft Excel, LibreOffice Calc atau Google Spreadsheet
                    membantu Anda mencatat dan menghitung tanpa kalkulator.</p>
                    """,
                ),
                ("heading", "Satu baris untuk satu kunjungan"),
                (
                    "paragraph",
                    """
                    <p>Buat satu lembar bernama "Kunjungan" dengan kolom: <b>Tanggal</b>,
                    <b>Nama</b>, <b>Jenis kelamin</b>, <b>Kelompok umur</b> (anak, remaja,
                    dewasa, lansia), <b>Keperluan</b> (membaca, internet, kegiatan,
                    meminjam) dan <b>Memakai komputer</b> (ya/tidak). Setiap kunjungan
                    ditulis di baris baru. Jangan menggabungkan sel dan jangan mengosongkan
                    baris di tengah, karena rumus dan filter akan berhenti di baris
                    kosong.</p>
                    <p>Agar isian seragam, gunakan fitur validasi data (daftar pilihan)
                    untuk kolom jenis kelamin, kelompok umur dan keperluan. Dengan begitu
                    tidak ada yang menulis "P", "perempuan" dan "wanita" untuk hal yang
                    sama.</p>
                    """,
                ),
                ("heading", "Menghitung dengan rumus sederhana"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>=COUNTA(B2:B500)</b> menghitung jumlah kunjungan yang tercatat.</li>
                    <li><b>=COUNTIF(C2:C500;"Perempuan")</b> menghitung kunjungan perempuan.
                    Di komputer berbahasa Inggris, pemisahnya koma, bukan titik koma.</li>
                    <li><b>=COUNTIFS(C2:C500;"Perempuan";F2:F500;"ya")</b> menghitung
                    perempuan yang memakai komputer.</li>
                    </ul>
                    <p>Gunakan filter untuk melihat satu bulan saja, lalu buat diagram
                    batang sederhana untuk laporan. Angka yang sama bisa dipakai berulang
                    kali: di laporan bulanan, di papan informasi, dan di presentasi
                    Pertemuan Belajar Sebaya.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Jika buku tamu masih ditulis tangan, pindahkan isinya ke lembar
                    kerja setiap sore selama sepuluh menit. Menyalin sedikit setiap hari
                    jauh lebih ringan daripada menyalin satu bulan sekaligus.</p>
                    """,
                ),
                ("heading", "Dari angka menjadi cerita"),
                (
                    "paragraph",
                    """
                    <p>Di lembar kedua bernama "Rekap", buat tabel dengan satu baris untuk
                    setiap bulan: jumlah kunjungan, jumlah perempuan, jumlah anak dan remaja,
                    serta jumlah pemakai komputer. Bandingkan dengan bulan sebelumnya. Naik
                    atau turunnya angka selalu punya sebab, misalnya musim panen, libur
                    sekolah atau kelas baru, dan sebab itulah yang perlu Anda tulis di
                    laporan.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Siapkan lembar kunjungan perpustakaan Anda",
                    """
                    <p>Buat lembar kerja "Kunjungan" dengan kolom yang disarankan dan daftar
                    pilihannya, lalu isi dengan data kunjungan satu minggu terakhir dari
                    buku tamu. Hitung jumlah kunjungan dan jumlah pengunjung perempuan
                    dengan rumus.</p>
                    <p>Tuliskan hasil hitungan Anda dan satu hal yang mengejutkan Anda dari
                    data itu.</p>
                    """,
                    20,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Aplikasi Perkantoran",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang berkas, pengolah kata dan lembar kerja.",
        "questions": [
            (
                "single_choice",
                "Nama berkas mana yang paling mudah dicari dan diurutkan?",
                [
                    (
                        "2024-03-12_daftar-hadir-kelas-menjahit.xlsx",
                        True,
                        "Tepat. Tanggal di depan membuat berkas terurut dengan sendirinya.",
                    ),
                    (
                        "daftar hadir baru fix.xlsx",
                        False,
                        "Kata 'baru' dan 'fix' tidak menjelaskan kegiatan atau tanggalnya.",
                    ),
                    (
                        "Dokumen1.xlsx",
                        False,
                        "Nama bawaan aplikasi tidak menjelaskan isi berkas sama sekali.",
                    ),
                ],
                "Pola tahun-bulan-tanggal_isi membuat berkas tersusun menurut waktu.",
            ),
            (
                "multiple_choice",
                "Kebiasaan mana yang membuat dokumen surat dan laporan lebih rapi?",
                [
                    (
                        "Memakai gaya (style) untuk judul",
                        True,
                        "Benar, daftar isi pun bisa dibuat otomatis.",
                    ),
                    (
                        "Menyimpan templat surat berkop perpustakaan",
                        True,
                        "Benar, surat berikutnya tinggal mengubah isi.",
                    ),
                    (
                        "Memakai lima jenis huruf agar menarik",
                        False,
                        "Terlalu banyak jenis huruf membuat dokumen sulit dibaca.",
                    ),
                    (
                        "Menyimpan sebagai PDF sebelum dikirim",
                        True,
                        "Benar, tata letaknya tidak berubah di ponsel penerima.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Dalam lembar kerja kunjungan, sebaiknya ada baris kosong di antara "
                "minggu agar mudah dibaca.",
                False,
                "Benar, pernyataan itu salah: baris kosong menghentikan filter dan rumus.",
                "Baris kosong membuat filter dan rumus berhenti. Satu kunjungan satu baris, "
                "tanpa baris kosong.",
            ),
            (
                "short_answer",
                "Rumus apa yang menghitung jumlah sel yang memenuhi satu syarat, misalnya "
                "jumlah pengunjung perempuan? Tulis nama rumusnya saja.",
                "exact",
                ["COUNTIF", "=COUNTIF"],
                "Tepat, COUNTIF menghitung sel yang memenuhi syarat.",
                "Jawabannya COUNTIF. COUNTIFS dipakai untuk dua syarat atau lebih.",
            ),
            (
                "single_choice",
                "Mengapa pengunjung sebaiknya memakai akun komputer tersendiri?",
                [
                    (
                        "Agar berkas perpustakaan tidak terhapus atau terubah tanpa sengaja",
                        True,
                        "Tepat. Akun tanpa hak administrator melindungi berkas pengelola.",
                    ),
                    (
                        "Agar internet menjadi lebih cepat",
                        False,
                        "Akun terpisah tidak mengubah kecepatan internet.",
                    ),
                    (
                        "Agar pengunjung tidak bisa mencetak",
                        False,
                        "Pengunjung tetap bisa mencetak; tujuannya melindungi berkas.",
                    ),
                ],
                "",
            ),
        ],
    },
}

MODULE_INTERNET = {
    "title": "Dasar Internet",
    "slug": "dasar-internet",
    "summary": (
        "Mencari informasi dengan tepat, menilai kebenarannya, dan memakai surel dengan aman "
        "di komputer yang dipakai bersama."
    ),
    "lessons": [
        {
            "title": "Peramban, alamat situs dan mesin pencari",
            "slug": "peramban-dan-mesin-pencari",
            "minutes": 15,
            "body": [
                ("heading", "Mengenal peramban dan alamat situs"),
                (
                    "paragraph",
                    """
                    <p>Peramban (browser) seperti Chrome atau Firefox adalah pintu ke
                    internet. Di bagian atasnya ada kolom alamat, tempat alamat situs
                    seperti <i>perpusnas.go.id</i> ditulis. Akhiran alamat memberi petunjuk
                    tentang pemiliknya: <b>.go.id</b> untuk instansi pemerintah,
                    <b>.ac.id</b> untuk perguruan tinggi, <b>.sch.id</b> untuk sekolah,
                    sedangkan <b>.com</b> bisa dimiliki siapa saja. Ikon gembok dan awalan
                    <b>https</b> berarti data yang dikirim dienkripsi, tetapi tidak
                    menjamin isi situsnya benar.</p>
                    """,
                ),
                ("heading", "Mencari dengan kata kunci yang tepat"),
                (
                    "paragraph",
                    """
                    <p>Warga sering datang dengan pertanyaan yang panjang: "Bagaimana cara
                    mendaftar bantuan modal untuk usaha keripik saya?" Mesin pencari bekerja
                    lebih baik dengan kata kunci: <i>syarat pinjaman KUR usaha mikro</i>.
                    Bantulah pemustaka memilih tiga atau empat kata terpenting.</p>
                    <ul>
                    <li>Tanda kutip mencari frasa utuh: <i>"budidaya lele bioflok"</i>.</li>
                    <li><b>site:</b> membatasi pencarian ke satu jenis situs:
                    <i>jadwal CPNS site:go.id</i>.</li>
                    <li>Tanda minus membuang kata: <i>resep rendang -video</i>.</li>
                    <li><b>filetype:pdf</b> mencari dokumen, misalnya modul atau
                    peraturan.</li>
                    </ul>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Internet desa sering lambat. Saat mencari, buka hasil di tab baru
                    satu per satu dan tutup yang tidak perlu. Matikan putar otomatis video
                    jika yang dicari hanya teks.</p>
                    """,
                ),
                ("heading", "Mendampingi pemustaka mencari"),
                (
                    "paragraph",
                    """
                    <p>Peran pengelola bukan mencarikan, melainkan mengajari cara mencari.
                    Duduklah di samping pemustaka, biarkan tangannya yang memegang tetikus,
                    dan ajukan pertanyaan: informasi apa yang sebenarnya dibutuhkan? Untuk
                    keperluan apa? Sudah dicari di mana? Setelah dua atau tiga kali
                    didampingi, kebanyakan pemustaka bisa mencari sendiri dan kemudian
                    mengajari tetangganya.</p>
                    <p>Catat pertanyaan yang sering muncul, misalnya pendaftaran sekolah,
                    lowongan kerja atau harga pupuk. Daftar ini menjadi bahan kelas internet
                    berikutnya dan bukti kebutuhan warga untuk laporan Anda. Simpan juga
                    alamat situs yang sering dibutuhkan sebagai penanda (bookmark) di setiap
                    komputer, misalnya situs pendaftaran sekolah, layanan kependudukan dan
                    katalog perpustakaan kabupaten.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menilai informasi dan menangkal hoaks",
            "slug": "menilai-informasi",
            "minutes": 20,
            "body": [
                ("heading", "Kesadaran informasi dimulai dari bertanya"),
                (
                    "paragraph",
                    """
                    <p>Tidak semua yang ada di internet benar. Pesan berantai tentang obat
                    ajaib, lowongan kerja palsu yang meminta biaya pendaftaran, atau berita
                    lama yang diedarkan ulang bisa merugikan warga. Perpustakaan adalah
                    tempat yang tepat untuk belajar memilah informasi, karena pengelolanya
                    dipercaya dan tidak sedang menjual apa pun.</p>
                    """,
                ),
                ("heading", "Lima pertanyaan sebelum percaya dan membagikan"),
                (
                    "paragraph",
                    """
                    <ol>
                    <li><b>Siapa sumbernya?</b> Apakah ada nama lembaga atau penulis yang
                    jelas dan bisa dihubungi?</li>
                    <li><b>Kapan ditulis?</b> Berita tiga tahun lalu bisa menyesatkan jika
                    dibagikan hari ini.</li>
                    <li><b>Apakah ada sumber lain?</b> Informasi penting biasanya
                    diberitakan oleh lebih dari satu media yang kredibel.</li>
                    <li><b>Apakah judulnya memancing emosi?</b> Huruf kapital semua, banyak
                    tanda seru, dan ajakan "sebarkan!" adalah tanda bahaya.</li>
                    <li><b>Apakah ada permintaan uang atau data pribadi?</b> Lowongan dan
                    bantuan resmi tidak meminta transfer biaya pendaftaran.</li>
                    </ol>
                    """,
                ),
                (
                    "callout",
                    "note",
                    """
                    <p>Situs pemeriksa fakta seperti <i>cekfakta.com</i> dan laman klarifikasi
                    hoaks milik Kementerian Komunikasi dan Digital bisa dipakai untuk
                    memeriksa kabar yang beredar. Ketikkan kata kunci kabar itu ditambah
                    kata "hoaks".</p>
                    """,
                ),
                ("heading", "Menjadikannya kegiatan perpustakaan"),
                (
                    "paragraph",
                    """
                    <p>Ajak kelompok PKK, Karang Taruna atau pelajar untuk "membedah" satu
                    pesan berantai bersama-sama setiap bulan. Tampilkan pesannya, minta
                    peserta menjawab lima pertanyaan di atas, lalu periksa kebenarannya
                    dengan mesin pencari. Kegiatan singkat seperti ini melatih kebiasaan
                    berpikir kritis dan menunjukkan bahwa perpustakaan bermanfaat bagi
                    kehidupan sehari-hari.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Periksa satu kabar yang beredar",
                    """
                    <p>Ambil satu pesan berantai atau berita yang Anda terima minggu ini
                    di WhatsApp atau media sosial. Periksa dengan lima pertanyaan di atas
                    dan cari sumber pembandingnya di internet.</p>
                    <p>Ceritakan kabar apa yang Anda periksa, sumber apa yang Anda temukan,
                    dan apa kesimpulan Anda: benar, salah, atau belum bisa dipastikan.</p>
                    """,
                    30,
                ),
            ],
        },
        {
            "title": "Surel dan keamanan akun",
            "slug": "surel-dan-keamanan",
            "minutes": 15,
            "body": [
                ("heading", "Surel masih dibutuhkan warga"),
                (
                    "paragraph",
                    """
                    <p>Mendaftar kerja, sekolah, bantuan pemerintah atau toko daring hampir
                    selalu membutuhkan alamat surel (email). Membantu warga membuat dan
                    memakai surel adalah salah satu layanan yang paling sering dicari di
                    perpustakaan desa. Pilih nama akun yang sopan dan mudah diingat,
                    misalnya <i>sitiaminah.lumajang@gmail.com</i>, karena alamat itu akan
                    dibaca oleh perusahaan dan instansi.</p>
                    """,
                ),
                ("heading", "Kata sandi dan verifikasi dua langkah"),
                (
                    "paragraph",
                    """
                    <p>Kata sandi yang kuat panjangnya minimal dua belas karakter. Cara yang
                    mudah diingat adalah menggabungkan beberapa kata acak, misalnya
                    <i>kopi-sawah-layang-47</i>. Hindari tanggal lahir, nama anak, atau
                    "123456". Aktifkan verifikasi dua langkah dengan nomor ponsel pemilik,
                    sehingga orang lain tidak bisa masuk walaupun mengetahui kata
                    sandinya.</p>
                    <p>Pastikan warga mencatat sendiri kata sandinya dan menyimpannya di
                    tempat aman. Pengelola tidak perlu, dan sebaiknya tidak, mengetahui kata
                    sandi pemustaka.</p>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Di komputer bersama, selalu <b>keluar (logout)</b> dari surel dan
                    media sosial setelah selesai, dan jangan centang "ingat saya". Tempel
                    pengingat kecil di samping layar setiap komputer layanan.</p>
                    """,
                ),
                ("heading", "Mengenali surel penipuan"),
                (
                    "paragraph",
                    """
                    <p>Surel penipuan (phishing) menyamar sebagai bank, kantor pos atau
                    penyelenggara undian dan meminta Anda mengeklik tautan lalu memasukkan
                    kata sandi atau kode OTP. Periksa alamat pengirimnya, arahkan tetikus ke
                    tautan tanpa mengeklik untuk melihat alamat sebenarnya, dan ingat bahwa
                    lembaga resmi tidak pernah meminta kode OTP. Jika ragu, hapus surelnya
                    dan hubungi lembaga itu melalui nomor resminya.</p>
                    """,
                ),
                ("heading", "Ketika warga lupa kata sandi"),
                (
                    "paragraph",
                    """
                    <p>Lupa kata sandi adalah masalah yang paling sering dibawa ke meja
                    layanan. Karena itu, saat membuat akun, pastikan nomor ponsel dan surel
                    pemulihan diisi dengan milik warga sendiri, bukan nomor pengelola atau
                    nomor perpustakaan. Dengan begitu, warga bisa memulihkan akunnya kapan
                    saja tanpa bergantung pada Anda. Ajarkan juga cara mengganti kata sandi,
                    agar warga bisa melakukannya sendiri jika curiga akunnya dibuka orang
                    lain.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Dasar Internet",
        "slug": "kuis",
        "intro": "Lima pertanyaan tentang mencari, menilai informasi dan keamanan akun.",
        "questions": [
            (
                "single_choice",
                "Seorang ibu ingin tahu syarat pinjaman KUR untuk usaha keripiknya. Kata "
                "kunci mana yang paling tepat?",
                [
                    (
                        "syarat pinjaman KUR usaha mikro",
                        True,
                        "Tepat: singkat dan berisi kata-kata terpenting.",
                    ),
                    (
                        "bagaimana cara saya mendapat uang untuk usaha keripik saya",
                        False,
                        "Kalimat panjang membuat hasil pencarian melebar.",
                    ),
                    ("keripik", False, "Terlalu umum; hasilnya resep dan toko keripik."),
                ],
                "",
            ),
            (
                "multiple_choice",
                "Mana saja tanda bahwa sebuah pesan mungkin hoaks atau penipuan?",
                [
                    (
                        "Judul dengan huruf kapital semua dan ajakan 'sebarkan!'",
                        True,
                        "Benar, judul yang memancing emosi patut dicurigai.",
                    ),
                    (
                        "Meminta transfer biaya pendaftaran lowongan kerja",
                        True,
                        "Benar, lowongan resmi tidak memungut biaya pendaftaran.",
                    ),
                    (
                        "Diberitakan juga oleh beberapa media yang kredibel",
                        False,
                        "Justru itu tanda informasinya bisa dipercaya.",
                    ),
                    (
                        "Meminta kode OTP yang dikirim ke ponsel Anda",
                        True,
                        "Benar, lembaga resmi tidak pernah meminta kode OTP.",
                    ),
                ],
                "",
            ),
            (
                "true_false",
                "Situs yang alamatnya diawali https dan memiliki ikon gembok pasti berisi "
                "informasi yang benar.",
                False,
                "Betul, https hanya berarti data dikirim terenkripsi.",
                "Https hanya melindungi data yang dikirim; isi situsnya tetap perlu dinilai.",
            ),
            (
                "short_answer",
                "Alamat situs instansi pemerintah Indonesia biasanya berakhiran apa?",
                "exact",
                [".go.id", "go.id"],
                "Tepat, misalnya perpusnas.go.id.",
                "Jawabannya .go.id, seperti perpusnas.go.id.",
            ),
            (
                "single_choice",
                "Apa yang harus dilakukan pemustaka setelah selesai memakai surel di komputer "
                "perpustakaan?",
                [
                    (
                        "Keluar (logout) dari akunnya",
                        True,
                        "Tepat, agar pengunjung berikutnya tidak bisa membuka akunnya.",
                    ),
                    (
                        "Menutup tab peramban saja",
                        False,
                        "Menutup tab tidak selalu mengeluarkan akun dari peramban.",
                    ),
                    (
                        "Memberitahukan kata sandinya kepada pengelola",
                        False,
                        "Kata sandi hanya untuk pemiliknya, termasuk tidak untuk pengelola.",
                    ),
                ],
                "",
            ),
        ],
    },
}

MODULE_DOCUMENTATION = {
    "title": "Dokumentasi Online",
    "slug": "dokumentasi-online",
    "summary": (
        "Mendokumentasikan kegiatan dengan foto dan catatan, membagikannya di media sosial, "
        "dan menyimpan laporan di penyimpanan awan."
    ),
    "lessons": [
        {
            "title": "Foto dan catatan kegiatan yang bercerita",
            "slug": "foto-dan-catatan",
            "minutes": 15,
            "body": [
                ("heading", "Dokumentasi adalah bukti dan kenangan"),
                (
                    "paragraph",
                    """
                    <p>Setiap kegiatan perpustakaan, sekecil apa pun, layak didokumentasikan.
                    Foto dan catatan adalah bukti bagi pemerintah desa dan perpustakaan
                    kabupaten bahwa perpustakaan hidup dan bermanfaat. Dokumentasi juga
                    menjadi bahan cerita dampak, laporan, dan promosi kegiatan berikutnya.
                    Tanpa dokumentasi, keberhasilan yang nyata pun sulit diyakinkan kepada
                    orang lain.</p>
                    """,
                ),
                ("heading", "Foto yang berbicara"),
                (
                    "paragraph",
                    """
                    <ul>
                    <li><b>Tunjukkan kegiatan, bukan barisan orang berpose</b>: ibu-ibu
                    yang sedang mengemas produk, pelajar yang sedang mengetik di
                    komputer.</li>
                    <li><b>Ambil tiga jenis foto</b>: suasana keseluruhan, kegiatan dari
                    dekat, dan hasilnya (produk, karya, sertifikat).</li>
                    <li><b>Perhatikan cahaya</b>: membelakangi jendela membuat wajah
                    gelap; pindahlah sehingga cahaya datang dari depan peserta.</li>
                    <li><b>Minta izin</b> sebelum memotret, terutama anak-anak, dan jangan
                    mengunggah foto yang mempermalukan siapa pun.</li>
                    </ul>
                    """,
                ),
                ("heading", "Catatan singkat dengan 5W+1H"),
                (
                    "paragraph",
                    """
                    <p>Sesudah kegiatan, tulis catatan singkat yang menjawab apa, siapa,
                    kapan, di mana, mengapa dan bagaimana. Sertakan jumlah peserta menurut
                    jenis kelamin dan kelompok umur, narasumber atau mitra yang terlibat,
                    serta satu kutipan dari peserta. Contoh: "Kamis, 14 Maret, 18 ibu
                    anggota PKK Desa Pandanwangi belajar memotret produk keripik dengan
                    ponsel. 'Sekarang foto dagangan saya tidak gelap lagi,' kata Bu
                    Sulastri."</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Internet desa terbatas. Sebelum mengunggah, kecilkan ukuran foto
                    dengan fitur kirim atau ekspor di ponsel, atau pilih lima foto terbaik
                    saja dari puluhan yang Anda ambil.</p>
                    """,
                ),
                ("heading", "Menyimpan dokumentasi dengan rapi"),
                (
                    "paragraph",
                    """
                    <p>Pindahkan foto dari ponsel ke komputer perpustakaan pada hari yang
                    sama, ke subfolder kegiatan di folder "02 Kegiatan", misalnya
                    <i>2024-03-14_kelas-foto-produk</i>. Simpan catatan kegiatan dan pindaian
                    daftar hadir di folder yang sama. Satu kegiatan, satu folder: setahun
                    kemudian, ketika Anda menyusun laporan tahunan atau cerita dampak,
                    semua bahannya ada di satu tempat.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Berbagi kegiatan di media sosial",
            "slug": "media-sosial",
            "minutes": 20,
            "body": [
                ("heading", "Pilih saluran yang dipakai warga"),
                (
                    "paragraph",
                    """
                    <p>Media sosial perpustakaan tidak perlu banyak. Pilih satu atau dua
                    saluran yang memang dipakai warga desa Anda: grup WhatsApp warga,
                    halaman Facebook, atau Instagram untuk menjangkau pemuda. Gunakan akun
                    atas nama perpustakaan, bukan akun pribadi pengelola, dan simpan
                    kata sandinya bersama kepala desa atau pengelola kedua agar akun tidak
                    hilang ketika pengelola berganti.</p>
                    """,
                ),
                ("heading", "Isi unggahan yang baik"),
                (
                    "paragraph",
                    """
                    <p>Unggahan yang baik menjawab mengapa kegiatan itu penting bagi
                    pembaca. Mulailah dengan kalimat yang menarik, ceritakan apa yang
                    terjadi dan siapa yang terlibat, lalu tutup dengan ajakan: datang pada
                    kegiatan berikutnya, berbagi pengalaman, atau menghubungi perpustakaan.
                    Sebutkan dan tandai mitra, misalnya pemerintah desa, PKK atau
                    puskesmas, sebagai tanda terima kasih sekaligus cara memperluas
                    jangkauan.</p>
                    <p>Buat jadwal sederhana: satu unggahan tentang kegiatan yang sudah
                    berlangsung, satu pengumuman kegiatan mendatang, dan satu informasi
                    berguna, misalnya buku baru atau tips internet, setiap minggu.</p>
                    """,
                ),
                (
                    "callout",
                    "warning",
                    """
                    <p>Jangan mengunggah nomor telepon, alamat rumah atau data pribadi
                    peserta, dan jangan mengunggah foto anak tanpa izin orang tuanya.</p>
                    """,
                ),
                (
                    "practice_task",
                    "Tulis satu unggahan kegiatan",
                    """
                    <p>Pilih satu kegiatan perpustakaan Anda dalam sebulan terakhir.
                    Tuliskan unggahan media sosial untuk kegiatan itu: kalimat pembuka yang
                    menarik, apa yang terjadi, siapa yang terlibat, dan ajakan di
                    akhir.</p>
                    <p>Salin unggahan itu di sini dan sebutkan di saluran mana Anda akan
                    membagikannya serta foto apa yang akan menyertainya.</p>
                    """,
                    40,
                ),
                ("heading", "Menanggapi dan belajar dari tanggapan"),
                (
                    "paragraph",
                    """
                    <p>Balas setiap komentar dan pertanyaan dengan ramah dalam satu atau dua
                    hari. Setiap bulan, lihat unggahan mana yang paling banyak dilihat dan
                    ditanggapi, lalu tanyakan kepada peserta kegiatan dari mana mereka
                    mengetahui kegiatan itu. Jawaban mereka menunjukkan saluran mana yang
                    benar-benar bekerja di desa Anda.</p>
                    """,
                ),
            ],
        },
        {
            "title": "Menyimpan dan berbagi laporan secara online",
            "slug": "laporan-online",
            "minutes": 15,
            "body": [
                ("heading", "Penyimpanan awan untuk perpustakaan"),
                (
                    "paragraph",
                    """
                    <p>Penyimpanan awan seperti Google Drive menyimpan berkas di internet
                    sehingga tetap aman walaupun komputer rusak, dan bisa dibuka dari
                    komputer atau ponsel mana pun. Buat satu akun surel khusus
                    perpustakaan, lalu salin susunan folder yang sama dengan di komputer:
                    Administrasi, Kegiatan, Data Layanan dan Laporan.</p>
                    """,
                ),
                ("heading", "Berbagi dengan hak akses yang tepat"),
                (
                    "paragraph",
                    """
                    <p>Setiap berkas atau folder bisa dibagikan dengan hak akses berbeda.
                    Berikan hak <b>lihat</b> kepada kepala desa atau pendamping dari
                    perpustakaan kabupaten yang perlu membaca laporan, dan hak <b>edit</b>
                    hanya kepada sesama pengelola yang ikut mengisi data. Hindari pilihan
                    "siapa saja yang memiliki tautan dapat mengedit" untuk berkas yang
                    berisi data pribadi pemustaka.</p>
                    """,
                ),
                ("heading", "Formulir online untuk daftar hadir"),
                (
                    "paragraph",
                    """
                    <p>Formulir online seperti Google Formulir memudahkan pendaftaran
                    kegiatan dan daftar hadir. Peserta mengisi nama, jenis kelamin dan
                    kelompok umur melalui ponsel dengan memindai kode QR, dan jawabannya
                    langsung tersusun dalam lembar kerja yang siap dihitung. Untuk peserta
                    yang tidak memiliki ponsel, sediakan tetap daftar hadir kertas dan
                    salin isinya ke formulir yang sama.</p>
                    <p>Pada akhir bulan, laporan bulanan tinggal dirangkum dari data yang
                    sudah tersimpan rapi, lalu dibagikan dalam bentuk PDF kepada
                    perpustakaan kabupaten melalui tautan atau surel.</p>
                    """,
                ),
                (
                    "callout",
                    "tip",
                    """
                    <p>Tetapkan tanggal tetap, misalnya setiap tanggal 5, untuk mengirim
                    laporan bulan sebelumnya. Pendamping kabupaten akan lebih mudah
                    membantu jika laporan datang tepat waktu dan dengan format yang
                    sama.</p>
                    """,
                ),
                ("heading", "Menjaga data pribadi pemustaka"),
                (
                    "paragraph",
                    """
                    <p>Data pemustaka, seperti nama, nomor telepon dan alamat, dipercayakan
                    warga kepada perpustakaan. Kumpulkan hanya data yang benar-benar
                    dibutuhkan. Untuk laporan kepada desa dan kabupaten, cukup kirim angka
                    rekapnya, bukan daftar nama. Jika seorang pengelola berhenti, cabut hak
                    aksesnya dari folder perpustakaan pada hari yang sama.</p>
                    """,
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Kuis: Dokumentasi Online",
        "slug": "kuis",
        "intro": "Empat pertanyaan tentang foto, media sosial dan laporan online.",
        "questions": [
            (
                "multiple_choice",
                "Foto mana yang sebaiknya diambil dalam setiap kegiatan?",
                [
                    ("Suasana kegiatan secara keseluruhan", True, "Benar."),
                    ("Peserta yang sedang berkegiatan, dari dekat", True, "Benar."),
                    (
                        "Hasil kegiatan, misalnya produk atau karya peserta",
                        True,
                        "Benar, hasil adalah bukti manfaat kegiatan.",
                    ),
                    (
                        "Foto peserta yang sedang makan dengan mulut penuh",
                        False,
                        "Hindari foto yang bisa mempermalukan peserta.",
                    ),
                ],
                "Tiga jenis foto: suasana, kegiatan dari dekat, dan hasilnya.",
            ),
            (
                "true_false",
                "Akun media sosial perpustakaan sebaiknya memakai akun pribadi pengelola agar "
                "mudah diurus.",
                False,
                "Betul, gunakan akun atas nama perpustakaan.",
                "Akun pribadi hilang bersama pengelolanya; pakai akun atas nama perpustakaan.",
            ),
            (
                "single_choice",
                "Pendamping dari perpustakaan kabupaten perlu membaca laporan bulanan Anda di "
                "Google Drive. Hak akses apa yang tepat?",
                [
                    (
                        "Lihat",
                        True,
                        "Tepat, ia perlu membaca, bukan mengubah laporan.",
                    ),
                    (
                        "Edit",
                        False,
                        "Hak edit hanya untuk sesama pengelola yang mengisi data.",
                    ),
                    (
                        "Siapa saja yang memiliki tautan dapat mengedit",
                        False,
                        "Terlalu terbuka, apalagi untuk data pemustaka.",
                    ),
                ],
                "",
            ),
            (
                "short_answer",
                "Catatan kegiatan yang baik menjawab apa, siapa, kapan, di mana, mengapa dan "
                "bagaimana. Rumus ini biasa disingkat apa?",
                "exact",
                ["5W+1H", "5W1H", "5W + 1H", "5W 1H"],
                "Tepat.",
                "Jawabannya 5W+1H: what, who, when, where, why, how.",
            ),
        ],
    },
}

CURRICULUM = {
    "title": "Teknologi Informasi & Kesadaran Informasi",
    "slug": "teknologi-informasi",
    "summary": (
        "Keterampilan komputer, internet dan literasi informasi agar perpustakaan menjadi "
        "tempat warga belajar memanfaatkan teknologi untuk hidup yang lebih baik."
    ),
    "description": """
        <p>Setiap perpustakaan mitra menerima komputer dan sambungan internet. Kurikulum ini
        memastikan pengelolanya mampu memakainya dengan baik dan mengajarkannya kepada warga:
        aplikasi perkantoran, dasar internet, kesadaran informasi dan dokumentasi
        online.</p>
    """,
    "courses": [
        {
            "title": "TIK untuk Perpustakaan Desa",
            "slug": "tik-perpustakaan-desa",
            "summary": (
                "Pelatihan dua hari untuk pengelola perpustakaan desa dan TBM: aplikasi "
                "perkantoran, dasar internet, dan dokumentasi kegiatan secara online."
            ),
            "description": """
                <p>Pelatihan ini adalah bagian TIK dari pelatihan Strategi Pengembangan
                Perpustakaan (SPP) Berbasis TIK. Anda akan belajar mengatur berkas di komputer
                bersama, menulis surat dan pengumuman, mencatat pengunjung dengan lembar
                kerja, mencari dan menilai informasi di internet, serta mendokumentasikan
                kegiatan perpustakaan secara online.</p>
                <p>Cocok untuk pengelola dan relawan yang baru mulai memakai komputer
                maupun yang ingin merapikan kebiasaannya.</p>
            """,
            "tier": "village",
            "estimated_hours": "12",
            "tags": ["internet", "aplikasi-perkantoran", "dokumentasi", "literasi-informasi"],
            "modules": [MODULE_OFFICE, MODULE_INTERNET, MODULE_DOCUMENTATION],
        },
    ],
}
