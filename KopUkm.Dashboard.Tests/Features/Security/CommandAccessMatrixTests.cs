using System.Reflection;
using Hangfire;
using Hangfire.InMemory;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Assignments;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.Features.Content;
using KopUkm.Dashboard.Tests.Features.Cooperatives;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Security;

/// <summary>
/// Every public method of every service that acts for a user (a class that takes <see cref="AccessGuard"/> or
/// <see cref="ICurrentUserAccessor"/>, directly or through a helper that does) is in the table below, and each one
/// listed with roles is called as every role's demo user and as an anonymous caller on a seeded database: a role
/// outside the row gets <see cref="AccessDeniedException"/>, a role inside it does not. The records the calls name
/// (a ticket, cooperative, case, content item and IT task) belong to the KLM division, the division of the demo
/// head and officer, so a refusal here is the role's, not the division's (each feature's access tests cover
/// divisions). One database for the class.
/// </summary>
public sealed class CommandAccessMatrixTests(CommandAccessMatrixTests.SeededOffice office) : IClassFixture<CommandAccessMatrixTests.SeededOffice>
{
    public const string Anonymous = "Anonim";

    private static readonly string[] SignedIn = [.. AppRoles.All];
    private static readonly string[] Administrators = [AppRoles.Administrator];
    private static readonly string[] ItBoard = [AppRoles.Administrator, AppRoles.Pimpinan, AppRoles.KepalaBidang, AppRoles.StafTI];
    private static readonly string[] ItManagers = [AppRoles.Administrator, AppRoles.StafTI];
    private static readonly string[] ItRequesters = [AppRoles.Administrator, AppRoles.StafTI, AppRoles.KepalaBidang];
    private static readonly string[] ItOverview = [AppRoles.Administrator, AppRoles.Pimpinan, AppRoles.StafTI];
    private static readonly string[] Leadership = [AppRoles.Administrator, AppRoles.Pimpinan];
    private static readonly string[] IkmFollowUpReaders = [AppRoles.Administrator, AppRoles.Pimpinan, AppRoles.KepalaBidang];
    private static readonly string[] Workers = [AppRoles.Administrator, AppRoles.StafTI, AppRoles.KepalaBidang, AppRoles.Petugas];
    private static readonly string[] TicketAssigners = [AppRoles.Administrator, AppRoles.StafTI, AppRoles.KepalaBidang];
    private static readonly string[] DivisionOfficers = [AppRoles.KepalaBidang, AppRoles.Petugas];
    private static readonly string[] CooperativeWorkers = [AppRoles.Administrator, AppRoles.KepalaBidang, AppRoles.Petugas];
    private static readonly string[] CooperativeAssigners = [AppRoles.Administrator, AppRoles.KepalaBidang];
    private static readonly string[] ContentImporters = [AppRoles.Administrator, AppRoles.StafTI];

