using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Content.Standards;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>What an editor fills in to create or edit a content item.</summary>
public sealed class ContentForm
{
    public string Title { get; set; } = "";

    public ContentKind Kind { get; set; } = ContentKind.WebsitePage;

    public ContentChannel Channel { get; set; } = ContentChannel.Website;

    public string Url { get; set; } = "";

    public int OwnerDivisionId { get; set; }

    public string? EditorUserId { get; set; }

    public InformationCategory Category { get; set; } = InformationCategory.SetiapSaat;

    public int? ReviewIntervalDaysOverride { get; set; }

    public int? ServiceTypeId { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>The standard's texts; used only when <see cref="Kind"/> is <see cref="ContentKind.ServiceStandard"/>.</summary>
    public ServiceStandardForm Standard { get; set; } = new();

    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new(nameof(Title), "Validation.Required", []));
        }
        else if (Title.Trim().Length > 300)
        {
            errors.Add(new(nameof(Title), "Validation.MaxLength", [300]));
        }

        if (!string.IsNullOrWhiteSpace(Url) && !ContentUrls.TryNormalize(Url, out _))
        {
            errors.Add(new(nameof(Url), "Content.UrlInvalid", []));
        }

        if (Kind == ContentKind.SocialPost && Channel == ContentChannel.Website)
        {
            errors.Add(new(nameof(Channel), "Content.SocialNeedsChannel", []));
        }

        if (Kind != ContentKind.SocialPost && Channel != ContentChannel.Website)
        {
            errors.Add(new(nameof(Channel), "Content.PageNeedsWebsite", []));
        }

        if (ReviewIntervalDaysOverride is < 7 or > 730)
        {
            errors.Add(new(nameof(ReviewIntervalDaysOverride), "Validation.Range", [7, 730]));
        }

        if (OwnerDivisionId <= 0)
        {
            errors.Add(new(nameof(OwnerDivisionId), "Validation.Required", []));
        }

        if ((Notes?.Length ?? 0) > 2000)
        {
            errors.Add(new(nameof(Notes), "Validation.MaxLength", [2000]));
        }

        if (Kind == ContentKind.ServiceStandard)
        {
            if (ServiceTypeId is null)
            {
                errors.Add(new(nameof(ServiceTypeId), "Content.StandardNeedsService", []));
            }

            foreach (var field in ServiceStandardForm.Fields)
            {
                if ((Standard.Get(field)?.Length ?? 0) > ServiceStandardRules.MaxComponentLength)
                {
                    errors.Add(new("Standard." + field, "Validation.MaxLength", [ServiceStandardRules.MaxComponentLength]));
                }
            }
        }

        return errors;
    }

    public static ContentForm From(ContentItem item) => new()
    {
        Title = item.Title,
        Kind = item.Kind,
        Channel = item.Channel,
        Url = item.Url ?? "",
        OwnerDivisionId = item.OwnerDivisionId,
        EditorUserId = item.EditorUserId,
        Category = item.Category,
        ReviewIntervalDaysOverride = item.ReviewIntervalDaysOverride,
        ServiceTypeId = item.ServiceTypeId,
        Notes = item.Notes ?? "",
    };
}

/// <summary>URL checks shared by the form and the imports.</summary>
public static class ContentUrls
{
    /// <summary>Accepts absolute http(s) URLs; drops the fragment so one page has one address.</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || value.Trim().Length > 1000)
        {
            return false;
        }

        normalized = new UriBuilder(uri) { Fragment = "" }.Uri.AbsoluteUri;
        return true;
    }
}
