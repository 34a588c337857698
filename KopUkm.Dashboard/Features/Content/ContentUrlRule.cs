using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// "Pages under this URL prefix belong to this division": how imported pages get an owner. The longest matching
/// prefix wins. Administrators maintain the list.
/// </summary>
public sealed class ContentUrlRule : IVersioned
{
    public int Id { get; set; }

    /// <summary>Path prefix such as "/layanan/koperasi" or a full "https://host/path" prefix; compared case-insensitively.</summary>
    public required string Prefix { get; set; }

    public int DivisionId { get; set; }

    public long Version { get; set; }
}

/// <summary>How often a division means to post on a social channel: at most this many days between posts.</summary>
public sealed class SocialCadenceTarget : IVersioned
{
    public int Id { get; set; }

    public int DivisionId { get; set; }

    public ContentChannel Channel { get; set; }

    public int TargetDays { get; set; }

    public long Version { get; set; }
}
