namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// The demo standards of the seeded catalogue (services.csv): plausible Indonesian texts an office would publish under
/// PermenPANRB 15/2014. A service without its own text gets a general one built from its name.
/// </summary>
internal static class ServiceStandardDemoTexts
{
    private const string Free = "**Tidak dipungut biaya.** Seluruh layanan Dinas Koperasi dan UKM Provinsi Jambi gratis. Petugas dilarang menerima imbalan dalam bentuk apa pun; laporkan bila diminta.";

    private const string Complaints =
        "Pengaduan, saran dan masukan atas layanan ini dapat disampaikan melalui:\n\n"
        + "- SP4N-LAPOR! di [www.lapor.go.id](https://www.lapor.go.id) atau SMS 1708;\n"
        + "- formulir permohonan daring pada halaman [Ajukan permohonan](/ajukan), dengan memilih layanan \"Pengaduan layanan\";\n"
        + "- kotak saran atau datang langsung ke meja pengaduan Sekretariat pada jam layanan.\n\n"
        + "Pengaduan diverifikasi paling lambat 3 hari kerja dan ditindaklanjuti paling lambat 5 hari kerja. Identitas pelapor dirahasiakan.";

    private const string BaseLaw =
        "- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n"
        + "- Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan;\n";

    private const string SmeLaw =
        "- Undang-Undang Nomor 20 Tahun 2008 tentang Usaha Mikro, Kecil, dan Menengah sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023;\n"
        + "- Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah;\n";

    private const string CoopLaw =
        "- Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023;\n"
        + "- Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah;\n"
        + "- Peraturan Menteri Koperasi dan UKM Nomor 9 Tahun 2018 tentang Penyelenggaraan dan Pembinaan Perkoperasian;\n";

    private static string Duration(int response, int resolution, string extra = "") =>
        $"Tanggapan pertama paling lambat **{response} hari kerja** dan penyelesaian paling lambat **{resolution} hari kerja** sejak permohonan lengkap diterima. "
        + "Waktu menunggu kelengkapan dari pemohon tidak dihitung." + (extra.Length > 0 ? " " + extra : "");

    private static string Steps(params string[] steps) =>
        string.Join("\n", steps.Select((s, i) => $"{i + 1}. {s}"));

    public static StandardTexts For(string code, string name, int response, int resolution)
    {
        var texts = Compose(code, name, response, resolution);
        return texts with { LegalBasis = texts.LegalBasis.TrimEnd(';', '\n', '.') + "." };
    }

