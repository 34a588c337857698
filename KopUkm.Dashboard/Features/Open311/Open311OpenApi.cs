using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>
/// The API's OpenAPI document, generated from the mapped endpoints (Microsoft.AspNetCore.OpenApi): a title and a
/// description for clients, and property names as the API writes them (snake_case, the standard's spelling).
/// </summary>
public static class Open311OpenApi
{
    public static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Open311 GeoReport v2 — Dinas Koperasi dan UKM Provinsi Jambi",
            Version = "v2",
            Description = "JSON only. POST requests.json needs an api_key (form field, query or X-Api-Key header); reads need none and "
                + "show no personal data. Errors are the standard's array of {code, description} with the same HTTP status "
                + "(400, 403, 404, 429). Lists: start_date/end_date at most 90 days apart (default: the last 90 days), "
                + "at most 1000 rows a page; page and page_size (1–1000) page further, X-Total-Count gives the total. "
                + "Times are ISO 8601 in WIB (+07:00). See docs/open311.md.",
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// The filing's body, form-encoded or JSON. Described here rather than with <c>Accepts</c>, which would let the
    /// router refuse another content type with its own plain-text answer instead of the standard's error array.
    /// </summary>
    public static async Task DescribePostBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var schema = await context.GetOrCreateSchemaAsync(typeof(Open311PostFields), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = schema },
                ["application/json"] = new() { Schema = schema },
            },
        };
    }

    public static Task SnakeCaseAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Type.Namespace?.StartsWith(typeof(Open311OpenApi).Namespace!, StringComparison.Ordinal) != true || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        foreach (var name in properties.Keys.Where(n => !n.Contains('[', StringComparison.Ordinal)).ToList())
        {
            var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
            if (snake != name)
            {
                properties[snake] = properties[name];
                properties.Remove(name);
                if (schema.Required?.Remove(name) == true)
                {
                    schema.Required.Add(snake);
                }
            }
        }

        return Task.CompletedTask;
    }
}
