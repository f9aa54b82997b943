using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.Analyzers.Tests;

/// <summary>
/// Every analyzer of the assembly (TP0001, TP0003 and TP0002 once it exists) over deliberately broken or
/// pathological sources, straight through <see cref="CompilationWithAnalyzers"/>: no analyzer exception (AD0001)
/// and a generous time bound. A bound, not a benchmark.
/// </summary>
public class RobustnessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private const string Header = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        """;

    public static IEnumerable<object[]> Sources() => Cases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, string> Cases = new()
    {
        ["unterminated string"] = Header + """
            class C
            {
                string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token);
                AuthenticationHeaderValue H() => new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.abc);
            }
            """,
        ["unterminated verbatim, raw and interpolated strings"] = Header + """"
            class C
            {
                string A() => File.ReadAllText(@"C:\var\run\secrets\kubernetes.io\serviceaccount\token);
                string B() => File.ReadAllText($"{Dir}/token);
                string D() => File.ReadAllText("""/var/run/secrets/kubernetes.io/serviceaccount/token);
                const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            }
            """",
        ["unterminated calls and members"] = Header + """
            class C
            {
                string A() => File.ReadAllText(Path.Combine(
                void B() { var s = new StreamReader(; var f = new FileStream("/var/run/secrets/kubernetes.io/serviceaccount/token", FileMode.
                string P { get => File.ReadAllText(
            """,
        ["missing types and members"] = Header + """
            class C : MissingBase
            {
                Missing _m = Missing.Create();
                string A() => File.ReadAllText(Missing.Path + Unknown.Thing + "/token");
                string B() => File.ReadAllText(Path.Combine(NoSuch.Dir, "kubernetes.io/serviceaccount/token"));
                object D() => new MissingType("/var/run/secrets/kubernetes.io/serviceaccount/token").OpenText();
                object E() => new FileInfo(Missing.Path).OpenText();
                object F() => new AuthenticationHeaderValue(Missing.Scheme, Missing.Token);
                object G() => k8s.KubernetesClientConfiguration.InClusterConfig();
                object H() => File.ReadAllText(path: Missing.P, encoding: Missing.E, extra: 1);
                object I() => Environment.GetEnvironmentVariable();
                object J() => Path.Combine();
                object K() => string.Concat(Missing.Parts);
                object L() => File.ReadAllText(undefinedLocal);
                object N() => File.ReadAllText(this.NoSuchField ??= "x");
            }
            """,
        ["recursive const initializers"] = Header + """
            class C
            {
                const string A = B + "/a";
                const string B = A + "/b";
                const string Self = Self;
                string M()
                {
                    const string local = local + "x";
                    _ = new AuthenticationHeaderValue("Bearer", A);
                    return File.ReadAllText(A + B + Self + local);
                }
            }
            """,
        ["recursive field and property initializers"] = Header + """
            class C
            {
                static readonly string A = B + "/a";
                static readonly string B = A + "/b";
                static readonly string Self = Self + "/token";
                readonly string _x = _y;
                readonly string _y = _x;
                string P => Q + "/p";
                string Q => P + "/q";
                string R { get => R; set => R = value; }
                string S { get; } = S + "x";
                string M(string p = nameof(p))
                {
                    var s = s + "x";
                    string t = u, u = t;
                    _ = new AuthenticationHeaderValue("Bearer", A + B + P + R + S);
                    return File.ReadAllText(A + B + Self + _x + P + R + S + s + t);
                }
            }
            """,
        ["10,000-term concatenation of non-constant terms"] = Header + $$"""
            class C
            {
                static readonly string Root = "/var/run";
                string M(string p)
                {
                    var path = {{string.Join(" + ", Enumerable.Range(0, 10_000).Select(i => i % 3 == 0 ? "p" : i % 3 == 1 ? "Root" : $"\"/{i}\""))}};
                    _ = new AuthenticationHeaderValue("Bearer", path);
                    return File.ReadAllText(path);
                }
            }
            """,
        ["10,000-term concatenation of constant terms"] = Header + $$"""
            class C
            {
                const string Big = {{string.Join(" + ", Enumerable.Range(0, 10_000).Select(i => $"\"/s{i}\""))}};
                string M()
                {
                    _ = new AuthenticationHeaderValue("Bearer", Big);
                    return File.ReadAllText(Big + "/var/run/secrets/kubernetes.io/serviceaccount/token");
                }
            }
            """,
        ["deeply nested conditional"] = Header + $$"""
            class C
            {
                string M(int i)
                {
                    var path = {{Nested(1_000)}};
                    _ = new AuthenticationHeaderValue("Bearer", path);
                    return File.ReadAllText(path);
                }
            }
            """,
        ["many locals each doubling the previous"] = Header + $$"""
            class C
            {
                string M(bool b)
                {
                    var v0 = b ? "/var/run/secrets" : "/run/secrets";
                    {{string.Concat(Enumerable.Range(1, 60).Select(i => $"var v{i} = b ? v{i - 1} + \"/a\" : v{i - 1} + v{i - 1};\n"))}}
                    _ = new AuthenticationHeaderValue("Bearer", v60);
                    return File.ReadAllText(v60);
                }
            }
            """,
        ["many reads of one long chain of fields"] = Header + $$"""
            class C
            {
                static readonly string F0 = "/var/run/secrets/kubernetes.io/serviceaccount";
                {{string.Concat(Enumerable.Range(1, 300).Select(i => $"static readonly string F{i} = i{i} ? F{i - 1} : F{i - 1} + \"/\";\nstatic bool i{i};\n"))}}
                void M()
                {
                    {{string.Concat(Enumerable.Range(0, 300).Select(i => $"_ = File.ReadAllText(F{i} + \"/token\");\n"))}}
                }
            }
            """,
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task No_analyzer_exception_and_bounded_time(string name)
    {
        var tree = CSharpSyntaxTree.ParseText(Cases[name], new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Broken.cs");
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { tree },
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var exceptions = new List<Exception>();
        var analyzers = AllAnalyzers();
        Assert.Contains(analyzers, a => a is ServiceAccountTokenReadAnalyzer);
        Assert.Contains(analyzers, a => a is KubernetesInClusterTokenAnalyzer);

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.True(stopwatch.Elapsed < Bound, $"{name}: analysis took {stopwatch.Elapsed} (bound {Bound})");
    }

    /// <summary>
    /// Workspaces (the IDE, the CLI) present a referenced project as a compilation reference: its members' syntax trees
    /// belong to another compilation. Their values are unknown here (everything stays inside the current compilation),
    /// and nothing throws.
    /// </summary>
    [Fact]
    public async Task Members_of_a_referenced_compilation_are_unknown_and_do_not_throw()
    {
        var library = CSharpCompilation.Create(
            "Library",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using System.IO;
                    using System.Net.Http.Headers;
                    public class Paths
                    {
                        public static readonly string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                        private readonly string _path;
                        public Paths(string path) { _path = path; }
                        public string Read() => File.ReadAllText(_path);
                        public static string ReadFile(string path) => File.ReadAllText(path);
                        public static AuthenticationHeaderValue Bearer(string token) => new AuthenticationHeaderValue("Bearer", token);
                        public string Computed => Token + "";
                    }
                    """, path: "/lib/Paths.cs"),
            },
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var app = CSharpCompilation.Create(
            "App",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using System.IO;
                    class App
                    {
                        string A() => File.ReadAllText(Paths.Token);
                        string B() => Paths.ReadFile("/var/run/secrets/kubernetes.io/serviceaccount/token");
                        string C() => new Paths("/var/run/secrets/kubernetes.io/serviceaccount/token").Read();
                        string D() => File.ReadAllText(new Paths("x").Computed);
                        object E() => Paths.Bearer("ghp_" + "not-a-real-token");
                    }
                    """, path: "/app/App.cs"),
            },
            TestReferences.Net80Assemblies.Add(library.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await app.WithAnalyzers(AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("TP", StringComparison.Ordinal));
    }

    private static string Nested(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append("i == ").Append(i).Append(" ? \"/var/run/secrets/").Append(i).Append("\" : ");
        }

        return builder.Append("\"/var/run/secrets/kubernetes.io/serviceaccount/token\"").ToString();
    }

    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers()
        => typeof(ServiceAccountTokenReadAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
