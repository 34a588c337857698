using KopUkm.Dashboard.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// How <c>dotnet ef … --context PostgreSqlAppDbContext</c> builds the PostgreSQL context: the app itself, composed as
/// for <c>Database:Provider=PostgreSQL</c>, so the model is exactly the one the app runs with (Identity's options
/// included). Adding a migration contacts no database, so a placeholder connection string is enough unless
/// <c>ConnectionStrings__Default</c> names one (<c>database update</c> and <c>migrations script</c> may use it).
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args)
    {
        var app = AppHost.Build([], builder =>
        {
            builder.Configuration["Database:Provider"] = "PostgreSQL";
            if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default"))
                || !builder.Configuration.GetConnectionString("Default")!.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            {
                builder.Configuration["ConnectionStrings:Default"] = "Host=localhost;Database=kopukm;Username=kopukm";
            }
        });
        return app.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>().CreateDbContext();
    }
}
