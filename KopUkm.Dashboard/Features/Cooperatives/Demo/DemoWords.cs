namespace KopUkm.Dashboard.Features.Cooperatives.Demo;

/// <summary>
/// Word lists the demo cooperatives are composed from. Demo content is data, like the seed CSVs, so it stays in
/// Indonesian whatever the user's language.
/// </summary>
internal static class DemoWords
{
    public static readonly string[] NameFirst =
    [
        "Harapan", "Sumber", "Maju", "Karya", "Mitra", "Bina", "Tunas", "Mekar", "Sinar", "Cahaya", "Bumi", "Harum",
        "Usaha", "Sentosa", "Rukun", "Setia", "Sepakat", "Mufakat", "Budi", "Putra", "Putri", "Citra", "Anugerah",
        "Berkah", "Dharma", "Bakti", "Swadaya", "Gotong Royong", "Kencana", "Mulia", "Sejahtera", "Sakinah",
        "Serumpun", "Bersatu", "Andalan", "Bahagia", "Makmur", "Teguh", "Guna", "Tekad",
    ];

    public static readonly string[] NameSecond =
    [
        "Jaya", "Makmur", "Sejahtera", "Mandiri", "Bersama", "Sentosa", "Abadi", "Rejeki", "Lestari", "Utama", "Baru",
        "Indah", "Sakti", "Mulia", "Karya", "Usaha", "Harapan", "Berkah", "Perkasa", "Agung", "Tani", "Bangsa",
        "Nusantara", "Persada", "Sepakat",
    ];

    /// <summary>Mottos and places of Jambi, used whole as a cooperative's name.</summary>
    public static readonly string[] LocalNames =
    [
        "Sepucuk Jambi Sembilan Lurah", "Tanah Pilih Pesako Betuah", "Sepucuk Nipah Serumpun Nibung", "Serentak Bak Regam",
        "Sakti Alam Kerinci", "Tali Undang Tambang Teliti", "Sepucuk Adat Serumpun Pseko", "Langkah Serentak Limbai Seayun",
        "Seentak Galah Serengkuh Dayung", "Bumi Langit", "Angso Duo", "Batanghari Sembilan", "Tanggo Rajo", "Pinang Masak",
        "Sultan Thaha", "Orang Kayo Hitam", "Candi Muaro Jambi", "Kerinci Seblat", "Gunung Tujuh", "Danau Sipin",
    ];

    /// <summary>Names syariah cooperatives favour.</summary>
    public static readonly string[] IslamicNames =
    [
        "Al-Amanah", "Al-Ikhlas", "Al-Hikmah", "Al-Falah", "Al-Barokah", "An-Nur", "At-Taqwa", "Al-Hidayah", "Ar-Rahmah",
        "Nurul Iman", "Nurul Huda", "Baitul Makmur", "Baitul Ihsan", "Mitra Ummat", "Ukhuwah", "Fajar Ummat", "Insan Mulia",
        "Bina Ummat Sejahtera", "Tamwil Amanah", "Madani", "Al-Muhajirin", "Darussalam", "Nurul Falah", "Husnul Khotimah",
    ];

    public static readonly string[] Commodities =
    [
        "Kelapa Sawit", "Karet", "Kopi", "Kayu Manis", "Pinang", "Kelapa", "Padi", "Jagung", "Kentang", "Teh", "Ikan",
        "Udang", "Madu Hutan", "Jernang", "Batik", "Kerajinan Rotan", "Gula Aren", "Sayur", "Jeruk", "Durian",
    ];

    public static readonly string[] Services =
    [
        "Angkutan", "Transportasi", "Wisata", "Konstruksi", "Pengelola Pasar", "Kebersihan", "Angkutan Sungai",
        "Tenaga Kerja Bongkar Muat", "Kesehatan", "Pendidikan", "Perparkiran", "Ekspedisi",
    ];