    private static StandardTexts Compose(string code, string name, int response, int resolution) => code switch
    {
        "KONS-USAHA" => new(
            "- Kartu Tanda Penduduk (KTP) pemilik usaha;\n- Nomor Induk Berusaha (NIB), bila sudah ada;\n- uraian singkat usaha dan pertanyaan atau masalah yang ingin dikonsultasikan;\n- foto produk atau dokumen pendukung lain (bila ada).",
            Steps("Pemohon mengajukan permohonan secara daring melalui halaman Ajukan permohonan atau datang ke UPTD PLUT-KUMKM.",
                "Petugas memeriksa permohonan dan menghubungi pemohon untuk menyepakati jadwal konsultasi.",
                "Konsultasi dilaksanakan bersama konsultan PLUT, tatap muka atau daring.",
                "Konsultan menyampaikan catatan hasil konsultasi dan rencana tindak lanjut.",
                "Permohonan dinyatakan selesai; pemohon dapat mengisi survei kepuasan."),
            Duration(response, resolution), Free,
            "Catatan hasil konsultasi dan rencana tindak lanjut pengembangan usaha.", Complaints,
            BaseLaw + SmeLaw + "- Peraturan Gubernur Jambi tentang pembentukan UPTD Pusat Layanan Usaha Terpadu Koperasi dan UMKM."),
        "NIB-OSS" => new(
            "- KTP pemilik usaha (untuk usaha perseorangan) atau akta pendirian dan SK pengesahan badan hukum (untuk badan usaha);\n- Nomor Pokok Wajib Pajak (NPWP), bila ada;\n- alamat email dan nomor telepon aktif untuk akun OSS;\n- alamat dan uraian kegiatan usaha;\n- perkiraan modal usaha.",
            Steps("Pemohon mengajukan permohonan pendampingan secara daring atau datang ke Bidang Usaha Mikro.",
                "Petugas memeriksa kelengkapan data dan menjadwalkan pendampingan.",
                "Pemohon didampingi membuat akun dan mengisi data usaha pada sistem OSS (oss.go.id), termasuk pemilihan KBLI.",
                "NIB terbit dari sistem OSS dan dapat diunduh oleh pemohon.",
                "Petugas mencatat hasil pendampingan dan menutup permohonan."),
            Duration(response, resolution, "Penerbitan NIB sendiri dilakukan oleh sistem OSS."), Free,
            "Nomor Induk Berusaha (NIB) yang terbit melalui sistem OSS, beserta pendampingan pengisian data usaha.", Complaints,
            BaseLaw + SmeLaw + "- Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko;"),
        "HALAL" => new(
            "- KTP pemilik usaha;\n- Nomor Induk Berusaha (NIB);\n- daftar produk dan bahan yang digunakan;\n- proses produksi yang sederhana dan tidak berisiko (syarat pernyataan mandiri / *self-declare*);\n- foto tempat produksi dan produk.",
            Steps("Pemohon mengajukan permohonan fasilitasi secara daring atau datang ke Bidang Usaha Mikro.",
                "Petugas memeriksa kelayakan usaha untuk skema pernyataan mandiri.",
                "Pemohon didampingi mendaftar pada SIHALAL (ptsp.halal.go.id) bersama Pendamping Proses Produk Halal.",
                "Pendamping melakukan verifikasi dan validasi; BPJPH memproses sertifikat.",
                "Sertifikat halal terbit dan permohonan ditutup."),
            Duration(response, resolution, "Penerbitan sertifikat halal mengikuti jadwal BPJPH dan Komite Fatwa."), Free,
            "Sertifikat halal dari BPJPH melalui skema pernyataan mandiri pelaku usaha.", Complaints,
            BaseLaw + SmeLaw + "- Undang-Undang Nomor 33 Tahun 2014 tentang Jaminan Produk Halal;\n- Peraturan Pemerintah Nomor 39 Tahun 2021 tentang Penyelenggaraan Bidang Jaminan Produk Halal."),
        "PELATIHAN" => new(
            "- KTP peserta dengan domisili di Provinsi Jambi;\n- Nomor Induk Berusaha (NIB) atau surat keterangan usaha dari kelurahan/desa;\n- usaha sudah berjalan, dibuktikan dengan foto kegiatan usaha.",
            Steps("Pemohon mendaftar secara daring pada halaman Ajukan permohonan dengan menyebutkan pelatihan yang diminati.",
                "Petugas memeriksa persyaratan dan kuota pelatihan.",
                "Pemohon menerima pemberitahuan diterima atau masuk daftar tunggu angkatan berikutnya.",
                "Peserta mengikuti pelatihan atau bimbingan teknis sesuai jadwal.",
                "Peserta yang menyelesaikan pelatihan menerima sertifikat."),
            Duration(response, resolution, "Pelaksanaan pelatihan mengikuti jadwal angkatan."), Free,
            "Konfirmasi keikutsertaan pelatihan; sertifikat pelatihan bagi peserta yang menyelesaikannya.", Complaints,
            BaseLaw + SmeLaw),
        "KUR" => new(
            "- KTP dan Kartu Keluarga;\n- Nomor Induk Berusaha (NIB) atau surat keterangan usaha;\n- usaha produktif yang telah berjalan paling singkat 6 bulan;\n- catatan keuangan usaha sederhana (bila ada).",
            Steps("Pemohon mengajukan permohonan fasilitasi secara daring atau datang ke Bidang Usaha Mikro.",
                "Petugas menilai kesiapan usaha dan kelengkapan dokumen.",
                "Pemohon mendapat pendampingan menyusun permohonan kredit dan dirujuk ke bank penyalur KUR.",
                "Keputusan kredit sepenuhnya berada pada bank penyalur.",
                "Petugas mencatat hasil rujukan dan menutup permohonan."),
            Duration(response, resolution, "Waktu proses di bank penyalur tidak termasuk."), Free,
            "Surat rujukan dan pendampingan pengajuan Kredit Usaha Rakyat ke bank penyalur.", Complaints,
            BaseLaw + SmeLaw + "- Peraturan Menteri Koordinator Bidang Perekonomian tentang Pedoman Pelaksanaan Kredit Usaha Rakyat."),
        "PEMASARAN" => new(
            "- KTP pemilik usaha;\n- Nomor Induk Berusaha (NIB);\n- foto produk dan daftar harga;\n- izin edar yang sesuai (PIRT, BPOM atau sertifikat halal) untuk produk pangan.",
            Steps("Pemohon mengajukan permohonan secara daring atau datang ke UPTD PLUT-KUMKM.",
                "Tim kurasi PLUT menilai kesiapan produk (kualitas, kemasan, izin).",
                "Produk yang lolos kurasi diikutsertakan pada ruang pamer, pameran atau lokapasar mitra.",
                "Produk yang belum lolos mendapat catatan perbaikan dan dapat diajukan kembali.",
                "Permohonan ditutup dengan hasil kurasi."),
            Duration(response, resolution), Free,
            "Hasil kurasi produk dan keikutsertaan pada kegiatan pemasaran atau pameran.", Complaints,
            BaseLaw + SmeLaw),
        "KONS-KOP" => new(
            "- KTP pengurus atau calon pendiri koperasi;\n- nama koperasi dan Nomor Induk Koperasi (NIK), bila sudah berbadan hukum;\n- uraian pertanyaan atau masalah yang ingin dikonsultasikan;\n- dokumen pendukung, misalnya akta pendirian atau anggaran dasar (bila ada).",
            Steps("Pemohon mengajukan permohonan secara daring atau datang ke Bidang Kelembagaan Koperasi.",
                "Petugas memeriksa permohonan dan menyepakati jadwal konsultasi.",
                "Konsultasi dilaksanakan tatap muka atau daring.",
                "Petugas menyampaikan jawaban tertulis atau catatan hasil konsultasi.",
                "Permohonan dinyatakan selesai."),
            Duration(response, resolution), Free,
            "Jawaban tertulis atau catatan hasil konsultasi perkoperasian.", Complaints,
            BaseLaw + CoopLaw.TrimEnd(';', '\n') + "."),
        "DATA-KOP" => new(
            "- surat permohonan pengurus koperasi;\n- akta pendirian koperasi dan SK pengesahan badan hukum dari Kementerian Hukum (AHU);\n- akta perubahan anggaran dasar (bila ada);\n- berita acara Rapat Anggota Tahunan (RAT) terakhir;\n- Nomor Induk Berusaha (NIB) koperasi;\n- daftar pengurus dan pengawas dengan KTP.",
            Steps("Pengurus mengajukan permohonan secara daring dengan melampirkan dokumen.",
                "Petugas memverifikasi dokumen terhadap data pada Online Data System (ODS).",
                "Bila dokumen kurang, pemohon diminta melengkapi; waktu menunggu tidak dihitung.",
                "Petugas memperbarui data koperasi dan Nomor Induk Koperasi (NIK) pada ODS.",
                "Pemohon menerima pemberitahuan bahwa data telah diperbarui."),
            Duration(response, resolution), Free,
            "Data koperasi yang mutakhir pada Online Data System dan sertifikat NIK yang berlaku.", Complaints,
            BaseLaw + CoopLaw.TrimEnd(';', '\n') + "."),
        "INFO-PUBLIK" => new(
            "- identitas pemohon (KTP untuk perseorangan; akta pendirian atau surat keterangan terdaftar untuk badan hukum);\n- rincian informasi yang diminta;\n- tujuan penggunaan informasi;\n- cara memperoleh informasi (salinan elektronik atau cetak).",
            Steps("Pemohon mengajukan permohonan informasi secara daring atau di meja PPID Sekretariat.",
                "Petugas PPID mencatat permohonan dan memberikan tanda terima.",
                "PPID memeriksa apakah informasi terbuka atau dikecualikan.",
                "Informasi diberikan, atau pemohon menerima surat pemberitahuan tertulis beserta alasannya.",
                "Pemohon yang tidak puas dapat mengajukan keberatan kepada atasan PPID."),
            Duration(response, resolution, "Sesuai UU 14/2008, jangka waktu dapat diperpanjang satu kali paling lama 7 hari kerja dengan pemberitahuan tertulis."),
            "**Tidak dipungut biaya.** Biaya penggandaan atau pengiriman salinan cetak, bila ada, ditanggung pemohon sesuai biaya yang berlaku.",
            "Informasi publik yang diminta, atau surat pemberitahuan tertulis bila informasi dikecualikan.", Complaints,
            BaseLaw + "- Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;\n- Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik."),
        "PENGADUAN" => new(
            "- identitas pelapor (nama dan kontak yang dapat dihubungi; identitas dirahasiakan);\n- uraian kejadian: layanan apa, kapan dan di mana;\n- bukti pendukung (foto, dokumen), bila ada.",
            Steps("Pelapor menyampaikan pengaduan secara daring, melalui SP4N-LAPOR! atau datang langsung.",
                "Sekretariat memverifikasi dan meneruskan pengaduan ke bidang terkait paling lambat 3 hari kerja.",
                "Bidang terkait menindaklanjuti dan menyampaikan jawaban.",
                "Pelapor menerima jawaban dan dapat menyatakan puas atau mengajukan tanggapan."),
            Duration(response, resolution), Free,
            "Jawaban dan tindak lanjut atas pengaduan.", Complaints,
            BaseLaw + "- Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik;\n- Peraturan Menteri PANRB Nomor 62 Tahun 2018 tentang Pedoman Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional."),
        _ => new(
            "- Kartu Tanda Penduduk (KTP) pemohon;\n- Nomor Induk Berusaha (NIB), bila ada;\n- uraian permohonan.",
            Steps("Pemohon mengajukan permohonan secara daring atau datang langsung.",
                $"Petugas memeriksa kelengkapan permohonan {name.ToLowerInvariant()}.",
                "Petugas menindaklanjuti permohonan dan memberi tahu pemohon hasilnya."),
            Duration(response, resolution), Free,
            $"Hasil layanan {name.ToLowerInvariant()}.", Complaints,
            BaseLaw.TrimEnd(';', '\n') + "."),
    };
}
