namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>The seven texts of a standard as the form binds them (Markdown: paragraphs, lists, links).</summary>
public sealed class ServiceStandardForm
{
    public string Requirements { get; set; } = "";

    public string Procedure { get; set; } = "";

    public string Duration { get; set; } = "";

    public string Fees { get; set; } = "";

    public string Product { get; set; } = "";

    public string Complaints { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public StandardTexts ToTexts() =>
        new(Requirements ?? "", Procedure ?? "", Duration ?? "", Fees ?? "", Product ?? "", Complaints ?? "", LegalBasis ?? "");

    public static ServiceStandardForm From(StandardTexts texts) => new()
    {
        Requirements = texts.Requirements,
        Procedure = texts.Procedure,
        Duration = texts.Duration,
        Fees = texts.Fees,
        Product = texts.Product,
        Complaints = texts.Complaints,
        LegalBasis = texts.LegalBasis,
    };

    /// <summary>The names of the fields in display order: the six components, then the legal basis.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        nameof(Requirements), nameof(Procedure), nameof(Duration), nameof(Fees), nameof(Product), nameof(Complaints), nameof(LegalBasis),
    ];

    public string Get(string field) => field switch
    {
        nameof(Requirements) => Requirements,
        nameof(Procedure) => Procedure,
        nameof(Duration) => Duration,
        nameof(Fees) => Fees,
        nameof(Product) => Product,
        nameof(Complaints) => Complaints,
        nameof(LegalBasis) => LegalBasis,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public void Set(string field, string value)
    {
        switch (field)
        {
            case nameof(Requirements): Requirements = value; break;
            case nameof(Procedure): Procedure = value; break;
            case nameof(Duration): Duration = value; break;
            case nameof(Fees): Fees = value; break;
            case nameof(Product): Product = value; break;
            case nameof(Complaints): Complaints = value; break;
            case nameof(LegalBasis): LegalBasis = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }
}