    public static readonly string[] Institutions =
    [
        "Dinas Pendidikan", "Dinas Kesehatan", "RSUD", "Sekretariat Daerah", "Dinas Pertanian", "Kantor Kementerian Agama",
        "Dinas Pekerjaan Umum", "Badan Pendapatan Daerah", "Guru SD", "Guru SMP", "Pegawai Kecamatan", "Dinas Perhubungan",
        "Kepolisian Resor", "Pengadilan Negeri", "Dinas Kependudukan",
    ];

    public static readonly string[] Companies =
    [
        "PT Perkebunan Nusantara IV Regional 4", "Bank Jambi", "PT Wira Karya Sakti", "PT Lontar Papyrus", "PT Asiatic Persada",
        "PT Petrochina", "PDAM Tirta Mayang", "PT Pelindo Jambi", "PT PLN UP3 Jambi", "PT Bukit Barisan Indah Prima",
        "Universitas Jambi", "UIN Sulthan Thaha Saifuddin", "PT Telkom Jambi", "PT Pos Indonesia Jambi",
    ];

    /// <summary>Villages (desa/kelurahan) for village cooperatives; names repeat across regencies, as they do.</summary>
    public static readonly string[] Villages =
    [
        "Sungai Duren", "Pematang Raman", "Tanjung Pauh", "Sungai Bertam", "Mendalo Darat", "Kasang Pudak", "Rantau Panjang",
        "Lubuk Kambing", "Pulau Temiang", "Teluk Kuali", "Sungai Rambai", "Suka Maju", "Sumber Agung", "Margo Mulyo",
        "Bukit Baling", "Talang Datar", "Muara Kilis", "Sido Mukti", "Tanjung Harapan", "Karya Bakti", "Lubuk Bedorong",
        "Renah Alai", "Koto Rendah", "Semurup", "Siulak Deras", "Pelayang Raya", "Sungai Gelam", "Sri Agung", "Mekar Jaya",
        "Sinar Wajo", "Simpang Rantau Gedang", "Teluk Nilau", "Parit Culum", "Rantau Rasau", "Pandan Jaya", "Kampung Laut",
        "Air Hitam Laut", "Pasir Mayang", "Purwodadi", "Wirotho Agung", "Tanah Periuk", "Lubuk Napal", "Dusun Tuo",
        "Bukit Tempurung", "Sungai Abang", "Muara Danau", "Tebat Patah", "Sungai Pinang", "Rantau Pandan", "Koto Majidin",
    ];

    public static readonly string[] Streets =
    [
        "Jend. Sudirman", "Gatot Subroto", "Kapt. Pattimura", "Lintas Sumatera", "Pangeran Diponegoro", "Sultan Thaha",
        "H.O.S. Cokroaminoto", "Kol. Abunjani", "Raden Mattaher", "Prof. Dr. Sri Soedewi", "Jend. Ahmad Yani", "Sisingamangaraja",
        "Hayam Wuruk", "Gajah Mada", "Lingkar Barat", "Lingkar Timur", "Orang Kayo Hitam", "Kh. Hasyim Asyari", "Slamet Riyadi",
        "Pasar Baru", "Merdeka", "Pahlawan", "Veteran", "Garuda", "Poros Desa", "Lintas Timur", "Lintas Barat",
    ];

