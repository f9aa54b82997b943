using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Core
{
    /// <summary>
    /// Everything TokenPolicy keeps for one compilation, shared by its analyzers: the value evaluator, and each rule
    /// family's resolved sinks, candidate index and method summaries (<see cref="RuleState"/>). Created in a
    /// compilation-start action; every part is built lazily, on first use by an operation action, and is deterministic,
    /// thread-safe and cancellable.
    /// </summary>
    internal sealed class CompilationState
    {
        private static readonly ConditionalWeakTable<Compilation, CompilationState> States = new();

        private readonly ConcurrentDictionary<string, Lazy<RuleState?>> _rules = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<CandidateIndex>> _candidates = new(StringComparer.Ordinal);
        private readonly Lazy<ValueEvaluator> _evaluator;
        private AnalyzerConfigOptionsProvider? _options;
        private TokenPolicyOptions? _merged;

        private CompilationState(Compilation compilation)
        {
            Compilation = compilation;
            _evaluator = new Lazy<ValueEvaluator>(() => new ValueEvaluator(compilation, new WellKnownTypes(compilation)));
        }

        public Compilation Compilation { get; }

        /// <summary>
        /// The value evaluator, created on first use: its well-known types are looked up then, not in a compilation-start
        /// action (see <see cref="TokenPolicyAnalyzer"/> on why no symbol is looked up at compilation start).
        /// </summary>
        public ValueEvaluator Evaluator => _evaluator.Value;

        /// <summary>The state of <paramref name="compilation"/>; <paramref name="options"/> are the analysis options, when known.</summary>
        public static CompilationState Get(Compilation compilation, AnalyzerOptions? options = null)
        {
            var state = States.GetValue(compilation, static c => new CompilationState(c));
            if (options is not null && state._options is null)
            {
                state._options = options.AnalyzerConfigOptionsProvider;
            }

            return state;
        }

        /// <summary>The options of <paramref name="tree"/> (defaults when no options were given).</summary>
        public TokenPolicyOptions Options(SyntaxTree tree)
            => _options is null ? TokenPolicyOptions.Default : TokenPolicyOptions.Get(_options.GetOptions(tree));

        /// <summary>One rule's state, created once; null when the compilation cannot contain the rule's sinks.</summary>
        public RuleState? Rule(string key, Func<CompilationState, RuleState?> create)
            => _rules.GetOrAdd(key, k => new Lazy<RuleState?>(() => create(this))).Value;

        /// <summary>The candidate index of one filter family (shared by the rules that look for the same candidates).</summary>
        public CandidateIndex Candidates(string family, Func<CompilationState, CandidateFilter> createFilter)
            => _candidates.GetOrAdd(family, k => new Lazy<CandidateIndex>(() => new CandidateIndex(Compilation, createFilter(this)))).Value;

        /// <summary>The options of every tree, merged (what a candidate in one tree may mean to a sink in another); merged once.</summary>
        public TokenPolicyOptions MergedOptions()
        {
            // Every candidate family asks; the options provider is set before the first operation, so the first merge is final.
            if (_options is not null && Volatile.Read(ref _merged) is { } cached)
            {
                return cached;
            }

            var merged = Merge();
            if (_options is not null)
            {
                Interlocked.CompareExchange(ref _merged, merged, null);
            }

            return merged;
        }

        private TokenPolicyOptions Merge()
        {
            var merged = TokenPolicyOptions.Default;
            if (_options is null)
            {
                return merged;
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
                merged = TokenPolicyOptions.Merge(merged, Options(tree));
            }

            return merged;
        }
    }

    /// <summary>A rule's per-compilation parts: its sinks, the candidates it follows, and its method summaries.</summary>
    internal sealed class RuleState
    {
        public RuleState(CompilationState compilation, ISinkMatcher sinks, CandidateIndex candidates, SinkReach? reach)
        {
            Compilation = compilation;
            Sinks = sinks;
            Candidates = candidates;
            Reach = reach;
            Summaries = reach is null ? null : new FlowSummaries(compilation.Evaluator, sinks, reach);
        }

        /// <summary>The methods that may reach the rule's sinks (by name); null for a rule that does not follow calls.</summary>
        public SinkReach? Reach { get; }

        public CompilationState Compilation { get; }

        public ISinkMatcher Sinks { get; }

        public CandidateIndex Candidates { get; }

        /// <summary>Null for a rule that does not follow values into methods.</summary>
        public FlowSummaries? Summaries { get; }
    }
}
