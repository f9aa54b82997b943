using System.Globalization;

namespace TokenPolicy.Benchmarks.Editor;

/// <summary>Options of the editor-latency mode (<c>--editor</c>); see docs/performance.md, "Editor latency".</summary>
public sealed class EditorOptions
{
    public const string Usage = """
        TokenPolicy benchmark, editor latency (csharp-ls from .config/dotnet-tools.json, over stdio):
          dotnet run -c Release --project tests/TokenPolicy.Benchmarks -- --editor [options]

        Time from textDocument/didChange (a typed violation) to the publishDiagnostics that shows it, in a file of a
        real corpus, with TokenPolicy's analyzers ("ours") and without them ("off"), csharp.analyzersEnabled=true in
        both; "compilerOnly" is the same edits with csharp.analyzersEnabled=false. The three servers run side by side
        and each edit goes to all three in turn. About 6 minutes on 2 cores.

        Options:
          --corpus-root DIR       the extracted dapr/dotnet-sdk checkout (default /work/corpora/dapr; read only)
          --corpus-commit SHA     recorded with the figures (default 9a16009d98738fd4f11d1cd7ff58e5afc4fb945a)
          --edits N               measured edits per configuration (default 100, at least 50)
          --warmup-edits N        unmeasured edits after the load (default 10)
          --pause-ms N            pause after each edit's diagnostics before the next edit (default 200)
          --json FILE             write the figures as JSON
          --keep                  keep the generated projects (printed path)
        Exit code: 0 every edit was reported; 3 an edit was not reported in time or a configuration misbehaved; 64 bad arguments.
        """;

    public string CorpusRoot { get; private set; } = "/work/corpora/dapr";
    public string CorpusCommit { get; private set; } = "9a16009d98738fd4f11d1cd7ff58e5afc4fb945a";
    public int Edits { get; private set; } = 100;
    public int WarmupEdits { get; private set; } = 10;
    public int PauseMs { get; private set; } = 200;
    public string? JsonPath { get; private set; }
    public bool Keep { get; private set; }
    public bool Help { get; private set; }

    public static EditorOptions Parse(IReadOnlyList<string> args)
    {
        var o = new EditorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int(int min) => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v
                : throw new ArgumentException($"{args[i - 1]} needs an integer >= {min}");
            switch (args[i])
            {
                case "--editor": break;
                case "--corpus-root": o.CorpusRoot = Next(); break;
                case "--corpus-commit": o.CorpusCommit = Next(); break;
                case "--edits": o.Edits = Int(50); break;
                case "--warmup-edits": o.WarmupEdits = Int(0); break;
                case "--pause-ms": o.PauseMs = Int(0); break;
                case "--json": o.JsonPath = Next(); break;
                case "--keep": o.Keep = true; break;
                case "--help" or "-h": o.Help = true; break;
                default: throw new ArgumentException($"unknown option for --editor: {args[i]}");
            }
        }

        return o;
    }
}
