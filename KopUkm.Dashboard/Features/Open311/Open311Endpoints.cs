using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>
/// The Open311 GeoReport v2 endpoints (JSON only), under <c>/open311/v2</c>. Anonymous at the HTTP level: filing needs an
/// API key in the request, reading does not (and shows nothing personal). Every answer that is not a success is the
/// standard's error array. docs/open311.md describes them for clients.
/// </summary>
public static partial class Open311Endpoints
{
    public const string Root = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxIds = 1000;

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Root).AllowAnonymous().DisableAntiforgery().WithTags("Open311");

        api.MapGet("/discovery.json", async (HttpContext http, Open311Gate gate, CancellationToken ct) =>
        {
            if ((await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal is { } refused)
            {
                return refused;
            }

            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Root}";
            return Open311Json.Ok(new Open311Discovery(
                "2026-12-07T00:00:00+07:00",
                "Dinas Koperasi dan UKM Provinsi Jambi",
                "Kunci API dibuat oleh administrator dinas (Administrasi › Kunci API).",
                [new Open311DiscoveryEndpoint(Specification, url, "2026-12-07T00:00:00+07:00", "production", ["application/json"])]));
        })
        .WithName("Open311Discovery").WithSummary("Discovery: where the API is and what it speaks.")
        .Produces<Open311Discovery>();

        api.MapGet("/services.json", async (HttpContext http, Open311Gate gate, Open311Catalogue catalogue, CancellationToken ct) =>
            (await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal
                ?? Open311Json.Ok(await catalogue.ServicesAsync(ct)))
        .WithName("Open311Services").WithSummary("The active services of the catalogue.")
        .Produces<Open311Service[]>().Produces<Open311Error[]>(403).Produces<Open311Error[]>(429);

        api.MapGet("/services/{code}.json", async (string code, HttpContext http, Open311Gate gate, Open311Catalogue catalogue, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            if ((await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal is { } refused)
            {
                return refused;
            }

            return await catalogue.DefinitionAsync(code, ct) is { } definition
                ? Open311Json.Ok(definition)
                : Open311Json.Error(StatusCodes.Status404NotFound, L["Open311.Error.UnknownService"]);
        })
        .WithName("Open311ServiceDefinition").WithSummary("A service's attributes: NAMA_USAHA, NIB, KABKOTA (required), SKALA_USAHA.")
        .Produces<Open311ServiceDefinition>().Produces<Open311Error[]>(404);

        api.MapPost("/requests.json", async (HttpContext http, Open311Gate gate, Open311Requests requests, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            var fields = await ReadFieldsAsync(http.Request, ct);
            if (fields is null)
            {
                return Open311Json.Error(StatusCodes.Status400BadRequest, L["Open311.Error.Body"]);
            }

            var apiKey = fields.GetValueOrDefault("api_key") ?? (string?)http.Request.Query["api_key"] ?? (string?)http.Request.Headers["X-Api-Key"];
            var admission = await gate.AdmitAsync(http, apiKey, keyRequired: true, ct);
            if (admission.Refusal is { } refused)
            {
                return refused;
            }

            var (errors, created) = await requests.SubmitAsync(Open311RequestForm.From(fields), admission.Key!, ct);
            return created is not null
                ? Open311Json.Ok(new[] { created })
                : Open311Json.Error(StatusCodes.Status400BadRequest, [.. errors]);
        })
        .WithName("Open311CreateRequest").WithSummary("File a request (api_key required). Form-encoded as the standard says, or JSON.")
        .AddOpenApiOperationTransformer(Open311OpenApi.DescribePostBodyAsync)
        .Produces<Open311Created[]>().Produces<Open311Error[]>(400).Produces<Open311Error[]>(403).Produces<Open311Error[]>(429);

        api.MapGet("/requests.json", async (HttpContext http, Open311Gate gate, Open311Requests requests, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            if ((await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal is { } refused)
            {
                return refused;
            }

            var (query, problems) = ParseList(http.Request.Query, clock.GetUtcNow().UtcDateTime, L);
            if (problems.Count > 0)
            {
                return Open311Json.Error(StatusCodes.Status400BadRequest, [.. problems]);
            }

            var page = await requests.ListAsync(query!, ct);
            http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Page"] = query!.Page.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Page-Size"] = query.PageSize.ToString(CultureInfo.InvariantCulture);
            return Open311Json.Ok(page.Items);
        })
        .WithName("Open311ListRequests").WithSummary("Requests, anonymised: service_request_id, service_code, status (open|closed), start_date/end_date (≤ 90 days), page, page_size (≤ 1000).")
        .Produces<Open311Request[]>().Produces<Open311Error[]>(400).Produces<Open311Error[]>(429);

        api.MapGet("/requests/{id}.json", async (string id, HttpContext http, Open311Gate gate, Open311Requests requests, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            if ((await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal is { } refused)
            {
                return refused;
            }

            return await requests.GetAsync(id, ct) is { } request
                ? Open311Json.Ok(new[] { request })
                : Open311Json.Error(StatusCodes.Status404NotFound, L["Open311.Error.UnknownRequest"]);
        })
        .WithName("Open311GetRequest").WithSummary("One request by its service_request_id (the ticket code), anonymised.")
        .Produces<Open311Request[]>().Produces<Open311Error[]>(404);

        api.MapGet("/tokens/{token}.json", async (string token, HttpContext http, Open311Gate gate, Open311Requests requests, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        {
            if ((await gate.AdmitAsync(http, http.Request.Query["api_key"], keyRequired: false, ct)).Refusal is { } refused)
            {
                return refused;
            }

            return await requests.TokenAsync(token, ct) is { } answer
                ? Open311Json.Ok(new[] { answer })
                : Open311Json.Error(StatusCodes.Status404NotFound, L["Open311.Error.UnknownToken"]);
        })
        .WithName("Open311Token").WithSummary("The service_request_id a filing's token stands for.")
        .Produces<Open311TokenAnswer[]>().Produces<Open311Error[]>(404);

        return app;
    }

    /// <summary>Form fields (first value each) or a JSON object's (with <c>attribute</c> as an object or as <c>attribute[X]</c> keys); null when neither.</summary>
    internal static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                foreach (var (name, value) in form)
                {
                    fields[name] = value.ToString();
                }

                return fields;
            }

            if (request.HasJsonContentType())
            {
                using var json = await JsonDocument.ParseAsync(request.Body, default, ct);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object && property.NameEquals("attribute"))
                    {
                        foreach (var attribute in property.Value.EnumerateObject())
                        {
                            fields[$"attribute[{attribute.Name}]"] = Scalar(attribute.Value);
                        }
                    }
                    else
                    {
                        fields[property.Name] = Scalar(property.Value);
                    }
                }

                return fields;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }

        return null;
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "",
    };

    /// <summary>The list's query: comma-separated ids and codes, status, a date range of at most 90 days, a page.</summary>
    internal static (Open311ListQuery? Query, List<string> Problems) ParseList(IQueryCollection q, DateTime nowUtc, IStringLocalizer L)
    {
        var problems = new List<string>();
        static List<string> Many(string? value) => [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var ids = Many(q["service_request_id"]);
        if (ids.Count > MaxIds)
        {
            problems.Add($"service_request_id: {L["Open311.Error.TooManyIds", MaxIds]}");
        }

        bool? open = null;
        var statuses = Many(q["status"]).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses.Any(s => s is not ("open" or "closed")))
        {
            problems.Add($"status: {L["Open311.Error.Status"]}");
        }
        else if (statuses.Count == 1)
        {
            open = statuses[0] == "open";
        }

        DateTime? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(q["start_date"]) && (from = ParseTime(q["start_date"]!)) is null)
        {
            problems.Add($"start_date: {L["Open311.Error.Date"]}");
        }

        if (!string.IsNullOrWhiteSpace(q["end_date"]) && (to = ParseTime(q["end_date"]!)) is null)
        {
            problems.Add($"end_date: {L["Open311.Error.Date"]}");
        }

        var end = to ?? (from is { } f && f.AddDays(Open311Options.MaxRangeDays) < nowUtc ? f.AddDays(Open311Options.MaxRangeDays) : nowUtc);
        var start = from ?? end.AddDays(-Open311Options.MaxRangeDays);
        if (ids.Count == 0 && problems.Count == 0)
        {
            if (start > end)
            {
                problems.Add($"end_date: {L["Open311.Error.DateOrder"]}");
            }
            else if (end - start > TimeSpan.FromDays(Open311Options.MaxRangeDays))
            {
                problems.Add($"start_date: {L["Open311.Error.Range", Open311Options.MaxRangeDays]}");
            }
        }

        var page = Number(q["page"], 1, 1, int.MaxValue, "page", problems, L);
        var size = Number(q["page_size"], Open311Options.MaxRows, 1, Open311Options.MaxRows, "page_size", problems, L);
        return problems.Count > 0 ? (null, problems) : (new Open311ListQuery(ids, Many(q["service_code"]), open, start, end, page, size), problems);
    }

    private static int Number(string? text, int fallback, int min, int max, string name, List<string> problems, IStringLocalizer L)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name}: {L["Open311.Error.Number", min, max]}");
        return fallback;
    }

    /// <summary>ISO 8601; a time without an offset (or a bare date) is read as WIB. Answers UTC, or null.</summary>
    internal static DateTime? ParseTime(string text)
    {
        var value = text.Trim();
        if (OffsetAtEnd().IsMatch(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset.UtcDateTime : null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wib)
            ? WibTime.ToUtc(DateTime.SpecifyKind(wib, DateTimeKind.Unspecified))
            : null;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetAtEnd();
}

public sealed record Open311Discovery(string Changeset, string Contact, string KeyService, IReadOnlyList<Open311DiscoveryEndpoint> Endpoints);

public sealed record Open311DiscoveryEndpoint(string Specification, string Url, string Changeset, string Type, IReadOnlyList<string> Formats);

/// <summary>What <c>POST requests.json</c> reads, for the OpenAPI document (the body is read field by field).</summary>
public sealed record Open311PostFields(
    string ApiKey,
    string ServiceCode,
    string? JurisdictionId,
    string FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string Description,
    string? AccountId,
    [property: System.Text.Json.Serialization.JsonPropertyName("attribute[KABKOTA]")] string AttributeKabkota,
    [property: System.Text.Json.Serialization.JsonPropertyName("attribute[NIB]")] string? AttributeNib,
    [property: System.Text.Json.Serialization.JsonPropertyName("attribute[NAMA_USAHA]")] string? AttributeNamaUsaha,
    [property: System.Text.Json.Serialization.JsonPropertyName("attribute[SKALA_USAHA]")] string? AttributeSkalaUsaha);
