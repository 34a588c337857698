namespace KopUkm.Dashboard.Features.Security;

/// <summary>
/// What a user may open or do. Each permission is also an authorization policy of the same name, so pages
/// (<c>[Authorize(Policy = ...)]</c>), the navigation drawer and services all ask the same question.
/// </summary>
public static class Permissions
{
    public const string ViewDashboard = "perm:dashboard.view";
    public const string ViewCooperatives = "perm:cooperatives.view";
    public const string ViewTickets = "perm:tickets.view";
    public const string ViewContent = "perm:content.view";
    public const string ViewItTasks = "perm:ittasks.view";
    public const string ViewMetrics = "perm:metrics.view";
    public const string Administer = "perm:administration";

    /// <summary>The one table of which role holds which permission.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesByPermission { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            [ViewDashboard] = AppRoles.All,
            [ViewCooperatives] = AppRoles.All,
            [ViewTickets] = AppRoles.All,
            [ViewContent] = AppRoles.All,
            [ViewItTasks] = [AppRoles.Administrator, AppRoles.Pimpinan, AppRoles.KepalaBidang, AppRoles.StafTI],
            [ViewMetrics] = [AppRoles.Administrator, AppRoles.Pimpinan],
            [Administer] = [AppRoles.Administrator],
        };

    public static bool IsGrantedTo(string permission, IEnumerable<string> roles) =>
        RolesByPermission.TryGetValue(permission, out var allowed) && roles.Any(allowed.Contains);
}
