namespace KopUkm.Dashboard.Tests.TestInfrastructure;

public static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "KopUkm.Dashboard");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KopUkm.Dashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
