using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Common;

/// <summary>
/// Real files in the encodings offices send (Common/Encodings): the cooperative list's header and one row naming
/// "Koperasi Maju Bersama – Jambi" at "Jl. Café No. 7", chaired by "Ma’ruf Hasibuan", saved as UTF-8 with and
/// without a byte-order mark, as UTF-16 with one, and as Excel on Windows saves "CSV": Windows-1252 with semicolons.
/// </summary>
public static class EncodingFiles
{
    public const string Name = "Koperasi Maju Bersama – Jambi";

    public const string Address = "Jl. Café No. 7";

    public const string Chair = "Ma’ruf Hasibuan";

    public static string PathOf(string file) => Path.Combine(RepoPaths.Root, "KopUkm.Dashboard.Tests", "Common", "Encodings", file);

    public static FileStream Open(string file) => File.OpenRead(PathOf(file));

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));
}
