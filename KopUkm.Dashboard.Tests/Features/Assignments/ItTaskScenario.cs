using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Assignments;

/// <summary>
/// What the IT task use-case tests share: a fresh app acting as IT staff member Budi, the TI, UMK and KLM divisions,
/// two IT staff (Budi and Rizky), a valid task form and the IT task use cases themselves.
/// </summary>
public abstract class ItTaskScenario : IAsyncLifetime
{
    protected TestServices App { get; private set; } = default!;

    protected int Ti { get; private set; }

    protected int Umk { get; private set; }

    protected int Klm { get; private set; }

    protected string Budi { get; private set; } = "";

    protected string Rizky { get; private set; } = "";

    protected ItTaskEditing Editing => App.Get<ItTaskEditing>();

    protected ItTaskLists Lists => App.Get<ItTaskLists>();

    protected ItTaskDetails Details => App.Get<ItTaskDetails>();

    protected ItTaskSources Sources => App.Get<ItTaskSources>();

    protected ItTaskStatusMoves Moves => App.Get<ItTaskStatusMoves>();

    protected ItTaskAssignment Assignment => App.Get<ItTaskAssignment>();

    public async Task InitializeAsync()
    {
        App = await TestServices.CreateAsync();
        var divisions = await App.Get<OrganizationService>().ListDivisionsAsync();
        Ti = divisions.Single(d => d.Code == "TI").Id;
        Umk = divisions.Single(d => d.Code == "UMK").Id;
        Klm = divisions.Single(d => d.Code == "KLM").Id;
        Budi = await App.CreateUserAsync("budi@ti.test", "Budi Santoso", AppRoles.StafTI, Ti);
        Rizky = await App.CreateUserAsync("rizky@ti.test", "Rizky Pratama", AppRoles.StafTI, Ti);
        ActAsItStaff();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected void ActAsItStaff(string? userId = null, string name = "Budi Santoso") =>
        App.User.Current = FakeCurrentUser.As(AppRoles.StafTI, Ti, userId ?? Budi, name, "TI");

    protected ItTaskForm Form(string title = "Perbarui halaman persyaratan NIB", int? division = null, decimal hours = 3, DateOnly? due = null, WorkPriority priority = WorkPriority.Normal) => new()
    {
        Title = title,
        Description = "Sesuaikan dengan OSS RBA.",
        Priority = priority,
        DueDate = due ?? new DateOnly(2026, 11, 30),
        EstimateHours = hours,
        RequestingDivisionId = division ?? Umk,
    };

    protected async Task<ItTaskView> CreateAsync(ItTaskForm? form = null)
    {
        var (result, id) = await Editing.CreateAsync(form ?? Form());
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Details.GetAsync(id!.Value))!;
    }

    protected async Task<ItTaskView> AssignAsync(ItTaskView view, string assignee, string? reason = null)
    {
        var result = await Assignment.AssignAsync(view.Task.Id, view.Task.Version, assignee, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Details.GetAsync(view.Task.Id))!;
    }

    protected async Task<ItTaskView> MoveAsync(ItTaskView view, ItTaskStatus to, string? reason = null)
    {
        var result = await Moves.MoveAsync(view.Task.Id, view.Task.Version, to, reason);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.MessageKey)));
        return (await Details.GetAsync(view.Task.Id))!;
    }
}
