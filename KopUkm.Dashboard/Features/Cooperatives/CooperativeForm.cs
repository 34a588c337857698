namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>The editable data of a cooperative, as the form and the import hold it.</summary>
public sealed class CooperativeForm
{
    public int Id { get; set; }

    public long Version { get; set; }

    public string Name { get; set; } = "";

    public CooperativeType Type { get; set; } = CooperativeType.SimpanPinjam;

    public CooperativePattern Pattern { get; set; } = CooperativePattern.Konvensional;

    public CooperativeLevel Level { get; set; } = CooperativeLevel.Primer;

    public int RegionId { get; set; }

    public string Address { get; set; } = "";

    public string ChairName { get; set; } = "";

    public string ContactPerson { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public DateOnly? FoundedOn { get; set; }

    public int MemberCount { get; set; }

    public string DeedNumber { get; set; } = "";

    public DateOnly? DeedDate { get; set; }

    public string AhuDecreeNumber { get; set; } = "";

    public DateOnly? AhuDecreeDate { get; set; }

    public string Nib { get; set; } = "";

    public string Nik { get; set; } = "";

    public ActivityStatus ActivityStatus { get; set; } = ActivityStatus.Aktif;

    public int? LastRatYear { get; set; }

    public DateOnly? NikCertificateDate { get; set; }

    public static CooperativeForm From(Cooperative c) => new()
    {
        Id = c.Id,
        Version = c.Version,
        Name = c.Name,
        Type = c.Type,
        Pattern = c.Pattern,
        Level = c.Level,
        RegionId = c.RegionId,
        Address = c.Address,
        ChairName = c.ChairName,
        ContactPerson = c.ContactPerson,
        Phone = c.Phone,
        Email = c.Email,
        FoundedOn = c.FoundedOn,
        MemberCount = c.MemberCount,
        DeedNumber = c.DeedNumber,
        DeedDate = c.DeedDate,
        AhuDecreeNumber = c.AhuDecreeNumber,
        AhuDecreeDate = c.AhuDecreeDate,
        Nib = c.Nib ?? "",
        Nik = c.Nik ?? "",
        ActivityStatus = c.ActivityStatus,
        LastRatYear = c.LastRatYear,
        NikCertificateDate = c.NikCertificateDate,
    };

    /// <summary>Copies the form onto the entity, trimming text and storing empty identifiers as null.</summary>
    public void ApplyTo(Cooperative c)
    {
        c.Name = Name.Trim();
        c.NormalizedName = CooperativeRules.NormalizeName(Name);
        c.Type = Type;
        c.Pattern = Pattern;
        c.Level = Level;
        c.RegionId = RegionId;
        c.Address = Address.Trim();
        c.ChairName = ChairName.Trim();
        c.ContactPerson = ContactPerson.Trim();
        c.Phone = Phone.Trim();
        c.Email = Email.Trim();
        c.FoundedOn = FoundedOn;
        c.MemberCount = MemberCount;
        c.DeedNumber = DeedNumber.Trim();
        c.DeedDate = DeedDate;
        c.AhuDecreeNumber = AhuDecreeNumber.Trim();
        c.AhuDecreeDate = AhuDecreeDate;
        c.Nib = string.IsNullOrWhiteSpace(Nib) ? null : Nib.Trim();
        c.Nik = string.IsNullOrWhiteSpace(Nik) ? null : Nik.Trim();
        c.ActivityStatus = ActivityStatus;
        c.LastRatYear = LastRatYear;
        c.NikCertificateDate = NikCertificateDate;
    }
}
