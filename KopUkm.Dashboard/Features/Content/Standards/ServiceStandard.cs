namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// The text of a published service standard (PermenPANRB 15/2014): the six service-delivery components and the legal
/// basis, one Markdown text each. It belongs to a content item of kind <see cref="ContentKind.ServiceStandard"/>
/// (one row per item), which carries the owner division, the service, the queue state and the review dates.
/// <para>
/// Two copies are kept: the working copy the division edits, and the published copy the public reads. The published
/// copy is replaced only when the item goes to <see cref="ContentState.Terbit"/>, which it can reach only through the
/// head's approval; while the standard is in review or approved its working copy cannot change
/// (<see cref="ServiceStandardRules"/>), so what is published is what the head approved.
/// </para>
/// </summary>
public sealed class ServiceStandard
{
    public long Id { get; set; }

    public long ContentItemId { get; set; }

    // The working copy (what editors see and change).
    public string Requirements { get; set; } = "";

    public string Procedure { get; set; } = "";

    public string Duration { get; set; } = "";

    public string Fees { get; set; } = "";

    public string Product { get; set; } = "";

    public string Complaints { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    /// <summary>When the head approved the working copy (set at Disetujui); null when it was never approved or changed since.</summary>
    public DateTime? ApprovedAtUtc { get; set; }

    public string? ApprovedByName { get; set; }

    // The published copy (what the public reads); null until the first publication.
    public string? PublishedRequirements { get; set; }

    public string? PublishedProcedure { get; set; }

    public string? PublishedDuration { get; set; }

    public string? PublishedFees { get; set; }

    public string? PublishedProduct { get; set; }

    public string? PublishedComplaints { get; set; }

    public string? PublishedLegalBasis { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>When the head approved the published copy.</summary>
    public DateTime? PublishedApprovedAtUtc { get; set; }

    public StandardTexts Working => new(Requirements, Procedure, Duration, Fees, Product, Complaints, LegalBasis);

    public StandardTexts? Published => PublishedAtUtc is null
        ? null
        : new(PublishedRequirements ?? "", PublishedProcedure ?? "", PublishedDuration ?? "", PublishedFees ?? "",
            PublishedProduct ?? "", PublishedComplaints ?? "", PublishedLegalBasis ?? "");

    public void SetWorking(StandardTexts texts)
    {
        Requirements = texts.Requirements.Trim();
        Procedure = texts.Procedure.Trim();
        Duration = texts.Duration.Trim();
        Fees = texts.Fees.Trim();
        Product = texts.Product.Trim();
        Complaints = texts.Complaints.Trim();
        LegalBasis = texts.LegalBasis.Trim();
    }

    /// <summary>The approved working copy becomes what the public reads.</summary>
    public void Publish(DateTime nowUtc)
    {
        PublishedRequirements = Requirements;
        PublishedProcedure = Procedure;
        PublishedDuration = Duration;
        PublishedFees = Fees;
        PublishedProduct = Product;
        PublishedComplaints = Complaints;
        PublishedLegalBasis = LegalBasis;
        PublishedAtUtc = nowUtc;
        PublishedApprovedAtUtc = ApprovedAtUtc ?? nowUtc;
    }
}

/// <summary>The seven texts of a standard, in the order PermenPANRB 15/2014 lists the components, then the legal basis.</summary>
public sealed record StandardTexts(
    string Requirements,
    string Procedure,
    string Duration,
    string Fees,
    string Product,
    string Complaints,
    string LegalBasis)
{
    public static StandardTexts Empty { get; } = new("", "", "", "", "", "", "");

    /// <summary>Each component with its resource key, in display order.</summary>
    public IReadOnlyList<(string Field, string Text)> Components =>
    [
        (nameof(Requirements), Requirements), (nameof(Procedure), Procedure), (nameof(Duration), Duration),
        (nameof(Fees), Fees), (nameof(Product), Product), (nameof(Complaints), Complaints),
    ];

    public bool SameAs(StandardTexts other) =>
        Norm(Requirements) == Norm(other.Requirements) && Norm(Procedure) == Norm(other.Procedure) && Norm(Duration) == Norm(other.Duration)
        && Norm(Fees) == Norm(other.Fees) && Norm(Product) == Norm(other.Product) && Norm(Complaints) == Norm(other.Complaints)
        && Norm(LegalBasis) == Norm(other.LegalBasis);

    private static string Norm(string? text) => (text ?? "").Trim().ReplaceLineEndings("\n");
}
