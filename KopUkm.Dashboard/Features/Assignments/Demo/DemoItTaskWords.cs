using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Features.Assignments.Demo;

/// <summary>The kinds of work the Digital Service Unit gets from each division, as the office words them.</summary>
internal static class DemoItTaskWords
{
    /// <summary>Title, description, requesting division, typical hours and how urgent such work tends to be.</summary>
    public static IReadOnlyList<DemoItTaskTemplate> Templates { get; } =
    [
        new("Perbarui halaman persyaratan NIB", "Sesuaikan daftar persyaratan NIB di situs web dengan ketentuan OSS RBA terbaru dan tambahkan tautan panduan.", "UMK", 3, WorkPriority.Tinggi, WorkItemKind.Ticket),
        new("Cadangkan server website", "Cadangan penuh basis data dan berkas situs web dinas sebelum pembaruan CMS; simpan salinan di NAS kantor.", "SEK", 2, WorkPriority.Normal),
        new("Pelatihan admin media sosial Bidang UMKM", "Sesi dua jam untuk admin Instagram dan Facebook Bidang Usaha Mikro: jadwal unggah, balasan pesan, dan keamanan akun.", "UMK", 6, WorkPriority.Normal),
        new("Pasang printer jaringan ruang Sekretariat", "Printer baru di ruang Sekretariat belum terhubung ke jaringan; pasang driver di lima komputer staf.", "SEK", 2, WorkPriority.Normal),
        new("Perbaiki formulir pengaduan di situs web", "Lampiran foto pada formulir pengaduan gagal terkirim bila ukuran di atas 2 MB.", "SEK", 4, WorkPriority.Tinggi, WorkItemKind.Ticket),
        new("Buat akun email dinas pegawai baru", "Dua pegawai baru {0} membutuhkan akun email @jambiprov.go.id dan akses dasbor.", "*", 1, WorkPriority.Normal),
        new("Unggah data koperasi aktif {1}", "Perbarui tabel koperasi aktif di halaman data terbuka dari rekap Bidang Kelembagaan.", "KLM", 3, WorkPriority.Normal, WorkItemKind.CooperativeCase),
        new("Siapkan formulir daring pendaftaran pelatihan {2}", "Formulir pendaftaran peserta pelatihan dengan kuota per kabupaten/kota dan ekspor ke Excel.", "PMK", 5, WorkPriority.Normal),
        new("Perbarui katalog produk UMKM binaan PLUT", "Tambahkan 25 produk baru hasil kurasi ke katalog daring, lengkap dengan foto dan kontak pelaku usaha.", "PLUT", 8, WorkPriority.Normal, WorkItemKind.Ticket),
        new("Pasang ulang sistem operasi laptop {0}", "Laptop lambat dan sering hang; cadangkan data, pasang ulang, dan pasang aplikasi kantor.", "*", 4, WorkPriority.Rendah),
        new("Periksa koneksi internet ruang rapat lantai 2", "Wi-Fi ruang rapat sering terputus saat rapat daring; periksa access point dan kanal.", "SEK", 2, WorkPriority.Tinggi),
        new("Perpanjang domain dan sertifikat SSL situs dinas", "Domain dan sertifikat SSL berakhir bulan depan; koordinasi dengan Diskominfo untuk perpanjangan.", "SEK", 1.5m, WorkPriority.Mendesak),
        new("Rekap statistik kunjungan situs web {1}", "Laporan kunjungan, halaman terpopuler dan unduhan dokumen untuk laporan kinerja Sekretariat.", "SEK", 2, WorkPriority.Rendah),
        new("Desain banner Gelar Produk UMKM {3}", "Banner situs web dan unggahan media sosial untuk pameran produk UMKM di {3}.", "PLUT", 4, WorkPriority.Normal),
        new("Siapkan ruang Zoom rapat koordinasi pengawasan", "Ruang rapat daring dengan 80 peserta dari dinas kabupaten/kota, termasuk rekaman.", "PWS", 1, WorkPriority.Tinggi),
        new("Migrasi arsip dokumen RAT ke penyimpanan bersama", "Pindahkan pindaian laporan RAT 2024–2025 dari komputer staf ke folder bersama yang dicadangkan.", "KLM", 10, WorkPriority.Normal, WorkItemKind.CooperativeCase),
        new("Perbaiki tampilan situs web di ponsel", "Menu utama situs web tertutup spanduk pada layar ponsel kecil.", "SEK", 5, WorkPriority.Normal, WorkItemKind.Ticket),
        new("Aktifkan autentikasi dua langkah akun media sosial", "Semua akun media sosial resmi dinas diamankan dengan autentikasi dua langkah dan kata sandi baru.", "SEK", 2, WorkPriority.Tinggi),
        new("Pembaruan antivirus seluruh komputer", "Perpanjang lisensi antivirus dan pastikan 46 komputer kantor mendapat pembaruan.", "SEK", 6, WorkPriority.Normal),
        new("Buat dasbor sederhana penyaluran KUR", "Grafik penyaluran KUR per kabupaten/kota dari data bank penyalur untuk rapat pimpinan.", "UMK", 12, WorkPriority.Normal),
        new("Unggah materi pelatihan perkoperasian", "Unggah modul dan video pelatihan pengelola koperasi ke halaman unduhan.", "PMK", 2, WorkPriority.Rendah),
        new("Perbaiki jaringan LAN ruang Bidang Pengawasan", "Tiga titik LAN mati setelah renovasi ruangan.", "PWS", 3, WorkPriority.Tinggi),
        new("Siapkan perangkat layanan konsultasi daring PLUT", "Laptop, kamera dan headset untuk konsultasi daring pelaku UMKM dari kabupaten.", "PLUT", 3, WorkPriority.Normal, WorkItemKind.Ticket),
        new("Publikasikan pengumuman seleksi pendamping UMKM", "Unggah pengumuman dan formulir pendaftaran pendamping UMKM di situs web dan media sosial.", "UMK", 1.5m, WorkPriority.Mendesak),
        new("Rapikan daftar tautan mati di situs web", "Periksa dan perbaiki tautan dokumen yang tidak dapat dibuka di halaman regulasi.", "SEK", 4, WorkPriority.Rendah, WorkItemKind.Ticket),
        new("Pasang CCTV ruang layanan PLUT", "Pasang dua kamera CCTV di ruang layanan dan hubungkan ke perekam.", "PLUT", 6, WorkPriority.Normal),
        new("Ekspor data pendaftaran koperasi untuk BPS", "Data koperasi per kabupaten/kota dalam format yang diminta BPS Provinsi Jambi.", "KLM", 3, WorkPriority.Normal, WorkItemKind.CooperativeCase),
        new("Pelatihan penggunaan dasbor untuk petugas {0}", "Sesi pengenalan antrean kerja, tiket dan notifikasi untuk petugas {0}.", "*", 4, WorkPriority.Normal),
        new("Perbaiki sinkronisasi kalender rapat pimpinan", "Undangan rapat dari sekretariat tidak muncul di kalender ponsel pimpinan.", "SEK", 2, WorkPriority.Tinggi),
        new("Siapkan siaran langsung Hari Koperasi", "Siaran langsung upacara dan dialog Hari Koperasi di kanal YouTube dan Instagram dinas.", "PMK", 8, WorkPriority.Tinggi),
        new("Perbarui data kontak pendamping koperasi di situs", "Daftar nomor kontak pendamping koperasi per kabupaten/kota di halaman layanan.", "PMK", 1, WorkPriority.Rendah),
        new("Ganti UPS server ruang TI", "Baterai UPS server lemah; pengadaan dan pemasangan UPS pengganti.", "SEK", 3, WorkPriority.Mendesak),
        new("Tambahkan halaman FAQ sertifikasi halal", "Pertanyaan yang sering diajukan tentang fasilitasi sertifikasi halal gratis untuk UMK.", "UMK", 4, WorkPriority.Normal, WorkItemKind.Ticket),
        new("Atur hak akses folder bersama {0}", "Pisahkan folder kerja dan arsip; staf hanya menulis di folder kerja.", "*", 1.5m, WorkPriority.Normal),
        new("Pulihkan akun Instagram PLUT yang terkunci", "Akun Instagram PLUT terkunci setelah percobaan masuk mencurigakan.", "PLUT", 2, WorkPriority.Mendesak),
        new("Buat formulir survei kepuasan layanan {1}", "Survei kepuasan masyarakat (SKM) daring untuk layanan UMKM dan koperasi.", "SEK", 3, WorkPriority.Normal),
        new("Pindai dan unggah SK pengawasan koperasi", "Pindai SK hasil pengawasan dan unggah ke arsip digital dengan nama berkas yang seragam.", "PWS", 5, WorkPriority.Rendah, WorkItemKind.CooperativeCase),
        new("Perbaiki proyektor ruang rapat utama", "Proyektor tidak mendeteksi laptop melalui HDMI.", "SEK", 1, WorkPriority.Normal),
        new("Kirim data UMKM binaan ke aplikasi SIDT", "Unggah data UMKM binaan triwulan ini ke aplikasi pendataan kementerian.", "UMK", 4, WorkPriority.Tinggi),
        new("Perbarui profil pejabat di situs web", "Foto dan riwayat jabatan kepala bidang yang baru dilantik.", "SEK", 1, WorkPriority.Rendah),
    ];