    /// <summary>
    /// "Class.Method" → who may call it. <see cref="Roles"/> rows are called by the matrix; the others say why they are
    /// not: reference data any page may read (<see cref="Reference"/>), a method that acts only on the caller's own
    /// account (<see cref="Own"/>), or one no page calls — jobs, operator commands, other services after their own
    /// check (<see cref="NotForPages"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CommandAccess> Table = new Dictionary<string, CommandAccess>(StringComparer.Ordinal)
    {
        ["ProfileService.GetAsync"] = Own("the signed-in user's own profile; null for anyone else"),
        ["ProfileService.SetDarkModeAsync"] = Own("the signed-in user's own theme; nothing for anyone else"),
        ["ProfileService.UpdateAsync"] = Roles(SignedIn),
        ["TourService.BeginAsync"] = Own("whether the signed-in user's own first-login tour shows; false for anyone else"),
        ["TourService.RestartAsync"] = Own("forgets the signed-in user's own tour; nothing for anyone else"),

        ["ItTaskAssignment.AssignAsync"] = Roles(ItManagers),
        ["ItTaskAssignment.WorkloadAsync"] = Roles(ItOverview),
        ["ItTaskAssignment.SuggestAssigneeAsync"] = Roles(ItOverview),
        ["ItTaskAssignment.ListItStaffAsync"] = Roles(ItBoard),
        ["ItTaskDetails.GetAsync"] = Roles(ItBoard),
        ["ItTaskEditing.CreateAsync"] = Roles(ItRequesters),
        ["ItTaskEditing.UpdateAsync"] = Roles(ItManagers),
        ["ItTaskLists.BoardAsync"] = Roles(ItBoard),
        ["ItTaskLists.ListAsync"] = Roles(ItBoard),
        ["ItTaskLists.ListForSourceAsync"] = Roles(ItBoard),
        ["ItTaskSources.DescribeSourceAsync"] = Roles(ItBoard),
        ["ItTaskStatusMoves.MoveAsync"] = Roles(ItManagers),

        ["AuditTrailService.ListAsync"] = Roles(Administrators),
        ["AuditTrailService.ListEntityTypesAsync"] = Roles(Administrators),
        ["AuditTrailService.ListActorsAsync"] = Roles(Administrators),
        ["AuditTrailService.HistoryOfAsync"] = Roles(Administrators),

        ["CalendarService.ListWorkingDaysAsync"] = Reference("office hours"),
        ["CalendarService.ListHolidaysAsync"] = Reference("public holidays"),
        ["CalendarService.ListHolidayYearsAsync"] = Reference("public holidays"),
        ["CalendarService.ListSpecialHoursAsync"] = Reference("office hours"),
        ["CalendarService.SaveWorkingDayAsync"] = Roles(Administrators),
        ["CalendarService.SaveHolidayAsync"] = Roles(Administrators),
        ["CalendarService.DeleteHolidayAsync"] = Roles(Administrators),
        ["CalendarService.ImportHolidaysAsync"] = Roles(Administrators),
        ["CalendarService.SaveSpecialHoursAsync"] = Roles(Administrators),
        ["CalendarService.YearsMissingHolidaysAsync"] = Roles(Administrators),

        ["OutboxAdmin.CountAsync"] = Roles(Administrators),
        ["OutboxAdmin.GetAsync"] = Roles(Administrators),
        ["OutboxAdmin.ListAsync"] = Roles(Administrators),
        ["OutboxAdmin.ResendAsync"] = Roles(Administrators),

        ["ApiKeyAdmin.ListAsync"] = Roles(Administrators),
        ["ApiKeyAdmin.CreateAsync"] = Roles(Administrators),
        ["ApiKeyAdmin.RevokeAsync"] = Roles(Administrators),
        ["ApiKeyAdmin.CreateAsOperatorAsync"] = NotForPages("the create-api-key operator command, at the server's console"),
        ["Open311Requests.SubmitAsync"] = Public("another system with a valid, unrevoked API key, rate limited per key: Open311ApiTests, Open311LimitsTests"),
        ["Open311Requests.GetAsync"] = Public("the Open311 API's anonymised read: service, region, division, status and times only"),
        ["Open311Requests.ListAsync"] = Public("the Open311 API's anonymised list: at most 90 days and 1000 rows a page"),
        ["Open311Requests.TokenAsync"] = Public("the request id a filing's token stands for"),
        ["NotificationEmailSettings.GetAsync"] = Own("the signed-in user's own e-mail copy preference"),
        ["NotificationEmailSettings.SetAsync"] = Own("the signed-in user's own e-mail copy preference"),

        ["SocialCadenceService.GetAsync"] = Roles(SignedIn),
        ["ContentDetails.GetAsync"] = Roles(SignedIn),
        ["ContentDigestJob.RunAsync"] = NotForPages("the content-digest job, as the system"),
        ["ContentDigestService.SendAsync"] = NotForPages("the content-digest job, as the system"),
        ["ContentEditing.CreateAsync"] = Roles(Workers),
        ["ContentEditing.UpdateAsync"] = Roles(Workers),
        ["ContentEditing.ListEditorsAsync"] = Roles(SignedIn),
        ["ContentJobsService.ListAsync"] = Roles(Administrators),
        ["ContentJobsService.TriggerAsync"] = Roles(Administrators),
        ["ContentJobsService.LiveCheckProgressAsync"] = Roles(Administrators),
        ["ContentMoves.MoveAsync"] = Roles(Workers),
        ["ContentMoves.MarkReviewedAsync"] = Roles(Workers),
        ["ContentQueues.GetSummaryAsync"] = Roles(SignedIn),
        ["ContentQueues.ListAsync"] = Roles(SignedIn),
        ["ContentQueues.ListDivisionsAsync"] = Roles(SignedIn),
        ["ContentServiceStandardHandler.HandleAsync"] = NotForPages("called by the service catalogue after its administrator check"),
        ["ContentServiceStandardHandler.FlagServiceChangedAsync"] = Roles(Administrators),
        ["ContentWorkItemSource.LinkTo"] = NotForPages("builds an address; reads nothing"),
        ["ContentWorkItemSource.NewestAsync"] = NotForPages("demo seeding: ids and divisions only"),
        ["ContentWorkItemSource.DescribeAsync"] = Roles(SignedIn),
        ["ContentInventoryImportService.CanImportAsync"] = Roles(SignedIn),
        ["ContentInventoryImportService.ImportSitemapUrlAsync"] = Roles(ContentImporters),
        ["ContentInventoryImportService.ImportSitemapFileAsync"] = Roles(ContentImporters),
        ["ContentInventoryImportService.ImportCsvAsync"] = Roles(ContentImporters),
        ["ContentSettingsService.ListRulesAsync"] = Roles(Administrators),
        ["ContentSettingsService.SaveRuleAsync"] = Roles(Administrators),
        ["ContentSettingsService.DeleteRuleAsync"] = Roles(Administrators),
        ["ContentSettingsService.TestUrlAsync"] = Roles(Administrators),
        ["ContentSettingsService.ListTargetsAsync"] = Roles(Administrators),
        ["ContentSettingsService.SaveTargetAsync"] = Roles(Administrators),
        ["ContentSettingsService.DeleteTargetAsync"] = Roles(Administrators),
        ["ContentSettingsService.ListDivisionsAsync"] = Roles(Administrators),

        ["CaseDueDateRefreshJob.RunAsync"] = NotForPages("the case-due-date job, as the system"),
        ["CaseWorkItemSource.LinkTo"] = NotForPages("builds an address; reads nothing"),
        ["CaseWorkItemSource.NewestAsync"] = NotForPages("demo seeding: ids and divisions only"),
        ["CaseWorkItemSource.DescribeAsync"] = Roles(SignedIn),
        ["RegistrationCaseService.GetAsync"] = Roles(SignedIn),
        ["RegistrationCaseService.OpenAsync"] = Roles(CooperativeWorkers),
        ["RegistrationCaseService.MoveAsync"] = Roles(CooperativeWorkers),
        ["RegistrationCaseService.SetDocumentAsync"] = Roles(CooperativeWorkers),
        ["RegistrationCaseService.AssignAsync"] = Roles(CooperativeAssigners),
        ["RegistrationCaseService.CommentAsync"] = Roles(CooperativeWorkers),
        ["RegistrationCaseService.ListAssigneesAsync"] = Roles(SignedIn),
        ["RegistrationCaseService.RefreshDueDatesAsync"] = NotForPages("the case-due-date job, as the system"),
        ["StageTargetService.ListAsync"] = Reference("stage time targets"),
        ["StageTargetService.SaveAsync"] = Roles(Administrators),
        ["CooperativeService.ListAsync"] = Roles(SignedIn),
        ["CooperativeService.ExportAsync"] = Roles(SignedIn),
        ["CooperativeService.GetAsync"] = Roles(SignedIn),
        ["CooperativeService.FindSimilarNamesAsync"] = Roles(SignedIn),
        ["CooperativeService.CreateAsync"] = Roles(CooperativeWorkers),
        ["CooperativeService.UpdateAsync"] = Roles(CooperativeWorkers),
        ["CooperativeImportService.CanImportAsync"] = Roles(SignedIn),
        ["CooperativeImportService.PreviewAsync"] = Roles(CooperativeWorkers),
        ["CooperativeImportService.ImportAsync"] = Roles(CooperativeWorkers),
        ["CooperativeImportService.ImportAsOperatorAsync"] = NotForPages("the import-cooperatives operator command"),

        ["DashboardService.GetAsync"] = Roles(SignedIn),
        ["OfficeOverviewService.GetAsync"] = Roles(SignedIn),
        ["CoordinationMetricsService.GetAsync"] = Roles(Leadership),
        ["IkmResults.ReportAsync"] = Roles(Leadership),
        ["IkmResults.SuggestionsAsync"] = Roles(Leadership),
        ["IkmResults.ByDivisionAsync"] = Roles(Leadership),
        ["IkmFollowUps.ListAsync"] = Roles(IkmFollowUpReaders, "a head sees their own division's items: IkmFollowUpsTests"),
        ["IkmFollowUps.CreateAsync"] = Roles(Leadership),
        ["IkmFollowUps.UpdateAsync"] = Roles(Leadership),
        ["IkmFollowUps.SetStatusAsync"] = Roles(IkmFollowUpReaders, "a head only on their own division's items: IkmFollowUpsTests"),
        ["IkmFollowUps.DeleteAsync"] = Roles(Leadership),
        ["IkmSurveys.WalkInLinkAsync"] = Roles(SignedIn, "and only on a resolved ticket the user may see: IkmSurveysTests"),
        ["IkmSurveys.OnResolvedAsync"] = NotForPages("ticket resolution, inside TicketMoves' own save after its check"),
        ["IkmSurveys.OpenAsync"] = Public("checks the signed survey link: IkmSurveysTests"),
        ["IkmSurveys.SubmitAsync"] = Public("the holder of the signed survey link, once, within 30 days: IkmSurveysTests, IkmSurveyHttpTests"),
        ["IkmSurveys.TrackingLinkAsync"] = Public("the tracking page, only after a code + PIN or signed link set the request's cookie"),

        ["NotificationService.NotifyAsync"] = NotForPages("called by services after their own check, to tell another user"),
        ["NotificationService.CountUnreadAsync"] = Roles(SignedIn),
        ["NotificationService.ListAsync"] = Roles(SignedIn),
        ["NotificationService.MarkReadAsync"] = NotForPages("covered by NotificationServiceTests: only the owner may mark a notification"),
        ["NotificationService.MarkAllReadAsync"] = Roles(SignedIn),

        ["OrganizationService.ListDivisionsAsync"] = Reference("the office's divisions"),
        ["OrganizationService.ListRegionsAsync"] = Reference("the province's regencies and cities"),
        ["OrganizationService.SaveDivisionAsync"] = Roles(Administrators),
        ["OrganizationService.SaveRegionAsync"] = Roles(Administrators),
        ["CurrentUserAuditActorSource.GetActorAsync"] = NotForPages("names the actor of a save for the audit trail"),
        ["ServiceCatalogService.ListAsync"] = Reference("the published service catalogue"),
        ["ServiceCatalogService.SaveAsync"] = Roles(Administrators),

        ["TicketAssignment.AssignAsync"] = Roles(TicketAssigners),
        ["TicketAssignment.BulkAssignAsync"] = Roles(SignedIn, "skips, without an error, every ticket the user may not assign"),
        ["TicketAssignment.SuggestAssigneeAsync"] = Roles(TicketAssigners),
        ["TicketAssignment.ListAssigneesAsync"] = Roles(SignedIn),
        ["TicketPickup.TakeAsync"] = Roles(DivisionOfficers, "officers and heads of the ticket's own division only; IT staff and administrators assign instead"),
        ["TicketPickup.GiveAsync"] = Roles(DivisionOfficers, "an officer who did not record the ticket is refused with a message, not an error"),
        ["TicketDetails.GetAsync"] = Roles(SignedIn),
        ["TicketDetails.OpenAttachmentAsync"] = Roles(SignedIn, "and only on a ticket the user may see: TicketPortalConversationTests"),
        ["TicketPortal.SubmitAsync"] = Public("anyone may file a request; limits per address and bot checks: PublicRequestsHttpTests"),
        ["TicketPortal.ServicesAsync"] = Public("the published service catalogue"),
        ["TicketPortal.RegionsAsync"] = Public("the province's regencies and cities"),
        ["TicketPortal.VerifyAsync"] = Public("checks a code and PIN, rate limited per code and address: PortalGuardTests, PublicRequestsHttpTests"),
        ["TicketPortal.OpenLinkAsync"] = Public("checks the signed e-mail link: TicketPortalTests"),
        ["TicketPortal.TrackAsync"] = Public("only after a code + PIN or a signed link set the request's cookie: PublicRequestsHttpTests"),
        ["TicketPortal.AnswerAsync"] = Public("the applicant, with the request's cookie: TicketPortalConversationTests"),
        ["TicketPortal.CloseAsync"] = Public("the applicant, with the request's cookie: TicketPortalConversationTests"),
        ["TicketPortal.ReopenAsync"] = Public("the applicant, with the request's cookie: TicketPortalConversationTests"),
        ["TicketPortal.OpenAttachmentAsync"] = Public("the applicant's own files, with the request's cookie: PublicRequestsHttpTests"),
        ["TicketHandoffs.HandOffAsync"] = Roles(Workers),
        ["TicketIntake.CreateAsync"] = Roles(Workers),
        ["TicketMoves.MoveAsync"] = Roles(Workers),
        ["TicketMoves.ReplyAsync"] = Roles(Workers),
        ["TicketMoves.NoteAsync"] = Roles(Workers),
        ["TicketQueues.ListAsync"] = Roles(SignedIn),
        ["TicketSettingsService.ListAsync"] = Roles(Administrators),
        ["TicketSettingsService.SetAutoAssignAsync"] = Roles(Administrators),
        ["TicketSlaMonitor.RefreshOpenTicketsAsync"] = NotForPages("the ticket-sla-refresh job, as the system"),
        ["TicketSlaRefreshJob.RunAsync"] = NotForPages("the ticket-sla-refresh job, as the system"),
        ["TicketWorkItemSource.LinkTo"] = NotForPages("builds an address; reads nothing"),
        ["TicketWorkItemSource.NewestAsync"] = NotForPages("demo seeding: ids and divisions only"),
        ["TicketWorkItemSource.DescribeAsync"] = Roles(SignedIn),

        ["UserAdministrationService.ListAsync"] = Roles(Administrators),
        ["UserAdministrationService.GetAsync"] = Roles(Administrators),
        ["UserAdministrationService.CreateAsync"] = Roles(Administrators),
        ["UserAdministrationService.CreateAdministratorAsync"] = NotForPages("the create-admin operator command, at the server's console"),
        ["UserAdministrationService.UpdateAsync"] = Roles(Administrators),
        ["UserAdministrationService.SetActiveAsync"] = Roles(Administrators),
        ["UserAdministrationService.ResetPasswordAsync"] = Roles(Administrators),
    };

