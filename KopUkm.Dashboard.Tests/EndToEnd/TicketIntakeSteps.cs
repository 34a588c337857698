using System.Text.RegularExpressions;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>What the front-desk officer does to record a walk-in NIB request, shared by the flows that start with it.</summary>
internal static partial class TicketIntakeSteps
{
    public static async Task<string> RecordNibRequestAsync(IPage page, string applicant, string description, string phone, string? business = null)
    {
        await page.GotoAsync("/layanan/baru");
        await page.WaitForInteractiveAsync();
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator("#ticket-service") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "NIB" }).First.ClickAsync();
        // The chosen service's id must have reached the form before saving, or the save is refused for a missing service.
        await Assertions.Expect(page.Locator("#ticket-service")).ToHaveValueAsync(new Regex(@"^[1-9][0-9]*$"));
        await page.Locator("#ticket-description").FillAsync(description);
        await page.Locator("#ticket-applicant").FillAsync(applicant);
        if (business is not null)
        {
            await page.Locator("#ticket-business").FillAsync(business);
        }

        await page.Locator("#ticket-phone").FillAsync(phone);
        await page.GetByTestId("ticket-save").ClickAsync();
        await page.ExpectNavigatedAsync(TicketUrl());
        return new Uri(page.Url).AbsolutePath;
    }

    [GeneratedRegex(@"/layanan/\d+$")]
    private static partial Regex TicketUrl();
}
