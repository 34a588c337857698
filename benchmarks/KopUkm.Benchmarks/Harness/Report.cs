using System.Globalization;
using System.Text;

namespace KopUkm.Benchmarks.Harness;

/// <summary>The results as Markdown: headings, notes and tables, echoed to the console as they are added.</summary>
internal sealed class Report
{
    private readonly List<object> blocks = [];

    public void Heading(string text)
    {
        blocks.Add($"### {text}");
        Console.WriteLine();
        Console.WriteLine($"== {text}");
    }

    public void Note(string text)
    {
        blocks.Add(text);
        Console.WriteLine(text);
    }

    public Table Table(params string[] columns)
    {
        var table = new Table(columns);
        blocks.Add(table);
        Console.WriteLine(string.Join(" | ", columns));
        return table;
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            text.AppendLine(block.ToString()).AppendLine();
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    public static string Ms(double milliseconds) => milliseconds switch
    {
        < 10 => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 100 => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Check(bool met) => met ? "yes" : "**no**";
}

internal sealed class Table(string[] columns)
{
    private readonly List<string[]> rows = [];

    public void Row(params string[] cells)
    {
        rows.Add(cells);
        Console.WriteLine(string.Join(" | ", cells));
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", columns) + " |");
        text.AppendLine("|" + string.Join("|", columns.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString().TrimEnd();
    }
}