    public static TheoryData<string> Callers => [Anonymous, .. AppRoles.All];

    private static CommandAccess Roles(string[] roles, string? note = null) => new(roles, null, note);

    private static CommandAccess Reference(string what) => new(null, $"reference data any page may read: {what}", null);

    private static CommandAccess Own(string why) => new(null, why, null);

    private static CommandAccess NotForPages(string why) => new(null, why, null);

    /// <summary>The public portal: no account; the request's code + PIN (or signed link) is the credential.</summary>
    private static CommandAccess Public(string why) => new(null, why, null);

    /// <summary>Classes that act for a user: they take the guard or the current user, directly or through a helper that does.</summary>
    public static IReadOnlyList<Type> UserFacingServices()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("KopUkm.Dashboard.Features", StringComparison.Ordinal) == true)
            .ToList();
        var acting = new HashSet<Type> { typeof(AccessGuard), typeof(ICurrentUserAccessor) };
        var found = new HashSet<Type>();
        bool grew;
        do
        {
            grew = false;
            foreach (var type in types.Where(t => !found.Contains(t) && !acting.Contains(t) && t != typeof(CurrentUserAccessor)))
            {
                if (type.GetConstructors().Any(c => c.GetParameters().Any(p => acting.Contains(p.ParameterType) || found.Contains(p.ParameterType))))
                {
                    found.Add(type);
                    grew = true;
                }
            }
        }
        while (grew);
        return [.. found.OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    public static IEnumerable<(string Key, MethodInfo Method)> Commands() =>
        UserFacingServices().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => ($"{t.Name}.{m.Name}", m)));

    [Fact]
    public void Every_public_method_of_a_service_acting_for_a_user_is_in_the_table_and_every_row_is_such_a_method()
    {
        var commands = Commands().ToList();
        var keys = commands.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        var missing = keys.Where(k => !Table.ContainsKey(k)).Order().ToList();
        var stale = Table.Keys.Where(k => !keys.Contains(k)).Order().ToList();
        var overloads = commands.GroupBy(c => c.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(missing.Count == 0, $"Service methods with no row saying who may call them: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Rows for methods that no longer exist: {string.Join(", ", stale)}");
        Assert.True(overloads.Count == 0, $"Overloads share a row; give them one each: {string.Join(", ", overloads)}");
        Assert.InRange(Table.Values.Count(v => v.Roles is not null), 80, 200);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_caller_is_refused_exactly_the_commands_outside_their_role(string caller)
    {
        var wrong = new List<string>();
        foreach (var (key, method) in Commands().Where(c => Table.TryGetValue(c.Key, out var access) && access.Roles is not null).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var allowed = Table[key].Roles!.Contains(caller);
            office.ActAs(caller);
            var service = office.Service(method.DeclaringType!);
            var outcome = await CallAsync(service, method);
            var refused = outcome is AccessDeniedException;
            if (refused == allowed)
            {
                wrong.Add($"{key}: expected {(allowed ? "allowed" : "refused")}, got {(refused ? "refused" : outcome?.GetType().Name ?? "allowed")} {(outcome is AccessDeniedException ? "" : outcome?.Message)}");
            }
        }

        Assert.True(wrong.Count == 0, $"{caller}:\n{string.Join("\n", wrong)}");
    }

    /// <summary>Calls the method with arguments naming the KLM records; returns what it threw, or null.</summary>
    private async Task<Exception?> CallAsync(object service, MethodInfo method)
    {
        try
        {
            var args = method.GetParameters().Select(p => office.Argument(method.DeclaringType!, p)).ToArray();
            var result = method.Invoke(service, args);
            if (result is Task task)
            {
                await task;
            }

            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public sealed record CommandAccess(string[]? Roles, string? NotCalledBecause, string? Note);

    /// <summary>The office's reference data, the demo accounts, and one record of each kind in the KLM division.</summary>
    public sealed class SeededOffice : IAsyncLifetime, IDisposable
    {
        private readonly Dictionary<string, (string Id, int Division, string Code)> demo = [];
        private readonly InMemoryStorage jobStorage = new();

        public TestServices App { get; private set; } = default!;

        public int Klm { get; private set; }

        public int Umk { get; private set; }

        public int TicketId { get; private set; }

        public int CooperativeId { get; private set; }

        public int CaseId { get; private set; }

        public long ContentId { get; private set; }

        public int ItTaskId { get; private set; }

        public string OtherUserId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            App = await TestServices.CreateAsync();
            (Klm, Umk) = await CooperativeTestData.DivisionsAsync(App);
            await using (var scope = App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedDemoUsersAsync();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                foreach (var account in DemoUsers.All.Where(d => d.DivisionCode is "KLM" || d.Role is AppRoles.Administrator or AppRoles.Pimpinan or AppRoles.StafTI))
                {
                    var user = (await users.FindByEmailAsync(account.Email))!;
                    demo[account.Role] = (user.Id, user.DivisionId, account.DivisionCode);
                }

                OtherUserId = (await users.FindByEmailAsync("petugas.umk@kopukm.demo"))!.Id;
            }

            ActAs(AppRoles.Administrator);
            var klmService = (await App.Get<ServiceCatalogService>().ListAsync()).First(s => s.OwnerDivisionId == Klm && s.IsActive);
            var (ticket, ticketId) = await App.Get<TicketIntake>().CreateAsync(new TicketIntakeForm
            {
                ApplicantName = "Pemohon Uji",
                Phone = "0812 7788 9900",
                ServiceTypeId = klmService.Id,
                Description = "Permohonan untuk uji hak akses.",
            });
            Assert.True(ticket.Succeeded, string.Join(", ", ticket.Errors.Select(e => e.MessageKey)));
            TicketId = ticketId!.Value;
            CooperativeId = await CooperativeTestData.CreateAsync(App, CooperativeTestData.Form(await CooperativeTestData.RegionIdAsync(App)));
            var (opened, caseId) = await App.Get<RegistrationCaseService>().OpenAsync(CooperativeId, CaseKind.PendaftaranBaru);
            Assert.True(opened.Succeeded, string.Join(", ", opened.Errors.Select(e => e.MessageKey)));
            CaseId = caseId!.Value;
            ContentId = await ContentTestData.PublishedPageAsync(App, Klm, "hak-akses", publishedDaysAgo: 3);
            var (task, taskId) = await App.Get<ItTaskEditing>().CreateAsync(new ItTaskForm { Title = "Perbaiki formulir", Description = "Formulir tidak terkirim.", RequestingDivisionId = Klm, EstimateHours = 2, DueDate = new DateOnly(2026, 11, 30) });
            Assert.True(task.Succeeded, string.Join(", ", task.Errors.Select(e => e.MessageKey)));
            ItTaskId = taskId!.Value;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
        }

        public void Dispose() => jobStorage.Dispose();

        /// <summary>The service as a page gets it; the jobs panel's over an in-memory job store (the test services have none).</summary>
        public object Service(Type type)
        {
            if (type == typeof(ContentJobsService))
            {
                var manager = new RecurringJobManager(jobStorage);
                return new ContentJobsService(App.Get<AccessGuard>(), jobStorage, manager, App.Get<ContentLiveCheckService>(), App.Get<LiveCheckProgress>());
            }

            return App.Get(type);
        }

        public void ActAs(string caller) =>
            App.User.Current = caller == Anonymous
                ? UserContext.Anonymous
                : demo[caller] is var (id, division, code)
                    ? FakeCurrentUser.As(caller, division, id, caller, code)
                    : throw new InvalidOperationException(caller);

        /// <summary>A value for one parameter: the KLM record of the service's kind for ids, harmless values otherwise.</summary>
        public object? Argument(Type service, ParameterInfo parameter)
        {
            var type = parameter.ParameterType;
            var name = parameter.Name!;
            var area = service.Namespace!;
            if (type == typeof(CancellationToken))
            {
                return CancellationToken.None;
            }

            if (name == "version" && type == typeof(long))
            {
                return CurrentVersion(area);
            }

            if (name.EndsWith("DivisionId", StringComparison.OrdinalIgnoreCase) && (type == typeof(int) || type == typeof(int?)))
            {
                // Also the hand-off target: a hand-off to the own division is refused after the access check, so
                // an allowed call never moves the ticket out of KLM for the next caller.
                return Klm;
            }

            if (type == typeof(int) || type == typeof(long) || type == typeof(int?) || type == typeof(long?))
            {
                long id = name switch
                {
                    "caseId" => CaseId,
                    "cooperativeId" => CooperativeId,
                    "excludingTaskId" => ItTaskId,
                    "year" or "currentYear" => 2026,
                    "count" => 5,
                    "id" or "sourceId" when area.EndsWith(".Tickets", StringComparison.Ordinal) => TicketId,
                    "id" or "sourceId" when area.EndsWith(".Assignments", StringComparison.Ordinal) => name == "id" ? ItTaskId : TicketId,
                    "id" when area.Contains(".Content", StringComparison.Ordinal) => ContentId,
                    "id" when area.EndsWith(".Cooperatives", StringComparison.Ordinal) => CooperativeId,
                    _ => 1,
                };
                return type == typeof(int) || type == typeof(int?) ? (object)(int)id : id;
            }

            if (type == typeof(string))
            {
                return name switch
                {
                    "userId" => OtherUserId,
                    "assigneeId" or "assigneeUserId" => OtherUserId,
                    "url" => "https://dinaskopukm.jambiprov.go.id/sitemap.xml",
                    "fileName" => "daftar.csv",
                    _ => "uji",
                };
            }

            if (type == typeof(bool))
            {
                return false;
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (type == typeof(Stream))
            {
                return new MemoryStream("a;b\n1;2\n"u8.ToArray());
            }

            if (type == typeof(IReadOnlyCollection<int>))
            {
                return new[] { TicketId };
            }

            if (type == typeof(IReadOnlyCollection<long>))
            {
                return new[] { (long)TicketId };
            }

            if (Nullable.GetUnderlyingType(type) is not null || !type.IsValueType && parameter.HasDefaultValue)
            {
                return parameter.HasDefaultValue ? parameter.DefaultValue : null;
            }

            return Build(type);
        }

        /// <summary>The version the record of the service's kind has now, so a call is not stopped as a stale edit first.</summary>
        private long CurrentVersion(string area)
        {
            using var db = App.DbAsync().GetAwaiter().GetResult();
            return area switch
            {
                _ when area.EndsWith(".Tickets", StringComparison.Ordinal) => db.Set<Ticket>().Where(t => t.Id == TicketId).Select(t => t.Version).Single(),
                _ when area.EndsWith(".Assignments", StringComparison.Ordinal) => db.Set<ItTask>().Where(t => t.Id == ItTaskId).Select(t => t.Version).Single(),
                _ when area.Contains(".Content", StringComparison.Ordinal) => db.Set<ContentItem>().Where(c => c.Id == ContentId).Select(c => c.Version).Single(),
                _ when area.EndsWith(".Cases", StringComparison.Ordinal) => db.Set<RegistrationCase>().Where(c => c.Id == CaseId).Select(c => c.Version).Single(),
                _ => 1,
            };
        }

        /// <summary>A form or record with its division fields on KLM and everything else plain.</summary>
        private object? Build(Type type)
        {
            if (type.GetConstructor(Type.EmptyTypes) is { } empty)
            {
                var instance = empty.Invoke(null);
                foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.Name.EndsWith("DivisionId", StringComparison.Ordinal) && p.PropertyType == typeof(int)))
                {
                    property.SetValue(instance, Klm);
                }

                return instance;
            }

            if (type.IsValueType)
            {
                return Activator.CreateInstance(type);
            }

            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (constructor is null)
            {
                return null;
            }

            return constructor.Invoke([.. constructor.GetParameters().Select(p => Argument(type, p))]);
        }
    }
}
