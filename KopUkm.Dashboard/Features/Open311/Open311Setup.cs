using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using Microsoft.AspNetCore.OpenApi;

namespace KopUkm.Dashboard.Features.Open311;

public static class Open311Setup
{
    /// <summary>The document name of the API's OpenAPI description (<c>/open311/v2/openapi.json</c>).</summary>
    public const string DocumentName = "v2";

    /// <summary>The Open311 GeoReport v2 API, its keys, rate limits and OpenAPI document (section <c>Open311</c>).</summary>
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddSettings<Open311Options>(Open311Options.SectionName);
        services.AddSharedRateCounters();
        services.AddSingleton<Open311RateLimits>();
        services.AddScoped<ApiKeyVerifier>();
        services.AddScoped<ApiKeyAdmin>();
        services.AddScoped<Open311Gate>();
        services.AddScoped<Open311Catalogue>();
        services.AddScoped<Open311Requests>();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = d => d.RelativePath?.StartsWith("open311/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(Open311OpenApi.DescribeAsync);
            options.AddSchemaTransformer(Open311OpenApi.SnakeCaseAsync);
        });
        return services;
    }

    /// <summary>The endpoints and <c>GET /open311/v2/openapi.json</c>.</summary>
    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpen311();
        app.MapOpenApi("/open311/{documentName}/openapi.json").AllowAnonymous();
        return app;
    }
}
