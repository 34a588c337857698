namespace KopUkm.Dashboard.Features.Tickets.Demo;

/// <summary>
/// Word lists and texts the demo tickets are composed from. Demo content is data, like the seed CSVs, so it stays in
/// Indonesian whatever the user's language. Texts keyed by service code fall back to <see cref="Generic"/> for a
/// service an administrator added.
/// </summary>
internal static class DemoTicketWords
{
    public const string Generic = "*";

    public static readonly string[] FemaleNames =
    [
        "Siti", "Sri", "Nur", "Sari", "Dewi", "Ratna", "Yanti", "Rina", "Fitri", "Lestari", "Wati", "Nurhayati", "Suryani",
        "Mardiana", "Herlina", "Yusnidar", "Erna", "Aisyah", "Fatimah", "Halimah", "Rosmawati", "Zubaidah", "Nurlela",
        "Sumarni", "Juliana", "Desi", "Novi", "Yuliani", "Mega", "Indah", "Rahma", "Eka",
    ];

    public static readonly string[] MaleNames =
    [
        "Ahmad", "Muhammad", "Abdul", "Syamsul", "Zulkifli", "Hasan", "Rahmat", "Budi", "Agus", "Hendra", "Joko", "Slamet",
        "Wahyu", "Dedi", "Eko", "Irwan", "Fauzi", "Yusuf", "Ridwan", "Arif", "Hamdani", "Mukhlis", "Nasrul", "Rusdi",
        "Taufik", "Usman", "Zainal", "Firdaus", "Bambang", "Sutrisno", "Ilham", "Rudi", "Darmawan", "Heri",
    ];

    public static readonly string[] FamilyNames =
    [
        "Hidayat", "Saputra", "Harahap", "Siregar", "Nasution", "Lubis", "Wijaya", "Pratama", "Susanto", "Effendi",
        "Rahman", "Hakim", "Kurniawan", "Setiawan", "Hasibuan", "Tanjung", "Chaniago", "Syahputra", "Maulana", "Ismail",
        "Ibrahim", "Santoso", "Wibowo", "Prasetyo", "Nugroho", "Hartono", "Gunawan", "Saleh", "Anwar", "Hamid", "Daulay",
        "Batubara",
    ];

    public static readonly string[] MobilePrefixes =
        ["0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858", "0877", "0878", "0896", "0831", "0838"];

    public static readonly string[] EmailDomains = ["gmail.com", "gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com"];

    /// <summary>Products that carry a place name well ("Kopi Kerinci", "Pempek Jambi").</summary>
    public static readonly string[] LocalProducts =
    [
        "Kopi Kerinci", "Kopi Liberika Tungkal", "Teh Kayu Aro", "Kayu Manis Kerinci", "Madu Hutan Bungo", "Pinang Tanjabbar",
        "Batik Jambi", "Tenun Songket Jambi", "Dodol Nanas Tangkit", "Lempok Durian Sarolangun", "Kerupuk Ikan Patin",
        "Pempek Jambi", "Gula Aren Merangin", "Jeruk Kerinci", "Kopi Robusta Merangin",
    ];

    public static readonly string[] Products =
    [
        "Keripik Tempe", "Keripik Pisang", "Keripik Singkong", "Kerupuk Udang", "Rempeyek Kacang", "Kue Bolu", "Roti Manis",
        "Tempe", "Tahu", "Sambal Botol", "Abon Ikan", "Rendang", "Kue Kering", "Bakso", "Es Tebu", "Jamu Gendong",
        "Kopi Bubuk", "Madu", "Dodol", "Kue Lapis", "Serundeng", "Bawang Goreng", "Ikan Asin", "Kemplang", "Pisang Sale",
        "Getuk", "Nasi Gemuk", "Kue Padamaran", "Gulai Tepek",
    ];

    public static readonly string[] Trades =
    [
        "Toko Kelontong", "Warung Makan", "Penjahit", "Bengkel Motor", "Bengkel Las", "Laundry", "Salon", "Konveksi",
        "Percetakan", "Mebel", "Kerajinan Rotan", "Kerajinan Anyaman Pandan", "Catering", "Toko Bangunan", "Fotokopi",
        "Budidaya Ikan Patin", "Ternak Ayam Kampung", "Depot Air Minum",
    ];

