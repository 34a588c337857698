using System.Collections.Concurrent;
using System.Globalization;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Guide;

/// <summary>
/// The in-app guide ("Panduan"): Markdown files compiled into the app (<c>Features/Guide/Texts/{id,en}/*.md</c>), one
/// per role and one per topic, rendered with <see cref="StandardMarkdown"/> (raw HTML disabled, only safe links). A
/// file starts with its title as a level-2 heading; the rest is its body.
/// </summary>
public sealed class GuideTexts
{
    private readonly Func<string, string, string?> source;

    /// <summary>The texts compiled into the app.</summary>
    public GuideTexts()
        : this(Embedded)
    {
    }

    /// <summary>Texts from elsewhere (tests): <paramref name="source"/> gives the Markdown of (language, name), or null.</summary>
    internal GuideTexts(Func<string, string, string?> source) => this.source = source;

    /// <summary>The topics every role reads after their own guide, in this order (section ids the "?" links use).</summary>
    public static IReadOnlyList<string> Topics { get; } = ["warna", "jam-sla", "layanan", "koperasi", "konten", "tugas-ti", "notifikasi"];

    private readonly ConcurrentDictionary<(string Language, string Name), GuideSection> cache = new();

    /// <summary>
    /// The guide as <paramref name="user"/> reads it in the current UI language: their own role's guide first, then
    /// the topics, then the other roles' guides (each role may read the others).
    /// </summary>
    public GuideDocument For(UserContext user)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";
        var own = AppRoles.All.FirstOrDefault(user.IsInRole) ?? AppRoles.Petugas;
        return new GuideDocument(
            Section(language, own),
            Topics.Select(t => Section(language, t)).ToList(),
            AppRoles.All.Where(r => r != own).Select(r => Section(language, r)).ToList());
    }

    /// <summary>The section id of a role's guide, e.g. <c>peran-petugas</c>.</summary>
    public static string RoleSectionId(string role) => "peran-" + role.ToLowerInvariant();

    private GuideSection Section(string language, string name) => cache.GetOrAdd((language, name), key => Load(key.Language, key.Name));

    private static string? Embedded(string language, string name)
    {
        using var stream = typeof(GuideTexts).Assembly.GetManifestResourceStream($"KopUkm.Dashboard.Features.Guide.Texts.{language}.{name}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private GuideSection Load(string language, string name)
    {
        var resource = $"Features/Guide/Texts/{language}/{name}.md";
        var markdown = (source(language, name) ?? throw new InvalidOperationException($"Guide text {resource} is not compiled into the app."))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        var firstBreak = markdown.IndexOf('\n', StringComparison.Ordinal);
        var heading = firstBreak < 0 ? markdown : markdown[..firstBreak];
        if (!heading.StartsWith("## ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Guide text {resource} must start with a '## ' title.");
        }

        var isRole = AppRoles.All.Contains(name);
        return new GuideSection(
            isRole ? RoleSectionId(name) : name,
            heading[3..].Trim(),
            StandardMarkdown.ToHtml(firstBreak < 0 ? "" : markdown[(firstBreak + 1)..]),
            isRole ? name : null);
    }
}

/// <summary>The guide in reading order: the reader's role, the shared topics, the other roles.</summary>
public sealed record GuideDocument(GuideSection OwnRole, IReadOnlyList<GuideSection> Topics, IReadOnlyList<GuideSection> OtherRoles);

/// <summary>One section: its anchor id, its title (plain text), its body as safe HTML, and the role it is for (null for a topic).</summary>
public sealed record GuideSection(string Id, string Title, string Html, string? Role);
