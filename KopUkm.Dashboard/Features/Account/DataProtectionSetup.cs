using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>Data protection settings (section <c>DataProtection</c>).</summary>
public sealed class DataProtectionOptions : ISettings
{
    /// <summary>
    /// Isolates this installation's cookies and tokens from every other one, even one that shares its keys by
    /// mistake. Give each deployment its own (e.g. <c>KopUkm.Dashboard.Jambi</c>).
    /// </summary>
    public string ApplicationName { get; set; } = "KopUkm.Dashboard";

    public IEnumerable<SettingProblem> Check() =>
        string.IsNullOrWhiteSpace(ApplicationName) ? [new SettingProblem(nameof(ApplicationName), "Empty")] : [];
}

public static class DataProtectionSetup
{
    /// <summary>
    /// On SQLite, keys live with the data (the <c>keys</c> folder of the data folder), not in the operating-system user's
    /// profile: a copy of the app started from the same folder for a demo cannot mint cookies another data folder
    /// accepts, and restoring a backup of the folder keeps users signed in.
    /// </summary>
    public static IServiceCollection AddAppDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DataProtectionOptions>("DataProtection");
        var name = configuration.GetSection("DataProtection").Get<DataProtectionOptions>()?.ApplicationName;
        var dataProtection = services.AddDataProtection().SetApplicationName(string.IsNullOrWhiteSpace(name) ? new DataProtectionOptions().ApplicationName : name);
        if (DatabaseOptions.From(configuration).ProviderKind == DatabaseProvider.PostgreSQL)
        {
            // Several instances: one key ring in the shared database, so a cookie, an antiforgery token or a
            // prerendered component's state issued by one instance is accepted by another (table DataProtectionKeys,
            // not audited).
            dataProtection.PersistKeysToDbContext<Data.PostgreSql.PostgreSqlAppDbContext>();
            return services;
        }

        services.AddOptions<KeyManagementOptions>().Configure<DataPaths, ILoggerFactory>((options, paths, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeysFolder), logs));
        return services;
    }
}
