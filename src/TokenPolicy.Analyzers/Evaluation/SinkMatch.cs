using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>How a sink reads the value that reaches it (what the rule's judgement looks for).</summary>
    internal enum ValueReading
    {
        /// <summary>A file path (a string, or a <c>FileInfo</c> standing for its path).</summary>
        Path,

        /// <summary>A bare credential (<c>new AuthenticationHeaderValue("Bearer", token)</c>, Octokit <c>Credentials</c>).</summary>
        RawToken,

        /// <summary>A full header value (<c>Bearer x</c>).</summary>
        HeaderValue,

        /// <summary>A header line (<c>Authorization: Bearer x</c>) in an attribute argument.</summary>
        HeaderLine,

        /// <summary>No value: the call itself is the finding.</summary>
        None,
    }

    /// <summary>One row of a rule's sink table, as the engine sees it.</summary>
    internal abstract class SinkRow
    {
        protected SinkRow(ValueReading reading, FixKind fixKind)
        {
            Reading = reading;
            FixKind = fixKind;
        }

        public ValueReading Reading { get; }

        /// <summary>What a code fix can do with a value found at this sink.</summary>
        public FixKind FixKind { get; }

        /// <summary>The sink returns the text it read (a helper that returns it can be replaced by the resolved token).</summary>
        public virtual bool YieldsText => false;

        /// <summary>How the sink is named in messages: <c>File.ReadAllText</c>, <c>the "Authorization" entry of Dictionary</c>.</summary>
        public abstract string DisplayName(in SinkMatch match);

        /// <summary>The sink's type and member (<c>System.IO.File.ReadAllText</c>), for <see cref="DiagnosticProperties.SinkMember"/>.</summary>
        public abstract string MemberId(in SinkMatch match);
    }

    /// <summary>A sink found at an operation: which value enters it, through which row of the table.</summary>
    internal readonly struct SinkMatch
    {
        public SinkMatch(IOperation operation, IOperation? value, SinkRow row, ImmutableArray<IArgumentOperation> arguments = default, ITypeSymbol? container = null)
        {
            Operation = operation;
            Value = value;
            Row = row;
            Arguments = arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments;
            Container = container;
        }

        /// <summary>The sink operation (the call, creation, assignment or attribute).</summary>
        public IOperation Operation { get; }

        /// <summary>The operation whose value reaches the sink; null when the sink has no value (<see cref="ValueReading.None"/>).</summary>
        public IOperation? Value { get; }

        public SinkRow Row { get; }

        /// <summary>The sink call's arguments (for the rule's further conditions, matched by parameter name).</summary>
        public ImmutableArray<IArgumentOperation> Arguments { get; }

        /// <summary>The collection or attribute type, for rows that stand for many types.</summary>
        public ITypeSymbol? Container { get; }

        public string DisplayName => Row.DisplayName(this);

        public string MemberId => Row.MemberId(this);
    }

    /// <summary>One rule's sinks: the single place that decides "is this a sink, and which value reaches it".</summary>
    /// <remarks>Used both at the sink itself and inside method summaries, so the two paths can never disagree.</remarks>
    internal interface ISinkMatcher
    {
        /// <summary>The structural match: symbols and constant arguments only, no value evaluation.</summary>
        bool TryMatch(IOperation operation, out SinkMatch match);

        /// <summary>
        /// The sink's further conditions that need the evaluator (the header name is <c>Authorization</c>, the scheme is
        /// <c>Bearer</c>); asked only once the value was found worth evaluating.
        /// </summary>
        bool Accepts(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken);

        /// <summary>
        /// For method summaries, when <see cref="Accepts"/> fails only because a condition is a parameter of the summarised
        /// method (<c>Use(client, scheme, token) => new AuthenticationHeaderValue(scheme, token)</c>): the value and the
        /// condition folded into one open template (<c>{scheme} {token}</c>) and the row whose reading judges it, so each
        /// call decides with its own arguments. False when nothing can be deferred.
        /// </summary>
        bool TryDefer(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken, out ValueSet template, out SinkRow row);
    }
}
