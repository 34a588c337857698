using System.Net.Http.Json;
using System.Text.Json;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Open311;

/// <summary>The app with the API's limits set for a test class; keys are made as the operator command makes them.</summary>
public class Open311App(int perKey = 1000, int anonymous = 1000, TestProvider provider = TestProvider.Sqlite) : AppFactory(provider)
{
    public const string Root = "/open311/v2";

    protected override Dictionary<string, string?> Settings { get; } = new()
    {
        ["Open311:RequestsPerMinutePerKey"] = perKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Open311:AnonymousRequestsPerMinute"] = anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<string> CreateKeyAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var (result, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyAdmin>().CreateAsOperatorAsync(name);
        Assert.True(result.Succeeded);
        return key!.Key;
    }

    public async Task<AppDbContext> DbAsync() =>
        await Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}

/// <summary>What a client sends and reads, written as a client would.</summary>
public static class Open311Calls
{
    public static Dictionary<string, string> ValidFields(string key, string service = "NIB-OSS") => new()
    {
        ["api_key"] = key,
        ["service_code"] = service,
        ["first_name"] = "Siti",
        ["last_name"] = "Rahmawati",
        ["email"] = "siti.rahmawati@contoh.id",
        ["phone"] = "0812 7766 5544",
        ["description"] = "Mohon pendampingan pengurusan NIB untuk usaha keripik tempe kami.",
        ["attribute[KABKOTA]"] = "15.71",
        ["attribute[NIB]"] = "9120012345678",
        ["attribute[NAMA_USAHA]"] = "Keripik Tempe Bu Siti",
        ["attribute[SKALA_USAHA]"] = "mikro",
    };

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, Dictionary<string, string> fields) =>
        client.PostAsync($"{Open311App.Root}/requests.json", new FormUrlEncodedContent(fields));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Asserts the standard's error array: every entry carries the HTTP status as its code and a description.</summary>
    public static async Task<List<string>> ErrorsAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.NotEqual(0, json.GetArrayLength());
        var descriptions = new List<string>();
        foreach (var error in json.EnumerateArray())
        {
            Assert.Equal(status, error.GetProperty("code").GetInt32());
            descriptions.Add(error.GetProperty("description").GetString()!);
        }

        return descriptions;
    }

    public static async Task<string> FileAsync(HttpClient client, string key, string service = "NIB-OSS")
    {
        using var response = await PostFormAsync(client, ValidFields(key, service));
        Assert.Equal(200, (int)response.StatusCode);
        return (await JsonAsync(response))[0].GetProperty("service_request_id").GetString()!;
    }
}
