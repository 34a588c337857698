using System.Diagnostics;
using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Demo;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Organization;
using MiniExcelLibs;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// <c>--write-cooperative-list FILE ROWS [SEED]</c>: writes a cooperative list of ROWS rows in the import layout, as
/// CSV or .xlsx by the file's extension, for timing <c>import-cooperatives</c> (docs/performance.md, "Cooperative
/// import"). The rows are the demo register's (plausible names, addresses, identifiers, dates; some without NIK
/// or NIB), all valid, the same for the same seed.
/// </summary>
internal static class CooperativeListFile
{
    /// <summary>The province's eleven regencies and cities (Data/Seed/regions-jambi.csv), with ids 1–11.</summary>
    private static readonly Region[] Regions =
    [
        new() { Id = 1, Code = "15.01", Name = "Kerinci", Kind = RegionKind.Kabupaten },
        new() { Id = 2, Code = "15.02", Name = "Merangin", Kind = RegionKind.Kabupaten },
        new() { Id = 3, Code = "15.03", Name = "Sarolangun", Kind = RegionKind.Kabupaten },
        new() { Id = 4, Code = "15.04", Name = "Batanghari", Kind = RegionKind.Kabupaten },
        new() { Id = 5, Code = "15.05", Name = "Muaro Jambi", Kind = RegionKind.Kabupaten },
        new() { Id = 6, Code = "15.06", Name = "Tanjung Jabung Timur", Kind = RegionKind.Kabupaten },
        new() { Id = 7, Code = "15.07", Name = "Tanjung Jabung Barat", Kind = RegionKind.Kabupaten },
        new() { Id = 8, Code = "15.08", Name = "Tebo", Kind = RegionKind.Kabupaten },
        new() { Id = 9, Code = "15.09", Name = "Bungo", Kind = RegionKind.Kabupaten },
        new() { Id = 10, Code = "15.71", Name = "Jambi", Kind = RegionKind.Kota },
        new() { Id = 11, Code = "15.72", Name = "Sungai Penuh", Kind = RegionKind.Kota },
    ];

    public static int Write(string path, int rows, int seed)
    {
        var started = Stopwatch.GetTimestamp();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var register = new DemoCooperativeGenerator(new Random(seed), Regions, today, DateTime.UtcNow, rows).Generate();
        var names = Regions.ToDictionary(r => r.Id, r => r.Name);
        var records = register.Select(c => CooperativeCsvFormat.ToRow(c, names[c.RegionId]));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = File.Create(path))
        {
            if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                file.SaveAs(records.Select(Sheet), sheetName: "Koperasi");
            }
            else
            {
                CsvFile.Write(file, records.Prepend([.. CooperativeCsvFormat.Header]));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: {register.Count:N0} cooperatives, {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB, written in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return 0;
    }

    private static Dictionary<string, object> Sheet(string[] row)
    {
        var record = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < CooperativeCsvFormat.Header.Count; i++)
        {
            record[CooperativeCsvFormat.Header[i]] = row[i];
        }

        return record;
    }
}