    public static readonly string[] LegalForms = ["UD", "UD", "CV", "CV", "Toko", "PT"];

    public static readonly string[] WordFirst =
    [
        "Berkah", "Sinar", "Maju", "Karya", "Mitra", "Harapan", "Sumber", "Cahaya", "Tunas", "Rezeki", "Barokah", "Mekar",
        "Anugerah", "Sentosa", "Makmur", "Bunda", "Putri", "Citra", "Dua Saudara", "Tiga Putra",
    ];

    public static readonly string[] WordSecond =
    [
        "Jaya", "Makmur", "Abadi", "Mandiri", "Bersama", "Sejahtera", "Lestari", "Utama", "Sentosa", "Indah", "Rezeki",
        "Baru", "Mulia", "Agung", "Sakti", "Perkasa",
    ];

    public static readonly string[] CooperativeKinds =
    [
        "KSP", "Koperasi Produsen", "Koperasi Konsumen", "KSPPS", "Koperasi Pemasaran", "Koperasi Jasa", "Koperasi Petani Sawit",
        "Koperasi Wanita",
    ];

    /// <summary>What the applicant asks, by service code; "{usaha}" is the business name, "{produk}" its product.</summary>
    public static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["NIB-OSS"] =
        [
            "Saya ingin membuat NIB untuk usaha {produk} melalui OSS, tetapi verifikasi NIK selalu gagal. Mohon dibantu langkahnya.",
            "Mohon pendampingan pendaftaran NIB untuk {usaha}. Saya bingung memilih KBLI yang sesuai untuk usaha {produk} rumahan.",
            "NIB {usaha} sudah terbit, tetapi alamat usaha di OSS keliru. Bagaimana cara memperbaikinya?",
            "Saya lupa kata sandi akun OSS dan email lama sudah tidak aktif. Mohon bantuan agar bisa masuk kembali untuk memperbarui NIB.",
            "Usaha {produk} kami ingin menambah KBLI penjualan daring. Mohon arahan perubahan data NIB di OSS RBA.",
            "Apakah usaha mikro seperti {usaha} wajib memiliki sertifikat standar selain NIB? Mohon penjelasannya.",
        ],
        ["KONS-USAHA"] =
        [
            "Saya ingin berkonsultasi tentang pencatatan keuangan sederhana untuk {usaha}. Selama ini uang usaha dan rumah tangga masih tercampur.",
            "Penjualan {produk} kami turun sejak beberapa bulan terakhir. Mohon saran strategi pemasaran dan penentuan harga.",
            "Mohon konsultasi cara menarik lebih banyak pelanggan untuk {usaha}; pelanggan tetap kami makin sedikit.",
            "Saya berencana membuka cabang kedua {usaha}. Mohon pendampingan menyusun rencana usaha.",
            "Bagaimana cara menghitung harga jual yang benar untuk usaha {produk}? Kami sering rugi saat pesanan besar.",
            "Ingin konsultasi cara memasarkan {produk} lewat marketplace dan media sosial.",
        ],
        ["HALAL"] =
        [
            "Saya ingin mendaftar sertifikasi halal gratis (self declare) untuk produk {produk}. Mohon informasi syarat dan kuotanya.",
            "Pengajuan sertifikat halal {usaha} di SIHALAL tertahan di tahap verifikasi pendamping. Mohon dibantu.",
            "Mohon bantuan pendamping proses produk halal untuk usaha {produk} kami di rumah.",
            "Sertifikat halal kami akan berakhir. Bagaimana prosedur perpanjangan untuk {usaha}?",
            "Apakah produk {produk} dengan bahan dari pemasok lain bisa ikut program halal self declare?",
        ],
        ["PELATIHAN"] =
        [
            "Saya ingin mendaftar pelatihan pemasaran digital untuk pelaku UMKM. Apakah masih ada kuota untuk angkatan berikutnya?",
            "Mohon informasi jadwal bimtek manajemen usaha untuk {usaha} dan cara pendaftarannya.",
            "Kelompok usaha kami (8 orang) ingin ikut pelatihan pengemasan produk. Bisakah didaftarkan bersama?",
            "Apakah ada pelatihan pembukuan dan laporan keuangan UMKM tahun ini? Saya pemilik {usaha}.",
            "Saya sudah mendaftar pelatihan lewat tautan formulir, tetapi belum mendapat konfirmasi. Mohon dicek.",
            "Mohon info pelatihan fotografi produk untuk jualan daring. Usaha saya bergerak di bidang {produk}.",
        ],
        ["KUR"] =
        [
            "Saya ingin mengajukan KUR untuk menambah modal usaha {produk}. Bank mana saja yang melayani dan apa syaratnya?",
            "Pengajuan KUR {usaha} ditolak bank karena riwayat SLIK. Apakah ada pembiayaan lain yang bisa diakses?",
            "Mohon surat keterangan usaha dari dinas sebagai kelengkapan pengajuan KUR mikro.",
            "Berapa plafon KUR super mikro dan bunganya? Usaha {produk} saya baru berjalan satu tahun.",
        ],
        ["PEMASARAN"] =
        [
            "Kami ingin ikut pameran UMKM yang diadakan dinas. Bagaimana cara mendaftar stan untuk produk {produk}?",
            "Mohon fasilitasi kurasi produk {usaha} agar bisa masuk gerai oleh-oleh Jambi.",
            "Apakah dinas membantu UMKM masuk katalog elektronik pengadaan pemerintah? Kami produsen {produk}.",
            "Ingin menitipkan produk {produk} di galeri PLUT. Apa persyaratannya?",
            "Mohon informasi kegiatan temu bisnis dengan pembeli dari luar provinsi.",
        ],
        ["KONS-KOP"] =
        [
            "Kami ingin mendirikan koperasi bersama 12 pelaku usaha {produk}. Mohon konsultasi tahapan pendirian dan akta notaris.",
            "Pengurus {usaha} ingin berkonsultasi tentang pelaksanaan RAT yang sudah tertunda dua tahun.",
            "Bagaimana prosedur perubahan anggaran dasar koperasi karena penambahan unit usaha?",
            "Mohon penjelasan pembagian SHU yang benar sesuai anggaran dasar {usaha}.",
            "Koperasi kami ingin beralih ke pola syariah. Apa saja yang perlu disiapkan?",
        ],
        ["DATA-KOP"] =
        [
            "Mohon pembaruan data {usaha} di ODS karena pergantian pengurus hasil RAT.",
            "NIK koperasi {usaha} belum muncul di sistem ODS padahal sertifikat sudah terbit.",
            "Kami ingin melaporkan hasil RAT tahun buku terakhir dan memperbarui jumlah anggota di ODS.",
            "Alamat sekretariat {usaha} berubah. Mohon data di ODS diperbarui.",
        ],
        ["INFO-PUBLIK"] =
        [
            "Saya mahasiswa dan memohon data jumlah UMKM binaan per kabupaten/kota tahun terakhir untuk keperluan penelitian.",
            "Mohon salinan daftar koperasi aktif di wilayah {wilayah} beserta alamatnya.",
            "Memohon informasi realisasi anggaran program pelatihan UMKM tahun lalu.",
            "Mohon data penerima fasilitasi sertifikasi halal gratis per kabupaten untuk bahan liputan.",
        ],
        ["PENGADUAN"] =
        [
            "Saya sudah tiga kali datang ke kantor untuk pendampingan NIB tetapi petugas tidak ada di tempat.",
            "Nomor WhatsApp layanan yang tercantum di situs web tidak pernah membalas pesan saya sejak minggu lalu.",
            "Saya keberatan karena nama {usaha} tidak masuk daftar peserta pameran padahal sudah mendaftar sejak awal.",
            "Ada pihak yang mengaku dari dinas dan meminta biaya untuk pengurusan sertifikat halal. Apakah ini resmi?",
            "Pengumuman hasil seleksi pelatihan tidak jelas dan tidak ada informasi kapan diumumkan.",
        ],
        [Generic] =
        [
            "Mohon informasi dan bantuan terkait layanan ini untuk usaha {produk} saya.",
            "Saya pemilik {usaha} dan ingin berkonsultasi mengenai layanan ini.",
        ],
    };

    /// <summary>The office's first answer, by service code.</summary>
    public static readonly Dictionary<string, string[]> FirstReplies = new()
    {
        ["NIB-OSS"] =
        [
            "Terima kasih, Bapak/Ibu. Silakan siapkan KTP, NPWP (jika ada) dan email aktif. Kami bantu pendaftaran NIB di OSS.",
            "Permohonan diterima. Petugas kami akan mendampingi pengisian data usaha dan pemilihan KBLI di OSS RBA.",
        ],
        ["KONS-USAHA"] =
        [
            "Terima kasih. Konsultasi kami jadwalkan dengan konsultan PLUT; mohon membawa catatan penjualan tiga bulan terakhir.",
            "Permohonan konsultasi diterima. Kami hubungi Bapak/Ibu untuk menentukan waktu pertemuan.",
        ],
        ["HALAL"] =
        [
            "Terima kasih. Kuota program halal self declare masih tersedia. Mohon siapkan NIB, daftar bahan dan foto proses produksi.",
            "Permohonan diterima dan kami teruskan ke pendamping proses produk halal di wilayah Bapak/Ibu.",
        ],
        ["PELATIHAN"] =
        [
            "Terima kasih, data pendaftaran sudah kami catat. Konfirmasi peserta dikirim paling lambat seminggu sebelum pelatihan.",
            "Pendaftaran diterima. Mohon lengkapi formulir peserta dan salinan NIB bila ada.",
        ],
        ["KUR"] =
        [
            "Terima kasih. KUR dapat diajukan di bank penyalur; kami bantu menyiapkan dokumen dan surat keterangan usaha.",
        ],
        ["PEMASARAN"] =
        [
            "Terima kasih atas minatnya. Produk akan melalui kurasi terlebih dahulu; mohon kirim foto produk dan daftar harga.",
        ],
        ["KONS-KOP"] =
        [
            "Terima kasih. Konsultasi koperasi kami layani setiap hari kerja; petugas akan menghubungi pengurus untuk jadwal.",
        ],
        ["DATA-KOP"] =
        [
            "Permohonan diterima. Mohon kirim berita acara RAT dan daftar pengurus terbaru untuk pembaruan data ODS.",
        ],
        ["INFO-PUBLIK"] =
        [
            "Permohonan informasi diterima dan dicatat oleh PPID. Jawaban disampaikan paling lambat 10 hari kerja.",
        ],
        ["PENGADUAN"] =
        [
            "Terima kasih atas laporannya. Pengaduan sudah kami catat dan sedang kami klarifikasi ke bidang terkait.",
            "Mohon maaf atas ketidaknyamanannya. Pengaduan Bapak/Ibu kami tindak lanjuti.",
        ],
        [Generic] = ["Terima kasih, permohonan Bapak/Ibu sudah kami terima dan sedang kami proses."],
    };

    /// <summary>What the office waits for while the clock is paused, by service code.</summary>
    public static readonly Dictionary<string, string[]> PauseReasons = new()
    {
        ["NIB-OSS"] = ["Menunggu salinan KTP dan NPWP pemohon.", "Menunggu pemohon mengaktifkan kembali email untuk akun OSS.", "Menunggu salinan KTP dan NIB."],
        ["HALAL"] = ["Menunggu daftar bahan dan foto proses produksi dari pemohon.", "Menunggu salinan KTP dan NIB.", "Menunggu jadwal kunjungan pendamping disetujui pemohon."],
        ["PELATIHAN"] = ["Menunggu formulir peserta yang sudah diisi lengkap.", "Menunggu salinan KTP dan NIB."],
        ["KUR"] = ["Menunggu salinan KTP, KK dan NIB untuk surat keterangan usaha.", "Menunggu pemohon melengkapi catatan penjualan."],
        ["PEMASARAN"] = ["Menunggu foto produk dan daftar harga.", "Menunggu contoh produk untuk kurasi."],
        ["KONS-KOP"] = ["Menunggu salinan anggaran dasar koperasi.", "Menunggu pengurus menentukan jadwal konsultasi."],
        ["DATA-KOP"] = ["Menunggu berita acara RAT dan daftar pengurus terbaru.", "Menunggu salinan sertifikat NIK koperasi."],
        ["INFO-PUBLIK"] = ["Menunggu pemohon melengkapi identitas (KTP) sesuai ketentuan PPID."],
        ["PENGADUAN"] = ["Menunggu bukti pendukung (tangkapan layar atau kuitansi) dari pelapor."],
        [Generic] = ["Menunggu kelengkapan dokumen dari pemohon.", "Menunggu salinan KTP dan NIB."],
    };

    public static readonly string[] ResumeTexts =
    [
        "Dokumen sudah diterima lengkap.", "Pemohon sudah mengirim kelengkapan melalui WhatsApp.", "Berkas diserahkan langsung di loket.",
        "Pemohon sudah menghubungi kembali.",
    ];

    /// <summary>How the request was settled, by service code.</summary>
    public static readonly Dictionary<string, string[]> Resolutions = new()
    {
        ["NIB-OSS"] =
        [
            "NIB berhasil diterbitkan melalui OSS dan salinannya sudah dikirim ke pemohon.",
            "Data usaha di OSS sudah diperbaiki; pemohon mengunduh NIB terbaru.",
            "Pemohon didampingi memilih KBLI dan menyelesaikan pendaftaran NIB di loket.",
        ],
        ["KONS-USAHA"] =
        [
            "Konsultasi selesai; pemohon diberi contoh buku kas harian dan jadwal pendampingan lanjutan.",
            "Konsultan PLUT memberikan rekomendasi kemasan dan strategi harga; materi dikirim melalui WhatsApp.",
            "Rencana usaha sudah disusun bersama pemohon.",
        ],
        ["HALAL"] =
        [
            "Pengajuan self declare sudah dikirim di SIHALAL dengan pendamping PPH; pemohon menunggu sertifikat dari BPJPH.",
            "Sertifikat halal sudah terbit dan diterima pemohon.",
        ],
        ["PELATIHAN"] =
        [
            "Pemohon terdaftar sebagai peserta pelatihan angkatan berikutnya; undangan sudah dikirim.",
            "Kuota pelatihan penuh; pemohon dimasukkan daftar tunggu dan diarahkan ke pelatihan daring.",
        ],
        ["KUR"] =
        [
            "Surat keterangan usaha diterbitkan dan pemohon diarahkan ke bank penyalur KUR terdekat.",
            "Pemohon diberi penjelasan skema KUR super mikro dan daftar bank penyalur.",
        ],
        ["PEMASARAN"] =
        [
            "Produk lolos kurasi dan dijadwalkan tampil di galeri PLUT.",
            "Pemohon terdaftar sebagai peserta pameran; informasi stan sudah disampaikan.",
        ],
        ["KONS-KOP"] =
        [
            "Konsultasi selesai; pengurus diberi panduan pelaksanaan RAT dan contoh berita acara.",
            "Tahapan pendirian koperasi dan daftar notaris pembuat akta koperasi sudah disampaikan.",
        ],
        ["DATA-KOP"] = ["Data pengurus dan anggota di ODS sudah diperbarui.", "Data koperasi di ODS sudah sesuai hasil RAT terakhir."],
        ["INFO-PUBLIK"] = ["Informasi yang diminta sudah dikirim melalui email dalam format PDF.", "Salinan informasi diserahkan langsung kepada pemohon."],
        ["PENGADUAN"] =
        [
            "Pengaduan sudah diklarifikasi ke bidang terkait; jadwal piket layanan diperbaiki dan pelapor sudah dilayani.",
            "Pelapor sudah dihubungi dan permasalahan diselesaikan; tindak lanjut dilaporkan ke SP4N-LAPOR!.",
            "Disampaikan bahwa layanan dinas tidak dipungut biaya; informasi pungutan diteruskan ke inspektorat.",
        ],
        [Generic] = ["Permohonan sudah ditindaklanjuti dan pemohon sudah dihubungi."],
    };

    /// <summary>Said when a request is closed because the applicant never sent what was missing.</summary>
    public const string AbandonedResolution = "Diselesaikan karena pemohon tidak melengkapi berkas dalam 10 hari kerja; pemohon dapat mengajukan kembali.";

    public static readonly string[] CloseTexts = ["", "", "Pemohon mengonfirmasi layanan sudah diterima.", "Pemohon menyatakan puas dengan layanan."];

    public static readonly string[] ReopenReasons =
    [
        "Pemohon menyampaikan NIB yang terbit masih mencantumkan KBLI yang keliru.",
        "Pemohon belum menerima salinan dokumen yang dijanjikan.",
        "Masalah yang sama muncul kembali; pemohon meminta pendampingan lanjutan.",
        "Pemohon menyatakan jawaban belum menjawab pertanyaannya.",
    ];

    public const string HandoffReply = "Permohonan Bapak/Ibu sudah kami terima dari bidang sebelumnya dan sedang kami tindak lanjuti.";

    public const string ReopenReply = "Mohon maaf atas kekurangannya. Permohonan kami buka kembali dan sedang ditindaklanjuti.";

    public static readonly string[] Notes =
    [
        "Pemohon dihubungi melalui telepon untuk konfirmasi data.", "Sudah dikoordinasikan dengan pendamping lapangan.",
        "Pemohon datang ke loket untuk menanyakan perkembangan.", "Berkas sementara disimpan di map layanan.",
    ];

    /// <summary>Where misrouted requests of a service go, with the reason, by service code and receiving division code.</summary>
    public static readonly Dictionary<string, (string Division, string Reason)[]> Handoffs = new()
    {
        ["NIB-OSS"] = [("PLUT", "Pemohon juga memerlukan pendampingan usaha menyeluruh; diteruskan ke PLUT.")],
        ["KONS-USAHA"] = [("UMK", "Pokok permasalahan adalah perizinan (NIB/OSS); diteruskan ke Bidang Usaha Mikro.")],
        ["HALAL"] = [("PLUT", "Pemohon memerlukan kurasi produk dan perbaikan kemasan sebelum pengajuan halal.")],
        ["PELATIHAN"] = [("PMK", "Pemohon adalah pengurus koperasi; pelatihan pengelola koperasi ditangani Bidang Pemberdayaan Koperasi.")],
        ["KUR"] = [("PLUT", "Pemohon perlu pendampingan rencana usaha sebelum pengajuan KUR.")],
        ["PEMASARAN"] = [("UMK", "Produk belum memiliki NIB dan sertifikat halal; diteruskan ke Bidang Usaha Mikro.")],
        ["KONS-KOP"] =
        [
            ("PWS", "Pertanyaan menyangkut kesehatan usaha simpan pinjam; kewenangan Bidang Pengawasan Koperasi."),
            ("PMK", "Koperasi meminta pendampingan pengembangan usaha; diteruskan ke Bidang Pemberdayaan Koperasi."),
        ],
        ["DATA-KOP"] = [("PWS", "Koperasi belum RAT lebih dari dua tahun; perlu ditangani Bidang Pengawasan Koperasi.")],
        ["INFO-PUBLIK"] =
        [
            ("KLM", "Data koperasi dikelola Bidang Kelembagaan Koperasi; permohonan diteruskan untuk disiapkan."),
            ("UMK", "Data UMKM binaan dikelola Bidang Usaha Mikro; permohonan diteruskan untuk disiapkan."),
        ],
        ["PENGADUAN"] =
        [
            ("UMK", "Pengaduan menyangkut layanan Bidang Usaha Mikro; diteruskan untuk ditindaklanjuti."),
            ("PLUT", "Pengaduan menyangkut layanan PLUT-KUMKM; diteruskan untuk ditindaklanjuti."),
        ],
    };

    /// <summary>Relative frequencies of the services; an unlisted (administrator-added) service gets 30.</summary>
    public static readonly Dictionary<string, int> ServiceWeights = new()
    {
        ["NIB-OSS"] = 240, ["KONS-USAHA"] = 195, ["PELATIHAN"] = 150, ["HALAL"] = 140, ["KUR"] = 80, ["PEMASARAN"] = 70,
        ["KONS-KOP"] = 50, ["DATA-KOP"] = 40, ["PENGADUAN"] = 22, ["INFO-PUBLIK"] = 13,
    };

    /// <summary>Relative sizes by BPS code: the capital and its neighbour bring the most requests.</summary>
    public static readonly Dictionary<string, int> RegionWeights = new()
    {
        ["15.71"] = 30, ["15.05"] = 16, ["15.04"] = 7, ["15.07"] = 7, ["15.09"] = 7, ["15.02"] = 7, ["15.08"] = 6,
        ["15.03"] = 6, ["15.01"] = 6, ["15.06"] = 4, ["15.72"] = 4,
    };
}
