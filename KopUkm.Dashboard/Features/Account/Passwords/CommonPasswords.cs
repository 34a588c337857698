using System.IO.Compression;

namespace KopUkm.Dashboard.Features.Account.Passwords;

/// <summary>
/// The 100,000 most common passwords of the "10 million password list" published in SecLists
/// (danielmiessler/SecLists, Passwords/Common-Credentials/10-million-password-list-top-100000.txt, MIT licence),
/// embedded gzip-compressed. Read once per process, looked up case-insensitively.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "KopUkm.Dashboard.Features.Account.Passwords.common-passwords-100000.txt.gz";

    private static readonly Lazy<HashSet<string>> List = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many entries the list holds (100,000 less duplicates that differ only in case).</summary>
    public static int Count => List.Value.Count;

    public static bool Contains(string candidate) => List.Value.Contains(candidate);

    private static HashSet<string> Load()
    {
        using var resource = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing.");
        using var unzipped = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(unzipped);
        var set = new HashSet<string>(110_000, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
