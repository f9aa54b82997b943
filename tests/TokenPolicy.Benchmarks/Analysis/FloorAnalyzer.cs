using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TokenPolicy.Benchmarks.Analysis;

public enum CallbackKind
{
    Compilation,
    CompilationEnd,
    SemanticModel,
    SyntaxTree,
    AdditionalFile,
    Symbol,
    SymbolStart,
    SyntaxNode,
    CodeBlock,
    CodeBlockStart,
    Operation,
    OperationBlock,
    OperationBlockStart,
}

/// <summary>One registration: its kind and the symbol/syntax/operation kinds it asked for (as ints).</summary>
public sealed record Registration(CallbackKind Kind, ImmutableArray<int> Kinds)
{
    public override string ToString() => Kinds.IsDefaultOrEmpty ? Kind.ToString() : $"{Kind}[{string.Join(",", Kinds.Select(k => Describe(Kind, k)))}]";

    private static string Describe(CallbackKind kind, int value) => kind switch
    {
        CallbackKind.Operation => ((OperationKind)value).ToString(),
        CallbackKind.Symbol or CallbackKind.SymbolStart => ((SymbolKind)value).ToString(),
        CallbackKind.SyntaxNode or CallbackKind.CodeBlockStart => ((SyntaxKind)value).ToString(),
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What an analyzer registers: top-level callbacks, and per compilation-start action the callbacks registered inside it.</summary>
public sealed class RegistrationProfile
{
    public List<Registration> TopLevel { get; } = new();

    public List<List<Registration>> CompilationStarts { get; } = new();

    public bool ConcurrentExecution { get; set; }

    public GeneratedCodeAnalysisFlags GeneratedCode { get; set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    public string Source { get; set; } = "recorded";

    public override string ToString()
    {
        var parts = new List<string>();
        parts.AddRange(TopLevel.Select(r => r.ToString()));
        parts.AddRange(CompilationStarts.Select(s => "CompilationStart{" + string.Join(" ", s) + "}"));
        return string.Join(" ", parts) + (ConcurrentExecution ? " concurrent" : "") + $" generated={GeneratedCode}";
    }

    /// <summary>Records what <paramref name="analyzer"/> registers, running its compilation-start actions against <paramref name="compilation"/>.</summary>
    public static RegistrationProfile Record(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var profile = new RegistrationProfile();
        var context = new RecordingAnalysisContext(profile);
        analyzer.Initialize(context);
        foreach (var start in context.StartActions)
        {
            var nested = new List<Registration>();
            start(new RecordingCompilationStartContext(nested, compilation, options));
            profile.CompilationStarts.Add(nested);
        }

        return profile;
    }

    /// <summary>The documented fallback when there is nothing to record: what a value-aware sink rule registers.</summary>
    public static RegistrationProfile Default() => new()
    {
        Source = "default mirror (no TokenPolicy analyzer found)",
        ConcurrentExecution = true,
        GeneratedCode = GeneratedCodeAnalysisFlags.None,
        CompilationStarts =
        {
            new List<Registration>
            {
                new(CallbackKind.Operation, ImmutableArray.Create((int)OperationKind.Invocation, (int)OperationKind.ObjectCreation)),
                new(CallbackKind.Operation, ImmutableArray.Create((int)OperationKind.SimpleAssignment, (int)OperationKind.PropertyReference)),
            },
        },
    };

    private static ImmutableArray<int> Ints<T>(ImmutableArray<T> kinds)
        where T : struct => kinds.IsDefault ? ImmutableArray<int>.Empty : kinds.Select(k => Convert.ToInt32(k, System.Globalization.CultureInfo.InvariantCulture)).ToImmutableArray();

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        private readonly RegistrationProfile _profile;

        public RecordingAnalysisContext(RegistrationProfile profile) => _profile = profile;

        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        private void Add(CallbackKind kind, ImmutableArray<int> kinds = default) => _profile.TopLevel.Add(new Registration(kind, kinds.IsDefault ? ImmutableArray<int>.Empty : kinds));

        public override void EnableConcurrentExecution() => _profile.ConcurrentExecution = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _profile.GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Add(CallbackKind.Compilation);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Add(CallbackKind.SemanticModel);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Add(CallbackKind.Symbol, Ints(symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Add(CallbackKind.SymbolStart, ImmutableArray.Create((int)symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Add(CallbackKind.CodeBlockStart);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Add(CallbackKind.CodeBlock);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Add(CallbackKind.SyntaxTree);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Add(CallbackKind.AdditionalFile);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Add(CallbackKind.SyntaxNode, Ints(syntaxKinds));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Add(CallbackKind.OperationBlockStart);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Add(CallbackKind.OperationBlock);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(CallbackKind.Operation, Ints(operationKinds));
    }

    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly List<Registration> _into;

        public RecordingCompilationStartContext(List<Registration> into, Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None) => _into = into;

        private void Add(CallbackKind kind, ImmutableArray<int> kinds = default) => _into.Add(new Registration(kind, kinds.IsDefault ? ImmutableArray<int>.Empty : kinds));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Add(CallbackKind.CompilationEnd);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Add(CallbackKind.SemanticModel);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Add(CallbackKind.Symbol, Ints(symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Add(CallbackKind.SymbolStart, ImmutableArray.Create((int)symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Add(CallbackKind.CodeBlockStart);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Add(CallbackKind.CodeBlock);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Add(CallbackKind.SyntaxTree);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Add(CallbackKind.AdditionalFile);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Add(CallbackKind.SyntaxNode, Ints(syntaxKinds));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Add(CallbackKind.OperationBlockStart);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Add(CallbackKind.OperationBlock);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Add(CallbackKind.Operation, Ints(operationKinds));
    }
}

/// <summary>
/// The floor: registers exactly the callbacks a given analyzer registers (same kinds, same nesting under compilation
/// start, same concurrency and generated-code settings), and does nothing in them.
/// </summary>
#pragma warning disable RS1001, RS1025, RS1026 // not shipped; a measuring instrument
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "FLOOR0001", "No-op floor", "never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

    private readonly RegistrationProfile _profile;

    public FloorAnalyzer(RegistrationProfile profile, string mirrors)
    {
        _profile = profile;
        Mirrors = mirrors;
    }

    public string Mirrors { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(_profile.GeneratedCode);
        if (_profile.ConcurrentExecution)
        {
            context.EnableConcurrentExecution();
        }

        foreach (var registration in _profile.TopLevel)
        {
            Register(new TopLevel(context), registration);
        }

        foreach (var nested in _profile.CompilationStarts)
        {
            context.RegisterCompilationStartAction(start =>
            {
                foreach (var registration in nested)
                {
                    Register(new Nested(start), registration);
                }
            });
        }
    }

    private static void Register(IRegistrar r, Registration registration)
    {
        switch (registration.Kind)
        {
            case CallbackKind.Compilation: r.Compilation(); break;
            case CallbackKind.CompilationEnd: r.CompilationEnd(); break;
            case CallbackKind.SemanticModel: r.SemanticModel(); break;
            case CallbackKind.SyntaxTree: r.SyntaxTree(); break;
            case CallbackKind.AdditionalFile: r.AdditionalFile(); break;
            case CallbackKind.Symbol: r.Symbol(registration.Kinds.Select(k => (SymbolKind)k).ToImmutableArray()); break;
            case CallbackKind.SymbolStart: r.SymbolStart((SymbolKind)registration.Kinds[0]); break;
            case CallbackKind.SyntaxNode: r.SyntaxNode(registration.Kinds.Select(k => (SyntaxKind)k).ToImmutableArray()); break;
            case CallbackKind.CodeBlock: r.CodeBlock(); break;
            case CallbackKind.CodeBlockStart: r.CodeBlockStart(); break;
            case CallbackKind.Operation: r.Operation(registration.Kinds.Select(k => (OperationKind)k).ToImmutableArray()); break;
            case CallbackKind.OperationBlock: r.OperationBlock(); break;
            case CallbackKind.OperationBlockStart: r.OperationBlockStart(); break;
        }
    }

    private interface IRegistrar
    {
        void Compilation();
        void CompilationEnd();
        void SemanticModel();
        void SyntaxTree();
        void AdditionalFile();
        void Symbol(ImmutableArray<SymbolKind> kinds);
        void SymbolStart(SymbolKind kind);
        void SyntaxNode(ImmutableArray<SyntaxKind> kinds);
        void CodeBlock();
        void CodeBlockStart();
        void Operation(ImmutableArray<OperationKind> kinds);
        void OperationBlock();
        void OperationBlockStart();
    }

    private sealed class TopLevel : IRegistrar
    {
        private readonly AnalysisContext _c;

        public TopLevel(AnalysisContext c) => _c = c;

        public void Compilation() => _c.RegisterCompilationAction(static _ => { });
        public void CompilationEnd() => _c.RegisterCompilationAction(static _ => { });
        public void SemanticModel() => _c.RegisterSemanticModelAction(static _ => { });
        public void SyntaxTree() => _c.RegisterSyntaxTreeAction(static _ => { });
        public void AdditionalFile() => _c.RegisterAdditionalFileAction(static _ => { });
        public void Symbol(ImmutableArray<SymbolKind> kinds) => _c.RegisterSymbolAction(static _ => { }, kinds);
        public void SymbolStart(SymbolKind kind) => _c.RegisterSymbolStartAction(static _ => { }, kind);
        public void SyntaxNode(ImmutableArray<SyntaxKind> kinds) => _c.RegisterSyntaxNodeAction(static _ => { }, kinds);
        public void CodeBlock() => _c.RegisterCodeBlockAction(static _ => { });
        public void CodeBlockStart() => _c.RegisterCodeBlockStartAction<SyntaxKind>(static _ => { });
        public void Operation(ImmutableArray<OperationKind> kinds) => _c.RegisterOperationAction(static _ => { }, kinds);
        public void OperationBlock() => _c.RegisterOperationBlockAction(static _ => { });
        public void OperationBlockStart() => _c.RegisterOperationBlockStartAction(static _ => { });
    }

    private sealed class Nested : IRegistrar
    {
        private readonly CompilationStartAnalysisContext _c;

        public Nested(CompilationStartAnalysisContext c) => _c = c;

        public void Compilation() => _c.RegisterCompilationEndAction(static _ => { });
        public void CompilationEnd() => _c.RegisterCompilationEndAction(static _ => { });
        public void SemanticModel() => _c.RegisterSemanticModelAction(static _ => { });
        public void SyntaxTree() => _c.RegisterSyntaxTreeAction(static _ => { });
        public void AdditionalFile() => _c.RegisterAdditionalFileAction(static _ => { });
        public void Symbol(ImmutableArray<SymbolKind> kinds) => _c.RegisterSymbolAction(static _ => { }, kinds);
        public void SymbolStart(SymbolKind kind) => _c.RegisterSymbolStartAction(static _ => { }, kind);
        public void SyntaxNode(ImmutableArray<SyntaxKind> kinds) => _c.RegisterSyntaxNodeAction(static _ => { }, kinds);
        public void CodeBlock() => _c.RegisterCodeBlockAction(static _ => { });
        public void CodeBlockStart() => _c.RegisterCodeBlockStartAction<SyntaxKind>(static _ => { });
        public void Operation(ImmutableArray<OperationKind> kinds) => _c.RegisterOperationAction(static _ => { }, kinds);
        public void OperationBlock() => _c.RegisterOperationBlockAction(static _ => { });
        public void OperationBlockStart() => _c.RegisterOperationBlockStartAction(static _ => { });
    }
}
#pragma warning restore RS1001, RS1025, RS1026
