using System.IO.Compression;
using System.Xml.Linq;

namespace TokenPolicy.Package.Tests;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed TokenPolicy package";
}

/// <summary>
/// Packs the repository once into a local folder feed, and prepares (and restores once) a consumer project made
/// from samples/LegacyRunner that references the package instead of the repository's projects.
/// Everything lives in one temporary folder, deleted at the end (set TOKENPOLICY_KEEP_E2E=1 to keep it).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "TokenPolicy";

    /// <summary>The default NuGet source of this environment (see `dotnet nuget list source`); overridable.</summary>
    public static readonly string DefaultSource =
        Environment.GetEnvironmentVariable("TOKENPOLICY_E2E_NUGET_SOURCE") is { Length: > 0 } source
            ? source
            : "https://api.nuget.org/v3/index.json";

    private readonly object _baselineGate = new();
    private ConsumerBuild? _baseline;
    private int _consumerCount;

    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        WorkRoot = Path.Combine(Path.GetTempPath(), "tokenpolicy-package-tests", $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..24]);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        PackagesDirectory = Path.Combine(WorkRoot, "packages");
        TemplateDirectory = Path.Combine(WorkRoot, "consumer-template");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);

        // A version no cache can already hold: a stale package can never be restored in its place.
        Version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";

        Pack = DotNet.Run(RepoRoot, CiEnvironment.DeveloperMachine, null,
            "pack", Path.Combine(RepoRoot, "src", "TokenPolicy.Client", "TokenPolicy.Client.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            $"-p:Version={Version}",
            // Build in a scratch folder: no interference with the repository's bin/obj or a concurrent build.
            "--artifacts-path", Path.Combine(WorkRoot, "artifacts"),
            "-tl:off", "-nologo");
        PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing the repository failed.\n{Pack}");
        }

        using (var archive = ZipFile.OpenRead(PackagePath))
        {
            Entries = archive.Entries.Select(e => e.FullName).ToList();
            using var nuspec = archive.Entries.Single(e => e.FullName == $"{PackageId}.nuspec").Open();
            Nuspec = XDocument.Load(nuspec);
        }

        WriteIsolation();
        CreateTemplate();

        // What a user types (README "Install"); it also restores the consumer once, filling the isolated packages folder.
        AddPackage = DotNet.Run(TemplateDirectory, CiEnvironment.DeveloperMachine, ConsumerEnvironment,
            "add", Path.Combine(TemplateDirectory, "LegacyRunner.csproj"), "package", PackageId, "--version", Version);
        if (!AddPackage.Succeeded)
        {
            throw new InvalidOperationException($"Adding the package from the local feed failed.\n{AddPackage}");
        }
    }

    public string RepoRoot { get; }

    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    /// <summary>The consumer's own global packages folder (never ~/.nuget/packages).</summary>
    public string PackagesDirectory { get; }

    public string TemplateDirectory { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public ProcessResult Pack { get; }

    public ProcessResult AddPackage { get; }

    /// <summary>Every entry of the .nupkg.</summary>
    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    /// <summary>The nuspec's projectUrl (PackageProjectUrl), where every help link starts.</summary>
    public string ProjectUrl => (string?)Nuspec.Root!.Element(Nuspec.Root.Name.Namespace + "metadata")!.Element(Nuspec.Root.Name.Namespace + "projectUrl")
        ?? throw new InvalidOperationException("the nuspec has no projectUrl");

    /// <summary>True when the repository has a code-fix project (so the package must carry code fixes).</summary>
    public static bool CodeFixesExist => File.Exists(Path.Combine(FindRepoRoot(), "src", "TokenPolicy.CodeFixes", "TokenPolicy.CodeFixes.csproj"));

    /// <summary>The consumer's NuGet isolation, given to every child process.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public byte[] ReadEntry(string path)
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        var entry = archive.GetEntry(path) ?? throw new FileNotFoundException($"{path} is not in {PackagePath}");
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>A fresh copy of the restored consumer, in its own folder.</summary>
    public Consumer NewConsumer(string name)
    {
        var directory = Path.Combine(WorkRoot, $"{Interlocked.Increment(ref _consumerCount):D2}-{name}");
        CopyDirectory(TemplateDirectory, directory);
        return new Consumer(this, directory);
    }

    /// <summary>
    /// The untouched consumer built once on a developer machine (warn mode) with a SARIF 2.1 error log; shared by the
    /// tests that only read it.
    /// </summary>
    public ConsumerBuild Baseline
    {
        get
        {
            lock (_baselineGate)
            {
                if (_baseline is null)
                {
                    var consumer = NewConsumer("baseline");
                    _baseline = consumer.Build(CiEnvironment.DeveloperMachine, "-p:ErrorLog=results.sarif%2Cversion=2.1")
                        with { SarifPath = consumer.PathOf("results.sarif") };
                }

                return _baseline;
            }
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("TOKENPOLICY_KEEP_E2E") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
            var parent = Path.GetDirectoryName(WorkRoot)!;
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // Best effort: a compiler server may still hold a file for a moment.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteIsolation()
    {
        // Stop MSBuild's upward search: nothing of the machine's folders above may shape the consumer build.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(WorkRoot, file), "<Project>\n</Project>\n");
        }

        // The local feed plus the default source; TokenPolicy may only come from the local feed.
        var nugetConfig = new XDocument(
            new XElement("configuration",
                new XElement("config",
                    new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesDirectory))),
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "tokenpolicy-local"), new XAttribute("value", FeedDirectory)),
                    new XElement("add", new XAttribute("key", "default"), new XAttribute("value", DefaultSource))),
                new XElement("packageSourceMapping",
                    new XElement("packageSource", new XAttribute("key", "tokenpolicy-local"),
                        new XElement("package", new XAttribute("pattern", PackageId))),
                    new XElement("packageSource", new XAttribute("key", "default"),
                        new XElement("package", new XAttribute("pattern", "*"))))));
        nugetConfig.Save(Path.Combine(WorkRoot, "NuGet.config"));
    }

    private void CreateTemplate()
    {
        var sample = Path.Combine(RepoRoot, "samples", "LegacyRunner");
        CopyDirectory(sample, TemplateDirectory);

        // The sample references the analyzer project as an analyzer; a consumer references the package instead
        // (added with `dotnet add package` by the constructor).
        var projectPath = Path.Combine(TemplateDirectory, "LegacyRunner.csproj");
        var project = XDocument.Load(projectPath);
        project.Descendants("ProjectReference").Remove();
        foreach (var emptyGroup in project.Descendants("ItemGroup").Where(g => !g.HasElements).ToList())
        {
            emptyGroup.Remove();
        }

        project.Save(projectPath);
    }

    public static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TokenPolicy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"TokenPolicy.sln was not found above {AppContext.BaseDirectory}.");
    }
}
