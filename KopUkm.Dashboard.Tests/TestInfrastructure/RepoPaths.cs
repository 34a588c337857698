namespace KopUkm.Dashboard.Tests.TestInfrastructure;

public static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "KopUkm.Dashboard");

    /// <summary>
    /// The app's built assembly in the configuration the tests were built in (bin/&lt;config&gt;/net10.0), for tests
    /// that start it as a process of its own with <c>dotnet &lt;dll&gt;</c>.
    /// </summary>
    public static string AppAssembly
    {
        get
        {
            // The tests run from KopUkm.Dashboard.Tests/bin/<config>/<framework>/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(App, "bin", configuration, framework.Name, "KopUkm.Dashboard.dll");
        }
    }

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
