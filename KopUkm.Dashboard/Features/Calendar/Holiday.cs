using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>A day the office is closed: a national holiday or collective leave (cuti bersama), set yearly by SKB.</summary>
public sealed class Holiday : IVersioned
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public HolidayKind Kind { get; set; }

    public required string Name { get; set; }

    public long Version { get; set; }
}

public enum HolidayKind
{
    LiburNasional = 1,
    CutiBersama = 2,
}
