using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Content;

/// <summary>
/// What the content use-case tests share: a fresh app acting as Dewi, an officer of KLM who edits its pages; Hendra,
/// KLM's head, who approves; a valid page form; and the content use cases themselves.
/// </summary>
public abstract class ContentScenario : IAsyncLifetime
{
    protected TestServices App { get; private set; } = default!;

    protected int Klm { get; private set; }

    protected int Umk { get; private set; }

    protected string EditorKlm { get; private set; } = "";

    protected string HeadKlm { get; private set; } = "";

    protected ContentQueues Queues => App.Get<ContentQueues>();

    protected ContentDetails Details => App.Get<ContentDetails>();

    protected ContentEditing Editing => App.Get<ContentEditing>();

    protected ContentMoves Moves => App.Get<ContentMoves>();

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync();
        var divisions = await App.Get<OrganizationService>().ListDivisionsAsync();
        Klm = divisions.Single(d => d.Code == "KLM").Id;
        Umk = divisions.Single(d => d.Code == "UMK").Id;
        EditorKlm = await App.CreateUserAsync("editor@klm.test", "Dewi Editor", AppRoles.Petugas, Klm);
        HeadKlm = await App.CreateUserAsync("kabid@klm.test", "Hendra Kabid", AppRoles.KepalaBidang, Klm);
        ActAsEditor();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected void ActAsEditor() => App.ActAs(AppRoles.Petugas, Klm, EditorKlm, divisionCode: "KLM");

    protected void ActAsHead() => App.ActAs(AppRoles.KepalaBidang, Klm, HeadKlm, divisionCode: "KLM");

    protected ContentForm Form(string url = "https://dinaskopukm.jambiprov.go.id/koperasi/persyaratan-pendirian") => new()
    {
        Title = "Persyaratan Pendirian Koperasi",
        Url = url,
        OwnerDivisionId = Klm,
        EditorUserId = EditorKlm,
        Category = InformationCategory.SetiapSaat,
    };

    protected async Task<ContentItem> ItemAsync(long id) => (await Details.GetAsync(id))!.Item;

    protected async Task<long> CreateAsync(ContentForm? form = null)
    {
        var (result, id) = await Editing.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return id!.Value;
    }

    protected async Task MoveAsync(long id, ContentState to, string? reason = null)
    {
        var result = await Moves.MoveAsync(id, (await ItemAsync(id)).Version, to, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
    }

    /// <summary>Draft → review → approved by the head → published.</summary>
    protected async Task<long> PublishedAsync(ContentForm? form = null)
    {
        var id = await CreateAsync(form);
        await MoveAsync(id, ContentState.Ditinjau);
        ActAsHead();
        await MoveAsync(id, ContentState.Disetujui);
        ActAsEditor();
        await MoveAsync(id, ContentState.Terbit);
        return id;
    }
}