    public static IReadOnlyList<string> Quarters { get; } = ["I", "II", "III", "IV"];

    public static IReadOnlyList<string> Trainings { get; } =
        ["Digital Marketing UMKM", "Akuntansi Koperasi", "Pengelolaan Keuangan Usaha Mikro", "Kemasan Produk", "Manajemen Koperasi Simpan Pinjam"];

    public static IReadOnlyList<string> Places { get; } =
        ["Kota Jambi", "Muaro Jambi", "Kerinci", "Sungai Penuh", "Tanjung Jabung Barat", "Bungo", "Merangin", "Sarolangun", "Batanghari", "Tebo"];

    public static IReadOnlyList<string> WaitingReasons { get; } =
    [
        "Menunggu persetujuan Sekretaris.",
        "Menunggu data dari bidang peminta.",
        "Menunggu vendor mengirim suku cadang.",
        "Menunggu balasan Diskominfo.",
        "Menunggu jadwal dari bidang peminta.",
        "Menunggu pengadaan barang selesai.",
    ];

    public static IReadOnlyList<string> ReassignReasons { get; } =
    [
        "Penanggung jawab sebelumnya cuti.",
        "Dialihkan karena beban kerja.",
        "Butuh keahlian jaringan.",
        "Penanggung jawab sebelumnya dinas luar.",
    ];

    public static IReadOnlyList<string> ReopenReasons { get; } =
    [
        "Masalah muncul lagi setelah dua hari.",
        "Bidang peminta menemukan data yang belum diperbarui.",
    ];
}

/// <param name="DivisionCode">The requesting division, or "*" for any division.</param>
/// <param name="RaisedFrom">The kind of record such work is often raised from (an SME's ticket, a cooperative's case).</param>
internal sealed record DemoItTaskTemplate(string Title, string Description, string DivisionCode, decimal Hours, WorkPriority Priority, WorkItemKind RaisedFrom = WorkItemKind.None);
