using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

/// <summary>
/// Name search answers from the trigram index kept by triggers: it must find what a case-insensitive "contains"
/// finds, follow renames and deletions, and survive every migration (a table rebuild would drop the triggers).
/// </summary>
public abstract class TicketNameSearchTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : TicketNameSearchTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : TicketNameSearchTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator, await TicketTestData.UmkAsync(app), "admin", divisionCode: "UMK");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("rahmah", new[] { "Siti Rahmah" })] // any case, inside a word
    [InlineData("KERIPIK", new[] { "Siti Rahmah", "Joko Santoso" })] // the business name too
    [InlineData("pisang bu", new[] { "Siti Rahmah" })] // across a space
    [InlineData("jo", new[] { "Joko Santoso" })] // shorter than a trigram: the plain LIKE
    [InlineData("\"Kopi\"", new string[0])] // quotes are text, not search syntax
    [InlineData("tidak ada", new string[0])]
    public async Task Finds_what_a_case_insensitive_contains_finds(string term, string[] expected)
    {
        await CreateAsync("Siti Rahmah", "Keripik Pisang Bu Siti");
        await CreateAsync("Joko Santoso", "Keripik Tempe Joko");
        await CreateAsync("Rina Wati", "Kopi Bubuk Kerinci");

        Assert.Equal(expected.Order(), await SearchAsync(term));
    }

    [Theory]
    [InlineData("50%")] // wildcards are text, for the trigram index ...
    [InlineData("%")] // ... and for the plain LIKE
    [InlineData("_")]
    [InlineData("g_b")]
    [InlineData("_b")]
    [InlineData("'a")]
    [InlineData("O'B")]
    [InlineData("\"Kopi")]
    [InlineData("bu 50")]
    public async Task Wildcards_and_quotes_in_a_term_match_only_themselves(string term)
    {
        string[] names = ["Diskon 50% Bu Sari", "Diskon 500 Bu Ani", "Warung_bu Nani", "Warung bu Nabi", "Kopi 'a O'Brien", "\"Kopi\" Kerinci"];
        foreach (var name in names)
        {
            await CreateAsync(name, "Usaha");
        }

        Assert.Equal(names.Where(n => n.Contains(term, StringComparison.OrdinalIgnoreCase)).Order(), await SearchAsync(term));
    }

    [Fact]
    public async Task A_renamed_applicant_is_found_by_the_new_name_and_not_the_old_one_and_a_deleted_ticket_not_at_all()
    {
        var renamed = await CreateAsync("Budi Hartono", "Batik Jambi");
        var deleted = await CreateAsync("Dewi Lestari", "Batik Kerinci");
        await using (var db = await app.DbAsync())
        {
            var ticket = await db.Set<Ticket>().SingleAsync(t => t.Id == renamed);
            ticket.ApplicantName = "Budi Santoso";
            db.Remove(await db.Set<Ticket>().SingleAsync(t => t.Id == deleted));
            await db.Set<TicketEvent>().Where(e => e.TicketId == deleted).ExecuteDeleteAsync();
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Budi Santoso"], await SearchAsync("santoso"));
        Assert.Empty(await SearchAsync("hartono"));
        Assert.Equal(["Budi Santoso"], await SearchAsync("batik"));
    }

    private Task<int> CreateAsync(string applicant, string business) => TicketTestData.CreateNibRequestAsync(app, applicant, business);

    private async Task<IEnumerable<string>> SearchAsync(string term)
    {
        var page = await app.Get<TicketQueues>().ListAsync(new PageRequest(0, 25, Search: term), new TicketFilter(TicketQueueKind.All, OpenOnly: false));
        return page.Items.Select(t => t.ApplicantName).Order();
    }
}
