using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TokenPolicy.Cli.Reporting;

/// <summary>A rule's help: its rule page as markdown (relative links made absolute) and as plain text.</summary>
internal sealed record RuleHelp(string Markdown, string Text);

/// <summary>
/// The rule pages (docs/rules/ID.md, embedded in the tool) turned into SARIF help. Relative links between pages
/// (<c>[TP0001](TP0001.md#code-fix)</c>) are resolved against the rule's help URI, so they work wherever the help
/// is shown (GitHub code scanning renders <c>help.markdown</c> outside the repository). Parsing and the plain-text
/// rendering are Markdig's.
/// </summary>
internal static class RuleHelps
{
    private const string ResourcePrefix = "TokenPolicy.Cli.Rules.";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly ConcurrentDictionary<(string Id, string HelpUri), RuleHelp?> Cache = new();

    /// <summary>The help of rule <paramref name="id"/>, or null when the tool has no page for it (a rule from another assembly).</summary>
    public static RuleHelp? For(string id, string? helpUri) => Cache.GetOrAdd((id, helpUri ?? ""), key => Load(key.Id, key.HelpUri));

    private static RuleHelp? Load(string id, string helpUri)
    {
        using var stream = typeof(RuleHelps).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var page = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var markdown = Uri.TryCreate(helpUri, UriKind.Absolute, out var baseUri) ? AbsoluteLinks(page, baseUri) : page;
        var text = Markdown.ToPlainText(markdown, Pipeline).Trim();
        return new RuleHelp(markdown.Trim() + "\n", text + "\n");
    }

    /// <summary>The markdown with each relative link target replaced by its absolute URI (resolved against <paramref name="baseUri"/>).</summary>
    internal static string AbsoluteLinks(string markdown, Uri baseUri)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var relative = document.Descendants<LinkInline>()
            .Where(link => !string.IsNullOrEmpty(link.Url) && link.UrlSpan.Length > 0
                && !Uri.TryCreate(link.Url, UriKind.Absolute, out _)
                && !link.Url.StartsWith('#'))
            .OrderByDescending(link => link.UrlSpan.Start)
            .ToList();
        var builder = new StringBuilder(markdown);
        foreach (var link in relative)
        {
            var span = link.UrlSpan;
            builder.Remove(span.Start, span.Length).Insert(span.Start, new Uri(baseUri, link.Url).AbsoluteUri);
        }

        return builder.ToString();
    }
}
