namespace KopUkm.Dashboard.Common;

/// <summary>
/// The outcome of a change a user asked for: success, or errors as resource keys (with arguments) that the page
/// shows in the user's language next to the field they concern. Input is never lost on failure.
/// </summary>
public sealed record CommandResult(IReadOnlyList<CommandError> Errors)
{
    public static CommandResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public bool IsConflict => Errors.Any(e => e.MessageKey == CommandError.ConflictKey);

    public static CommandResult Fail(string messageKey, string? field = null, params object[] args) =>
        new([new CommandError(field, messageKey, args)]);

    public static CommandResult Conflict() => Fail(CommandError.ConflictKey);
}

/// <summary>One reason a change was refused. <see cref="Field"/> is null for the form as a whole.</summary>
public sealed record CommandError(string? Field, string MessageKey, object[] Args)
{
    public const string ConflictKey = "Common.ConcurrencyConflict";

    /// <summary>A message that is already translated (e.g. from Identity's localized describer).</summary>
    public const string RawKey = "Common.Raw";
}
