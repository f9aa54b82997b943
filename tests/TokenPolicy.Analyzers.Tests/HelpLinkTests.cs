using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.Analyzers.Tests;

/// <summary>Every descriptor links to its page under docs/rules, the page exists, and the ID is release-tracked.</summary>
public class HelpLinkTests
{
    public static IEnumerable<object[]> Descriptors()
        => AllDescriptors().Select(d => d.Id).Distinct().Select(id => new object[] { id });

    [Fact]
    public void The_assembly_has_analyzers_and_descriptors()
    {
        Assert.Contains(AllAnalyzers(), a => a is ServiceAccountTokenReadAnalyzer);
        Assert.Contains(AllAnalyzers(), a => a is KubernetesInClusterTokenAnalyzer);
        Assert.Contains(AllDescriptors(), d => d.Id == RuleIdentifiers.ServiceAccountTokenRead);
        Assert.Contains(AllDescriptors(), d => d.Id == RuleIdentifiers.KubernetesInClusterToken);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_link_is_the_rule_page(string id)
    {
        foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Rule_page_exists_and_has_the_expected_sections(string id)
    {
        var page = Path.Combine(AppContext.BaseDirectory, "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing (looked for {page})");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        Assert.Contains("## Code fix", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Rule_is_release_tracked(string id)
    {
        var root = RepositoryRoot();
        var tracked = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .Select(name => File.ReadAllText(Path.Combine(root, name)))
            .Any(text => Regex.IsMatch(text, "^" + Regex.Escape(id) + @"\s*\|", RegexOptions.Multiline));
        Assert.True(tracked, $"{id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
    }

    private static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers()
        => typeof(ServiceAccountTokenReadAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors()
        => AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AnalyzerReleases.Unshipped.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root (AnalyzerReleases.Unshipped.md) not found above " + AppContext.BaseDirectory);
    }
}
