using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>Lookups the content import tests share.</summary>
public static class ContentImportTestData
{
    public static async Task<Dictionary<string, int>> DivisionIdsAsync(this TestServices app)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Division>().ToDictionaryAsync(d => d.Code, d => d.Id);
    }

    public static async Task<List<ContentItem>> ItemsAsync(this TestServices app)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentItem>().Include(c => c.OwnerDivision).OrderBy(c => c.Id).ToListAsync();
    }

    public static async Task<List<ContentEvent>> EventsAsync(this TestServices app)
    {
        await using var db = await app.DbAsync();
        return await db.Set<ContentEvent>().OrderBy(e => e.Id).ToListAsync();
    }
}
