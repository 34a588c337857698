using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>What a person enters to raise or edit an IT task.</summary>
public sealed class ItTaskForm
{
    public const int TitleMaxLength = 200;

    public const int DescriptionMaxLength = 4000;

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public WorkPriority Priority { get; set; } = WorkPriority.Normal;

    public DateOnly? DueDate { get; set; }

    public decimal? EstimateHours { get; set; }

    public int RequestingDivisionId { get; set; }

    /// <summary>What the task was raised from; set when creating only.</summary>
    public WorkItemKind SourceKind { get; set; } = WorkItemKind.None;

    public long? SourceId { get; set; }

    /// <summary>On creation only: the IT staff member to give the new task to at once (those who assign tasks only).</summary>
    public string? AssigneeId { get; set; }

    /// <summary>Field-by-field checks; each broken rule is a resource key the form shows beside the input.</summary>
    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new(nameof(Title), "Validation.Required", []));
        }
        else if (Title.Trim().Length > TitleMaxLength)
        {
            errors.Add(new(nameof(Title), "Validation.MaxLength", [TitleMaxLength]));
        }

        if (Description.Trim().Length > DescriptionMaxLength)
        {
            errors.Add(new(nameof(Description), "Validation.MaxLength", [DescriptionMaxLength]));
        }

        if (DueDate is null)
        {
            errors.Add(new(nameof(DueDate), "Validation.Required", []));
        }

        if (EstimateHours is not { } hours || hours < ItTaskRules.MinEstimateHours || hours > ItTaskRules.MaxEstimateHours)
        {
            errors.Add(new(nameof(EstimateHours), "Validation.Range", [ItTaskRules.MinEstimateHours, ItTaskRules.MaxEstimateHours]));
        }

        if (RequestingDivisionId <= 0)
        {
            errors.Add(new(nameof(RequestingDivisionId), "Validation.Required", []));
        }

        if (!Enum.IsDefined(Priority))
        {
            errors.Add(new(nameof(Priority), "Validation.Required", []));
        }

        if (SourceKind != WorkItemKind.None && SourceId is not > 0)
        {
            errors.Add(new(nameof(SourceId), "Validation.Required", []));
        }

        return errors;
    }
}
