using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// How <c>dotnet ef … --context AppDbContext</c> builds the SQLite context. Without it the tools would take
/// <see cref="PostgreSqlDesignTimeFactory"/> for <see cref="AppDbContext"/> too (the factory interface is covariant,
/// and the PostgreSQL context derives from this one), and a SQLite migration would be written against PostgreSQL's
/// model. The app itself is composed as configured, with the provider forced to SQLite.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var app = AppHost.Build([], builder => builder.Configuration["Database:Provider"] = "Sqlite");
        var context = app.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        if (context.GetType() != typeof(AppDbContext))
        {
            throw new InvalidOperationException($"Expected the SQLite context, got {context.GetType().Name}.");
        }
        return context;
    }
}
