using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>Lets service tests act as any user without signing in.</summary>
public sealed class FakeCurrentUser : ICurrentUserAccessor
{
    public UserContext Current { get; set; } = UserContext.System;

    public Task<UserContext> GetAsync() => Task.FromResult(Current);

    public static UserContext As(string role, int? divisionId = 1, string userId = "test-user", string name = "Penguji", string? divisionCode = null) =>
        new(userId, name, new HashSet<string> { role }, divisionId, divisionCode);
}
