using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace TokenPolicy.Package.Tests;

/// <summary>What is inside the .nupkg, read from the packed file.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests
{
    /// <summary>Analyzers compiled against a newer Roslyn fail to load in older SDKs (CS8032).</summary>
    private static readonly Version MaxRoslyn = new(4, 8, 0, 0);

    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    private XNamespace Ns => _fixture.Nuspec.Root!.Name.Namespace;

    private XElement Metadata => _fixture.Nuspec.Root!.Element(Ns + "metadata")!;

    [Fact]
    public void Package_holds_the_library_the_analyzers_and_the_build_assets()
    {
        var expected = new List<string>
        {
            "lib/net8.0/TokenPolicy.Client.dll",
            "analyzers/dotnet/cs/TokenPolicy.Analyzers.dll",
            "buildTransitive/TokenPolicy.props",
            "buildTransitive/TokenPolicy.enforce.globalconfig",
            "buildTransitive/TokenPolicy.off.globalconfig",
            "build/TokenPolicy.props",
            "README.md",
            // The rule pages the help links name (RuleIdentifiers.GetHelpUri).
            "docs/rules/TP0001.md",
            "docs/rules/TP0002.md",
            "docs/rules/TP0003.md",
            "docs/rules/TP0004.md",
        };
        if (PackageFixture.CodeFixesExist)
        {
            expected.Add("analyzers/dotnet/cs/TokenPolicy.CodeFixes.dll");
        }

        var missing = expected.Except(_fixture.Entries).ToList();
        Assert.True(missing.Count == 0, $"missing from the package: {string.Join(", ", missing)}\nentries:\n  {string.Join("\n  ", _fixture.Entries)}");

        // The analyzers are analyzers only: never a compile reference, and Roslyn itself is never shipped.
        Assert.DoesNotContain(_fixture.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("TokenPolicy.Analyzers", StringComparison.Ordinal));
        Assert.DoesNotContain(_fixture.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("TokenPolicy.CodeFixes", StringComparison.Ordinal));
        Assert.DoesNotContain(_fixture.Entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_fixture.Entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("TokenPolicy.Client", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_has_identity_license_readme_and_repository_and_is_not_a_development_dependency()
    {
        Assert.Equal(PackageFixture.PackageId, (string?)Metadata.Element(Ns + "id"));
        Assert.Equal(_fixture.Version, (string?)Metadata.Element(Ns + "version"));

        // developmentDependency would make consumers' PackageReference PrivateAssets=all and strip the library.
        var developmentDependency = (string?)Metadata.Element(Ns + "developmentDependency");
        Assert.True(developmentDependency is null || developmentDependency == "false", $"developmentDependency = {developmentDependency}");

        var license = Metadata.Element(Ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license!.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", (string?)Metadata.Element(Ns + "readme"));
        var readme = System.Text.Encoding.UTF8.GetString(_fixture.ReadEntry("README.md"));
        Assert.Contains("dotnet add package TokenPolicy", readme);
        Assert.Contains("TokenPolicyMode", readme);
        Assert.False(string.IsNullOrWhiteSpace((string?)Metadata.Element(Ns + "description")));

        var repository = Metadata.Element(Ns + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository!.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"));
    }

    [Fact]
    public void Dependencies_are_the_client_libraries_and_never_the_analyzers()
    {
        var groups = Metadata.Element(Ns + "dependencies")?.Elements(Ns + "group").ToList() ?? [];
        var net8 = groups.SingleOrDefault(g => (string?)g.Attribute("targetFramework") is "net8.0" or ".NETCoreApp8.0");
        Assert.True(net8 is not null, $"no net8.0 dependency group in\n{_fixture.Nuspec}");

        var ids = groups.SelectMany(g => g.Elements(Ns + "dependency")).Select(d => (string)d.Attribute("id")!).ToList();
        foreach (var id in new[] { "Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.Logging.Abstractions" })
        {
            Assert.Contains(id, ids);
        }

        // Polly.Core is named directly to lift it above the version Microsoft.Extensions.Http.Resilience brings (docs/performance.md, Client).
        Assert.All(ids, id => Assert.True(id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id == "Polly.Core", $"unexpected dependency {id}"));
        Assert.DoesNotContain(ids, id => id.StartsWith("TokenPolicy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Analyzer_assemblies_reference_Roslyn_4_8_or_older()
    {
        var assemblies = _fixture.Entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assemblies);
        foreach (var entry in assemblies)
        {
            using var pe = new PEReader(new MemoryStream(_fixture.ReadEntry(entry)));
            var reader = pe.GetMetadataReader();
            var roslyn = reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Select(r => (Name: reader.GetString(r.Name), r.Version))
                .Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .ToList();
            Assert.True(roslyn.Count > 0, $"{entry} references no Microsoft.CodeAnalysis assembly");
            Assert.All(roslyn, r => Assert.True(r.Version <= MaxRoslyn, $"{entry} references {r.Name} {r.Version}; at most {MaxRoslyn} loads in every supported SDK (else CS8032)"));
            // netstandard2.0, so every host (Visual Studio's .NET Framework one included) can load it.
            Assert.Contains(reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)), n => n == "netstandard");
        }
    }

    [Fact]
    public void Enforce_config_raises_TP0001_and_TP0002_and_keeps_TP0003_informational()
    {
        var enforce = System.Text.Encoding.UTF8.GetString(_fixture.ReadEntry("buildTransitive/TokenPolicy.enforce.globalconfig"));
        Assert.Contains("is_global = true", enforce);
        Assert.Contains("dotnet_diagnostic.TP0001.severity = error", enforce);
        Assert.Contains("dotnet_diagnostic.TP0002.severity = error", enforce);
        Assert.Contains("dotnet_diagnostic.TP0004.severity = error", enforce);
        Assert.DoesNotContain("dotnet_diagnostic.TP0003.severity", enforce);
    }
}
