namespace TokenPolicy.Package.Tests;

/// <summary>One <c>dotnet build</c> of a consumer, with its diagnostics.</summary>
public sealed record ConsumerBuild(ProcessResult Process, IReadOnlyList<BuildDiagnostic> Diagnostics, string? SarifPath = null)
{
    public bool Succeeded => Process.Succeeded;

    public IReadOnlyList<BuildDiagnostic> TokenPolicy => Diagnostics.TokenPolicy();

    public override string ToString() => Process.ToString();
}

/// <summary>A copy of the restored consumer project (samples/LegacyRunner on the package).</summary>
public sealed class Consumer
{
    private readonly PackageFixture _fixture;

    public Consumer(PackageFixture fixture, string directory)
    {
        _fixture = fixture;
        Directory = directory;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "LegacyRunner.csproj");

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary><c>dotnet build</c> (restoring from the isolated packages folder) in the given CI environment.</summary>
    public ConsumerBuild Build(CiEnvironment ci, params string[] extraArguments) =>
        Build(ci, new Dictionary<string, string>(), extraArguments);

    /// <summary>The same, with extra environment variables (e.g. the variable one CI server sets).</summary>
    public ConsumerBuild Build(CiEnvironment ci, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        var arguments = new List<string> { "build", ProjectPath, "-c", "Debug", "-tl:off", "-nologo", "-clp:NoSummary" };
        arguments.AddRange(extraArguments);
        var env = new Dictionary<string, string>(_fixture.ConsumerEnvironment);
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }

        var process = DotNet.Run(Directory, ci, env, arguments.ToArray());
        return new ConsumerBuild(process, BuildDiagnostics.Parse(process.Output));
    }

    public ProcessResult Run(CiEnvironment ci, params string[] arguments) =>
        DotNet.Run(Directory, ci, _fixture.ConsumerEnvironment, arguments);

    public void WriteEditorConfig(string body) =>
        File.WriteAllText(PathOf(".editorconfig"), "root = true\n\n[*.cs]\n" + body + "\n");
}
