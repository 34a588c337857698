using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>One entry of the standard's error answer: an array of <c>{code, description}</c>.</summary>
public sealed record Open311Error(int Code, string Description);

/// <summary>How the API writes: snake_case names as the standard spells them, nulls kept, times in WIB with their offset.</summary>
public static class Open311Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Served as application/json, never inside HTML: "+07:00" and "›" stay readable instead of \u002B escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options, "application/json; charset=utf-8");

    /// <summary>The standard's error array with the same HTTP status on the response.</summary>
    public static IResult Error(int status, params string[] descriptions) =>
        Results.Json(descriptions.Select(d => new Open311Error(status, d)).ToArray(), Options, "application/json; charset=utf-8", status);

    /// <summary>ISO 8601 in WIB with the offset written out, to the second: <c>2026-11-23T09:00:00+07:00</c>.</summary>
    public static string? Time(DateTime? utc) =>
        utc is { } u ? WibTime.ToWib(u).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + "+07:00" : null;
}
