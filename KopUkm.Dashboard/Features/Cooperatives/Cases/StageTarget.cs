using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Cooperatives.Cases;

/// <summary>Administrator-editable target, in working days, for a case stage. Stages without a row have no clock.</summary>
public sealed class StageTarget : IVersioned
{
    public CaseStage Stage { get; set; }

    public int TargetWorkingDays { get; set; }

    public long Version { get; set; }
}
