namespace KopUkm.Dashboard.Data;

/// <summary>
/// Someone else saved the record after the user loaded it. Pages catch this, keep the user's input and offer to
/// reload the current values.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("The record was changed by someone else.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
