using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>The survey as posted: nine scores (U1–U9), an optional suggestion and an optional respondent profile.</summary>
public sealed class IkmAnswerForm
{
    public const int SuggestionMax = 2000;

    public int? U1 { get; set; }

    public int? U2 { get; set; }

    public int? U3 { get; set; }

    public int? U4 { get; set; }

    public int? U5 { get; set; }

    public int? U6 { get; set; }

    public int? U7 { get; set; }

    public int? U8 { get; set; }

    public int? U9 { get; set; }

    public string? Suggestion { get; set; }

    public IkmGender? Gender { get; set; }

    public IkmAgeBand? AgeBand { get; set; }

    public IkmEducation? Education { get; set; }

    public IkmOccupation? Occupation { get; set; }

    public IReadOnlyList<int?> Scores => [U1, U2, U3, U4, U5, U6, U7, U8, U9];

    /// <summary>One message per unanswered element (field U1…U9), a too-long suggestion, a profile value out of range.</summary>
    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        var scores = Scores;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] is not (>= 1 and <= 4))
            {
                errors.Add(new CommandError($"U{i + 1}", "Ikm.Error.ScoreRequired", [i + 1]));
            }
        }

        if ((Suggestion?.Trim().Length ?? 0) > SuggestionMax)
        {
            errors.Add(new CommandError(nameof(Suggestion), "Ikm.Error.SuggestionTooLong", [SuggestionMax]));
        }

        if ((Gender is { } g && !Enum.IsDefined(g)) || (AgeBand is { } a && !Enum.IsDefined(a))
            || (Education is { } e && !Enum.IsDefined(e)) || (Occupation is { } o && !Enum.IsDefined(o)))
        {
            errors.Add(new CommandError("Profile", "Ikm.Error.ProfileInvalid", []));
        }

        return errors;
    }
}
