namespace KopUkm.Dashboard.Features.Security;

/// <summary>Thrown by services when the acting user lacks the permission or division for an action.</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
        : base("Access denied.")
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