    /// <summary>Districts (kecamatan) by region BPS code.</summary>
    public static readonly Dictionary<string, string[]> Districts = new()
    {
        ["15.01"] = ["Gunung Kerinci", "Kayu Aro", "Air Hangat", "Sitinjau Laut", "Danau Kerinci", "Keliling Danau", "Gunung Raya", "Siulak"],
        ["15.02"] = ["Bangko", "Tabir", "Pamenang", "Jangkat", "Sungai Manau", "Muara Siau", "Nalo Tantan", "Renah Pembarap"],
        ["15.03"] = ["Sarolangun", "Pauh", "Mandiangin", "Limun", "Pelawan", "Singkut", "Batang Asai", "Air Hitam"],
        ["15.04"] = ["Muara Bulian", "Pemayung", "Muara Tembesi", "Mersam", "Maro Sebo Ulu", "Bajubang", "Batin XXIV"],
        ["15.05"] = ["Sekernan", "Jambi Luar Kota", "Sungai Gelam", "Kumpeh", "Kumpeh Ulu", "Mestong", "Maro Sebo", "Sungai Bahar"],
        ["15.06"] = ["Muara Sabak Timur", "Muara Sabak Barat", "Nipah Panjang", "Rantau Rasau", "Mendahara", "Dendang", "Sadu", "Geragai"],
        ["15.07"] = ["Tungkal Ilir", "Tungkal Ulu", "Betara", "Pengabuan", "Merlung", "Senyerang", "Bram Itam", "Batang Asam"],
        ["15.08"] = ["Tebo Tengah", "Tebo Ilir", "Tebo Ulu", "Rimbo Bujang", "Rimbo Ilir", "Rimbo Ulu", "Tengah Ilir", "VII Koto"],
        ["15.09"] = ["Muko-Muko Bathin VII", "Rimbo Tengah", "Bathin III", "Pelepat", "Pelepat Ilir", "Tanah Tumbuh", "Jujuhan"],
        ["15.71"] = ["Telanaipura", "Jambi Selatan", "Jambi Timur", "Pasar Jambi", "Pelayangan", "Danau Teluk", "Kota Baru", "Jelutung", "Alam Barajo", "Paal Merah", "Danau Sipin"],
        ["15.72"] = ["Sungai Penuh", "Pesisir Bukit", "Hamparan Rawang", "Tanah Kampung", "Kumun Debai", "Pondok Tinggi", "Koto Baru"],
    };

    /// <summary>Landline area codes by region BPS code (0741 where unsure).</summary>
    public static readonly Dictionary<string, string> AreaCodes = new()
    {
        ["15.01"] = "0748", ["15.72"] = "0748", ["15.02"] = "0746", ["15.03"] = "0745", ["15.04"] = "0743",
        ["15.07"] = "0742", ["15.08"] = "0744", ["15.09"] = "0747",
    };

    public static readonly string[] MobilePrefixes =
        ["0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858", "0877", "0878", "0896", "0831", "0838"];

    public static readonly string[] MaleNames =
    [
        "Ahmad", "Muhammad", "Abdul", "Syamsul", "Zulkifli", "Hasan", "Husin", "Rahmat", "Budi", "Agus", "Hendra", "Joko",
        "Slamet", "Wahyu", "Dedi", "Eko", "Irwan", "Fauzi", "Yusuf", "Ridwan", "Arif", "Hamdani", "Jamaluddin", "Kamaruddin",
        "Mukhlis", "Nasrul", "Rusdi", "Syahrial", "Taufik", "Usman", "Zainal", "Firdaus", "Hadi", "Bambang", "Suparman",
        "Sutrisno", "Ilham", "Andi", "Rudi", "Darmawan",
    ];

    public static readonly string[] FemaleNames =
    [
        "Siti", "Sri", "Nur", "Dewi", "Ratna", "Yanti", "Rina", "Fitri", "Lestari", "Wati", "Rahmawati", "Nurhayati",
        "Suryani", "Mardiana", "Herlina", "Yusnidar", "Erna", "Aisyah", "Fatimah", "Halimah", "Maryam", "Rosmawati",
        "Zubaidah", "Nurlela", "Ernawati", "Sumarni", "Juliana", "Desi", "Novi", "Yuliani",
    ];

    public static readonly string[] FamilyNames =
    [
        "Hidayat", "Saputra", "Harahap", "Siregar", "Nasution", "Lubis", "Simanjuntak", "Wijaya", "Pratama", "Susanto",
        "Effendi", "Rahman", "Hakim", "Kurniawan", "Setiawan", "Hasibuan", "Tanjung", "Chaniago", "Piliang", "Syahputra",
        "Maulana", "Ismail", "Ibrahim", "Yunus", "Santoso", "Wibowo", "Prasetyo", "Nugroho", "Hartono", "Gunawan", "Saleh",
        "Daud", "Jamil", "Anwar", "Hamid", "Sembiring", "Purba", "Ginting",
    ];

    public static readonly string[] Degrees = [", S.E.", ", S.Pd.", ", S.Ag.", ", S.H.", ", S.Sos.", ", S.P.", ", M.M.", ", S.Kom.", ", A.Md."];
}
