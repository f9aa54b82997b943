using System.Xml.Linq;
using TokenPolicy.Package.Tests;

namespace TokenPolicy.Benchmarks.Editor;

/// <summary>
/// A project csharp-ls can load around a real corpus: dapr/dotnet-sdk's src/Dapr.Actors (129 files, ~13,400 lines) plus
/// the six files of Dapr.Common / Dapr.Client it uses, copied (the corpus stays read-only) into a generated SDK project
/// that compiles with zero errors. The same project with or without TokenPolicy's analyzer assembly.
/// </summary>
public static class EditorCorpusProject
{
    public const string Folder = "src/Dapr.Actors";

    /// <summary>The edited file: the actors' HTTP client, which already builds requests and sets the dapr-api-token header.</summary>
    public const string EditedFile = "DaprHttpInteractor.cs";

    private static readonly string[] ExtraFiles =
    [
        "src/Dapr.Common/ArgumentVerifier.cs",
        "src/Dapr.Common/DaprClientUtilities.cs",
        "src/Dapr.Common/DaprDefaults.cs",
        "src/Dapr.Common/DaprException.cs",
        "src/Dapr.Client/DaprApiException.cs",
        "src/Dapr.Client/DaprError.cs",
    ];

    /// <summary>What the corpus's own build gets from its Directory.Build.props and package references.</summary>
    private static readonly (string Id, string Version)[] Packages =
    [
        ("Microsoft.Extensions.Logging.Abstractions", "8.0.2"),
        ("Microsoft.Extensions.Configuration.Abstractions", "8.0.0"),
        ("Microsoft.Extensions.Http", "8.0.1"),
        ("Grpc.Core.Api", "2.71.0"),
    ];

    /// <summary>Writes the project into <paramref name="directory"/> and restores it; returns the path of the edited file.</summary>
    public static string Create(string corpusRoot, string directory, string? analyzerAssembly)
    {
        var source = Path.Combine(corpusRoot, Folder);
        if (!File.Exists(Path.Combine(source, EditedFile)))
        {
            throw new InvalidOperationException($"{Path.Combine(source, EditedFile)} not found: pass --corpus-root with the extracted dapr/dotnet-sdk checkout");
        }

        Directory.CreateDirectory(directory);
        // Nothing of the folders above (the repository's props, central package management) may shape this project.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, file), "<Project>\n</Project>\n");
        }

        CopyCs(source, Path.Combine(directory, "src"));
        Directory.CreateDirectory(Path.Combine(directory, "extra"));
        foreach (var extra in ExtraFiles)
        {
            File.Copy(Path.Combine(corpusRoot, extra), Path.Combine(directory, "extra", Path.GetFileName(extra)), overwrite: true);
        }

        var analyzers = new XElement("ItemGroup");
        if (analyzerAssembly is not null)
        {
            var local = Path.Combine(directory, "analyzers", Path.GetFileName(analyzerAssembly));
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            File.Copy(analyzerAssembly, local, overwrite: true);
            analyzers.Add(new XElement("Analyzer", new XAttribute("Include", "analyzers/" + Path.GetFileName(analyzerAssembly))));
        }

        var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("OutputType", "Library"),
                new XElement("LangVersion", "latest"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("Nullable", "annotations"),
                new XElement("DefineConstants", "$(DefineConstants);DotNetCoreClr"),
                new XElement("IsPackable", "false")),
            new XElement("ItemGroup", Packages.Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.Version)))),
            analyzers.HasElements ? analyzers : null);
        var projectPath = Path.Combine(directory, "DaprActorsEditorBench.csproj");
        project.Save(projectPath);

        var restore = DotNet.Run(directory, CiEnvironment.DeveloperMachine, null, "restore", projectPath, "-nologo");
        if (!restore.Succeeded)
        {
            throw new InvalidOperationException($"restoring the generated project failed\n{restore}");
        }

        return Path.Combine(directory, "src", EditedFile);
    }

    private static void CopyCs(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs"))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyCs(directory, Path.Combine(destination, name));
            }
        }
    }
}
