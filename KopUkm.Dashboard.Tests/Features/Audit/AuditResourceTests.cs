using System.Xml.Linq;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Audit;

/// <summary>The log names what it shows in the office's words: every audited record type and every job has a label in both languages.</summary>
public sealed class AuditResourceTests
{
    public static TheoryData<string> Files => ["SharedResource.resx", "SharedResource.en.resx"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_audited_entity_type_has_a_label(string file)
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var keys = Keys(file);

        var missing = AuditTrailWriter.AuditedEntityNames(db.Model).Where(name => !keys.Contains($"Audit.Entity.{name}")).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_job_that_names_itself_has_a_label(string file)
    {
        var keys = Keys(file);
        var jobs = typeof(JobActor).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Job", StringComparison.Ordinal)
                        && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(JobActor))))
            .Select(t => t.Name)
            .ToList();

        Assert.NotEmpty(jobs);
        Assert.DoesNotContain(jobs, job => !keys.Contains($"Audit.Job.{job}"));
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(RepoPaths.App, "Resources", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
}
