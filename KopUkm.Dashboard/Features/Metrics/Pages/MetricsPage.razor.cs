using KopUkm.Dashboard.Features.Surveys;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace KopUkm.Dashboard.Features.Metrics.Pages;

public sealed partial class MetricsPage
{
    private MetricPeriod period = default!;
    private DateOnly today;
    private CoordinationMetricsReport? report;
    private IReadOnlyDictionary<string, IkmResult>? ikm;
    private bool loading;

    [Inject]
    private CoordinationMetricsService Metrics { get; set; } = default!;

    [Inject]
    private IkmResults IkmResults { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The period in the address (<c>?periode=2026-11</c>), so a view can be bookmarked and shared.</summary>
    [SupplyParameterFromQuery(Name = "periode")]
    public string? PeriodKey { get; set; }

    /// <summary>The tab in the address: <c>?tab=ikm</c> shows the IKM survey results.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    /// <summary>The IKM period in the address (<c>?ikm=2026-S2</c>).</summary>
    [SupplyParameterFromQuery(Name = "ikm")]
    public string? IkmPeriodKey { get; set; }

    private bool ShowIkm => string.Equals(Tab, "ikm", StringComparison.OrdinalIgnoreCase);

    private Task ChangeTabAsync(int index)
    {
        Navigation.NavigateTo(index == 1 ? "/metrik?tab=ikm" : MetricsLinks.Page(period));
        return Task.CompletedTask;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (ShowIkm)
        {
            return;
        }

        today = DateOnly.FromDateTime(WibTime.ToWib(Clock.GetUtcNow().UtcDateTime));
        period = MetricsLinks.ParseOrCurrent(PeriodKey, today);
        loading = true;
        try
        {
            // The previous period's table stays on screen until the new one is ready.
            report = await Metrics.GetAsync(period);
            ikm = await IkmResults.ByDivisionAsync(period.StartUtc, period.EndUtc);
        }
        finally
        {
            loading = false;
        }
    }

    private Task GoToAsync(MetricPeriod value)
    {
        Navigation.NavigateTo(MetricsLinks.Page(value));
        return Task.CompletedTask;
    }
}
