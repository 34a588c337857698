using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Common;

/// <summary>Search terms are text: wildcards, escapes and quotes match themselves, and case never matters.</summary>
public sealed class TextSearchTests : IAsyncLifetime
{
    private static readonly string[] Names =
    [
        "Diskon 50% UMKM",
        "Diskon 500 UMKM",
        "kode_promo",
        "kodeXpromo",
        "O'Brien Kopi",
        "Kopi \"Enak\" Jambi",
        @"Folder C:\data",
        "KOPI kerinci",
        "kopi Kerinci",
    ];

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        await using var db = await app.DbAsync();
        db.AddRange(Names.Select((name, i) => new Division { Code = $"TS{i}", Name = name }));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("%")]
    [InlineData("50%")]
    [InlineData("_")]
    [InlineData("e_p")]
    [InlineData(@"\")]
    [InlineData(@"C:\d")]
    [InlineData("'")]
    [InlineData("O'Brien")]
    [InlineData("\"")]
    [InlineData("\"enak\"")]
    [InlineData("kopi")]
    [InlineData("KOPI")]
    [InlineData("KoPi KeRiNcI")]
    [InlineData("tidak ada")]
    public async Task Finds_exactly_what_a_case_insensitive_contains_finds(string term)
    {
        await using var db = await app.DbAsync();

        var found = await db.Set<Division>().Where(d => d.Code.StartsWith("TS")).WhereContains(term, d => d.Name)
            .Select(d => d.Name).ToListAsync();

        Assert.Equal(Names.Where(n => n.Contains(term, StringComparison.OrdinalIgnoreCase)).Order(), found.Order());
    }

    [Fact]
    public async Task Any_of_several_columns_may_match_and_other_conditions_can_be_added()
    {
        await using var db = await app.DbAsync();
        var divisions = db.Set<Division>().Where(d => d.Code.StartsWith("TS"));

        var byNameOrCode = await divisions.WhereContains("ts1", d => d.Name, d => d.Code).Select(d => d.Code).ToListAsync();
        var byNameOrExactCode = await divisions.Where(TextSearch.Matching<Division>("promo", d => d.Name).Or(d => d.Code == "TS0"))
            .Select(d => d.Code).ToListAsync();

        Assert.Equal(["TS1"], byNameOrCode);
        Assert.Equal(["TS0", "TS2", "TS3"], byNameOrExactCode.Order());
    }

    [Fact]
    public void The_pattern_escapes_wildcards_and_the_escape_character_and_is_lower_case() =>
        Assert.Equal(@"%50\% \_a\\b%", TextSearch.ContainsPattern(@"50% _A\b"));
}
