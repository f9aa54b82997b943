using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>One way a parameter of a method reaches a sink: "<c>path</c> is read as a file, via <c>GetStream</c>".</summary>
    internal sealed class Flow
    {
        public Flow(IParameterSymbol parameter, ValueSet template, SinkRow sink, string sinkName, ImmutableArray<string> via, bool returnsSinkText)
        {
            Parameter = parameter;
            Template = template;
            Sink = sink;
            SinkName = sinkName;
            Via = via;
            ReturnsSinkText = returnsSinkText;
        }

        /// <summary>The parameter (original definition) whose argument reaches the sink.</summary>
        public IParameterSymbol Parameter { get; }

        /// <summary>The value at the sink in terms of the parameter (only values that depend on it).</summary>
        public ValueSet Template { get; }

        /// <summary>The sink the parameter reaches.</summary>
        public SinkRow Sink { get; }

        /// <summary>The sink's display name (<c>new FileStream</c>).</summary>
        public string SinkName { get; }

        /// <summary>The methods between the summarised method and the sink, outermost first.</summary>
        public ImmutableArray<string> Via { get; }

        /// <summary>The summarised method returns the sink's text (<c>string ReadToken(string p) => File.ReadAllText(p)</c>).</summary>
        public bool ReturnsSinkText { get; }

        /// <summary><c>GetStream → new FileStream</c>.</summary>
        public string Chain => Via.IsEmpty ? SinkName : string.Join(" → ", Via) + " → " + SinkName;
    }

    /// <summary>
    /// Method summaries for one rule's sinks (rule-free: the rule hands in its <see cref="ISinkMatcher"/>): for every method (built lazily, cached per compilation), which parameters flow
    /// into the rule's sinks — directly, through locals, through fields and properties the method sets (read by other
    /// members of the type), and through calls to further methods whose own summaries say so. A call site then
    /// substitutes its arguments into the summary to decide, at the place where the value is chosen.
    /// </summary>
    /// <remarks>
    /// Only methods with source in the compilation are summarised; calls are bound statically (virtual and interface
    /// calls use the statically bound member's body, if it has one; delegates are not followed). Recursion and mutual
    /// recursion are cut by an in-progress guard, nesting by <see cref="MaxNesting"/>, and a summary cut short is never
    /// cached (<see cref="WalkGuard{TKey}"/>). A call inside a summarised body is followed only when one of its arguments
    /// depends on a parameter: the other calls cannot add a flow, so their callees are never summarised for it.
    /// </remarks>
    internal sealed class FlowSummaries
    {
        private const int MaxNesting = 6;
        private const int MaxFlowsPerMethod = 16;
        private const int MaxSummariesPerWalk = 256;

        private readonly ValueEvaluator _evaluator;
        private readonly ISinkMatcher _sinks;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Flow>> _summaries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<RawFlow>> _bodyFlows = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<RawFlow>> _typeFlows = new(SymbolEqualityComparer.Default);
        private readonly SinkReach? _reach;

        /// <param name="reach">
        /// The rule's sink reach: a callee met inside a body is summarised only when it may reach a sink by name (the
        /// summary of any other is empty, so the flows are the same; without it every callee that takes a parameter's
        /// value is summarised, binding its body).
        /// </param>
        public FlowSummaries(ValueEvaluator evaluator, ISinkMatcher sinks, SinkReach? reach = null)
        {
            _evaluator = evaluator;
            _sinks = sinks;
            _reach = reach;
        }

        /// <summary>True when a call to <paramref name="method"/> may carry a followed value into a summary (cheap check).</summary>
        public static bool MayHaveSummary(IMethodSymbol method)
        {
            // A method of a referenced assembly (most calls) ends at its first location, which the compiler keeps; the
            // declaring references, which it builds on each request, are asked only of a method in source.
            method = method.OriginalDefinition;
            var locations = method.Locations;
            if (locations.IsEmpty || !locations[0].IsInSource)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (IsFollowedParameter(parameter))
                {
                    return !method.DeclaringSyntaxReferences.IsEmpty;
                }
            }

            return false;
        }

        /// <summary>The flows from <paramref name="method"/>'s parameters into the rule's sinks.</summary>
        public ImmutableArray<Flow> GetSummary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (!MayHaveSummary(method))
            {
                return ImmutableArray<Flow>.Empty;
            }

            return _summaries.TryGetValue(method, out var cached) ? cached : new Walk(this, cancellationToken).Summary(method);
        }

        /// <summary>
        /// At a call of <paramref name="callee"/>: every flow of its summary with the argument that feeds it and the
        /// values that then reach the sink (the argument evaluated in the caller, substituted into the flow).
        /// </summary>
        public IEnumerable<(Flow Flow, IOperation Argument, ValueSet Values)> AtCall(IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
        {
            // Every parameter of the template is bound to its argument at this call (`ReadSecret(dir, name)` ->
            // `Path.Combine(dir, name)`), each argument evaluated once.
            Dictionary<IParameterSymbol, ValueSet>? passed = null;
            ValueSet? Bound(IParameterSymbol parameter)
            {
                passed ??= new Dictionary<IParameterSymbol, ValueSet>(SymbolEqualityComparer.Default);
                if (!passed.TryGetValue(parameter, out var value))
                {
                    var bound = ArgumentFor(arguments, parameter);
                    value = bound is null ? null! : _evaluator.EvaluateArgument(parameter, bound, open: false, cancellationToken);
                    passed[parameter] = value;
                }

                return value;
            }

            foreach (var flow in GetSummary(callee, cancellationToken))
            {
                var argument = ArgumentFor(arguments, flow.Parameter);
                if (argument is null)
                {
                    continue;
                }

                yield return (flow, argument, flow.Template.Substitute(Bound));
            }
        }

        /// <summary>
        /// The argument values bound at a call: <paramref name="arguments"/>' values for <paramref name="parameter"/>
        /// (matched by parameter, never by position), evaluated in the caller.
        /// </summary>
        public static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, IParameterSymbol parameter)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } bound && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, parameter))
                {
                    // An omitted optional argument is the default value, already judged at the sink itself.
                    return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                }
            }

            return null;
        }

        /// <summary>A parameter whose argument can carry a followed value: strings, objects, FileInfo and sequences of strings, by value.</summary>
        internal static bool IsFollowedParameter(IParameterSymbol parameter)
            => parameter.RefKind is RefKind.None or RefKind.In
               && (parameter.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                   || parameter.Type is INamedTypeSymbol { Name: "FileInfo", ContainingNamespace.Name: "IO" }
                   || ValueEvaluator.IsStringSequence(parameter.Type));

        /// <summary>A sink reached from a body, with values that still depend on some parameter.</summary>
        private readonly struct RawFlow
        {
            public RawFlow(ValueSet template, SinkRow sink, string sinkName, ImmutableArray<string> via, bool returnsSinkText, ISymbol? member, ValueSet? carrier = null)
            {
                Carrier = carrier;
                Template = template;
                Sink = sink;
                SinkName = sinkName;
                Via = via;
                ReturnsSinkText = returnsSinkText;
                Member = member;
            }

            public ValueSet Template { get; }

            /// <summary>For a deferred condition: the sink's value alone, whose parameters are the flow's (not the condition's).</summary>
            public ValueSet? Carrier { get; }

            public SinkRow Sink { get; }

            public string SinkName { get; }

            public ImmutableArray<string> Via { get; }

            public bool ReturnsSinkText { get; }

            /// <summary>For flows of a type: the member whose body holds them.</summary>
            public ISymbol? Member { get; }
        }

        private sealed class SeenComparer : IEqualityComparer<(IParameterSymbol, string, string)>
        {
            public static readonly SeenComparer Instance = new();

            public bool Equals((IParameterSymbol, string, string) x, (IParameterSymbol, string, string) y)
                => SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1) && x.Item2 == y.Item2 && x.Item3 == y.Item3;

            public int GetHashCode((IParameterSymbol, string, string) obj)
                => (SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 397) ^ obj.Item2.GetHashCode() ^ obj.Item3.GetHashCode();
        }

        private enum GuardKind
        {
            Summary,
            Body,
            Type,
        }

        private sealed class GuardComparer : IEqualityComparer<(GuardKind Kind, ISymbol Symbol)>
        {
            public static readonly GuardComparer Instance = new();

            public bool Equals((GuardKind Kind, ISymbol Symbol) x, (GuardKind Kind, ISymbol Symbol) y)
                => x.Kind == y.Kind && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((GuardKind Kind, ISymbol Symbol) obj)
                => ((int)obj.Kind * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Symbol);
        }

        private sealed class Walk
        {
            private readonly FlowSummaries _owner;
            private readonly CancellationToken _cancellationToken;
            private readonly WalkGuard<(GuardKind Kind, ISymbol Symbol)> _guard = new(GuardComparer.Instance);
            private int _nesting;
            private int _computed;

            public Walk(FlowSummaries owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            public ImmutableArray<Flow> Summary(IMethodSymbol method)
            {
                if (_owner._summaries.TryGetValue(method, out var cached))
                {
                    return cached;
                }

                return Guarded(GuardKind.Summary, method, _owner._summaries, () => ComputeSummary(method), ImmutableArray<Flow>.Empty);
            }

            private ImmutableArray<Flow> ComputeSummary(IMethodSymbol method)
            {
                var raw = new List<RawFlow>(BodyFlows(method));
                if (AssignsMembers(method))
                {
                    // Fields and properties this method sets are read elsewhere in the type, or in a base type of the
                    // compilation (a derived constructor setting a protected member its base reads).
                    for (var type = method.ContainingType; type is not null && !type.DeclaringSyntaxReferences.IsEmpty; type = type.BaseType)
                    {
                        foreach (var flow in TypeFlows(type))
                        {
                            if (!SymbolEqualityComparer.Default.Equals(flow.Member, method))
                            {
                                raw.Add(flow);
                            }
                        }
                    }
                }

                var builder = ImmutableArray.CreateBuilder<Flow>();
                var seen = new HashSet<(IParameterSymbol, string, string)>(SeenComparer.Instance);
                foreach (var parameter in method.Parameters)
                {
                    if (!IsFollowedParameter(parameter))
                    {
                        continue;
                    }

                    foreach (var flow in raw)
                    {
                        var template = flow.Template.WhereDependsOn(p => SymbolEqualityComparer.Default.Equals(p, parameter));
                        if (template.IsEmpty || builder.Count >= MaxFlowsPerMethod
                            || (flow.Carrier is { } carrier && carrier.WhereDependsOn(p => SymbolEqualityComparer.Default.Equals(p, parameter)).IsEmpty))
                        {
                            continue;
                        }

                        var via = flow.Member is null || SymbolEqualityComparer.Default.Equals(flow.Member, method) ? flow.Via : flow.Via.Insert(0, flow.Member.Name);
                        if (seen.Add((parameter, template.ToString(), flow.SinkName)))
                        {
                            builder.Add(new Flow(parameter, template, flow.Sink, flow.SinkName, via, flow.ReturnsSinkText && flow.Member is null));
                        }
                    }
                }

                return builder.ToImmutable();
            }

            /// <summary>The sinks reached from <paramref name="method"/>'s body with values that depend on some parameter.</summary>
            private ImmutableArray<RawFlow> BodyFlows(IMethodSymbol method)
            {
                if (_owner._bodyFlows.TryGetValue(method, out var cached))
                {
                    return cached;
                }

                return Guarded(GuardKind.Body, method, _owner._bodyFlows, () => ComputeBodyFlows(method), ImmutableArray<RawFlow>.Empty);
            }

            private ImmutableArray<RawFlow> ComputeBodyFlows(IMethodSymbol method)
            {
                var builder = ImmutableArray.CreateBuilder<RawFlow>();
                foreach (var body in Bodies(method))
                {
                    var returnCount = -1;
                    int ReturnCount()
                    {
                        if (returnCount < 0)
                        {
                            returnCount = 0;
                            foreach (var operation in body.Descendants())
                            {
                                if (operation is IReturnOperation { ReturnedValue: not null } && !InNestedFunction(operation, body))
                                {
                                    returnCount++;
                                }
                            }
                        }

                        return returnCount;
                    }

                    foreach (var operation in body.DescendantsAndSelf())
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        if (_owner._sinks.TryMatch(operation, out var match))
                        {
                            var template = match.Value is null
                                ? ValueSet.Null
                                : _owner._evaluator.EvaluateOpen(match.Value, _cancellationToken).WhereDependsOn(static _ => true);
                            if (!template.IsEmpty && _owner._sinks.Accepts(match, _owner._evaluator, _cancellationToken))
                            {
                                var returnsText = match.Row.YieldsText && IsReturnedDirectly(operation, body) && ReturnCount() == 1;
                                builder.Add(new RawFlow(template, match.Row, match.DisplayName, ImmutableArray<string>.Empty, returnsText, null));
                            }
                            else if (!template.IsEmpty && _owner._sinks.TryDefer(match, _owner._evaluator, _cancellationToken, out var deferred, out var deferredRow))
                            {
                                // A condition that is a parameter (the header name, the scheme): decided at each call.
                                builder.Add(new RawFlow(deferred.WhereDependsOn(static _ => true), deferredRow, match.DisplayName, ImmutableArray<string>.Empty, false, null, template));
                            }

                            continue;
                        }

                        var (callee, arguments) = operation switch
                        {
                            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                            _ => (null, default(ImmutableArray<IArgumentOperation>)),
                        };

                        if (callee is null || !MayHaveSummary(callee) || SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, method))
                        {
                            continue;
                        }

                        // Only a call that passes something depending on a parameter can add a flow: decide that from the
                        // arguments before summarising the callee.
                        var bound = BoundArguments(callee.OriginalDefinition, arguments);
                        if (bound is null || (_owner._reach is { } reach && !reach.MayReach(callee.OriginalDefinition, _cancellationToken)))
                        {
                            continue;
                        }

                        foreach (var flow in Summary(callee.OriginalDefinition))
                        {
                            if (!bound.ContainsKey(flow.Parameter))
                            {
                                continue;
                            }

                            // Every parameter the callee's template mentions is bound at this call, not only the flow's own.
                            var template = flow.Template
                                .Substitute(p => bound.TryGetValue(p, out var other) ? other : null)
                                .WhereDependsOn(static _ => true);
                            if (!template.IsEmpty && builder.Count < MaxFlowsPerMethod * 2)
                            {
                                var returnsText = flow.ReturnsSinkText && IsReturnedDirectly(operation, body) && ReturnCount() == 1;
                                builder.Add(new RawFlow(template, flow.Sink, flow.SinkName, flow.Via.Insert(0, DisplayName(callee)), returnsText, null));
                            }
                        }
                    }
                }

                return builder.ToImmutable();
            }

            /// <summary>
            /// The open values of the arguments bound to <paramref name="callee"/>'s followed parameters, when at least one
            /// of them depends on a parameter of the body being summarised; otherwise null.
            /// </summary>
            private Dictionary<IParameterSymbol, ValueSet>? BoundArguments(IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments)
            {
                Dictionary<IParameterSymbol, ValueSet>? bound = null;
                var dependsOnParameter = false;
                foreach (var parameter in callee.Parameters)
                {
                    if (!IsFollowedParameter(parameter) || ArgumentFor(arguments, parameter) is not { } argument)
                    {
                        continue;
                    }

                    var value = _owner._evaluator.EvaluateArgument(parameter, argument, open: true, _cancellationToken);
                    dependsOnParameter |= value.ContainsParameter;
                    bound ??= new Dictionary<IParameterSymbol, ValueSet>(SymbolEqualityComparer.Default);
                    bound[parameter] = value;
                }

                return dependsOnParameter ? bound : null;
            }

            /// <summary>Every flow of every member of <paramref name="type"/>, tagged with its member.</summary>
            private ImmutableArray<RawFlow> TypeFlows(INamedTypeSymbol type)
            {
                type = type.OriginalDefinition;
                if (_owner._typeFlows.TryGetValue(type, out var cached))
                {
                    return cached;
                }

                return Guarded(GuardKind.Type, type, _owner._typeFlows, () =>
                {
                    var builder = ImmutableArray.CreateBuilder<RawFlow>();
                    foreach (var member in type.GetMembers())
                    {
                        if (member is not IMethodSymbol { IsImplicitlyDeclared: false } method || method.DeclaringSyntaxReferences.IsEmpty)
                        {
                            continue;
                        }

                        foreach (var flow in BodyFlows(method))
                        {
                            builder.Add(new RawFlow(flow.Template, flow.Sink, flow.SinkName, flow.Via, false, method, flow.Carrier));
                        }
                    }

                    return builder.ToImmutable();
                }, ImmutableArray<RawFlow>.Empty);
            }

            private TValue Guarded<TKey, TValue>(GuardKind kind, TKey key, ConcurrentDictionary<TKey, TValue> cache, Func<TValue> compute, TValue whenCut)
                where TKey : ISymbol
            {
                if (_nesting >= MaxNesting || _computed >= MaxSummariesPerWalk)
                {
                    _guard.Cut();
                    return whenCut;
                }

                _nesting++;
                _computed++;
                try
                {
                    return _guard.Cached((kind, (ISymbol)key), cache, key, compute, whenCut);
                }
                finally
                {
                    _nesting--;
                }
            }

            private IEnumerable<IOperation> Bodies(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    if (syntax is TypeDeclarationSyntax type)
                    {
                        // A primary constructor: its parameters are read by the members (type flows), and passed on by
                        // its base-type call (`class Bearer(string token) : AuthenticationHeaderValue("Bearer", token)`).
                        if (type.BaseList?.Types.FirstOrDefault() is PrimaryConstructorBaseTypeSyntax baseCall
                            && _owner._evaluator.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(baseCall, _cancellationToken) is { } initializer)
                        {
                            yield return initializer;
                        }

                        continue;
                    }

                    var body = _owner._evaluator.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(syntax, _cancellationToken);
                    if (body is not null)
                    {
                        yield return body;
                    }
                }
            }

            /// <summary>
            /// Whether the method may store a parameter in a field or property that other members read: a primary
            /// constructor, or an assignment whose value mentions one of its string parameters (checked on syntax, so
            /// that constructing a plain data type does not summarise every member of it).
            /// </summary>
            private bool AssignsMembers(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    if (syntax is TypeDeclarationSyntax)
                    {
                        return true;
                    }

                    foreach (var node in syntax.DescendantNodes())
                    {
                        if (node is AssignmentExpressionSyntax assignment && MentionsParameter(assignment.Right, method))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static bool MentionsParameter(ExpressionSyntax expression, IMethodSymbol method)
            {
                foreach (var node in expression.DescendantNodesAndSelf())
                {
                    if (node is IdentifierNameSyntax identifier)
                    {
                        foreach (var parameter in method.Parameters)
                        {
                            if (identifier.Identifier.ValueText == parameter.Name && IsFollowedParameter(parameter))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            private static bool InNestedFunction(IOperation operation, IOperation body)
            {
                for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary><c>return sink;</c>, <c>=> sink</c>, <c>return sink.Trim();</c>, <c>return await sink;</c>.</summary>
            private static bool IsReturnedDirectly(IOperation operation, IOperation body)
            {
                var current = operation;
                while (current.Parent is { } parent)
                {
                    switch (parent)
                    {
                        case IReturnOperation:
                            return !InNestedFunction(parent, body);
                        case IAwaitOperation:
                        case IConversionOperation { Conversion.IsImplicit: true }:
                        case IInvocationOperation { TargetMethod.Name: "Trim", Arguments.IsEmpty: true } trim when trim.Instance == current:
                            current = parent;
                            continue;
                        default:
                            return false;
                    }
                }

                return false;
            }
        }

        /// <summary>How a method is named in messages: <c>GetStream</c>, <c>new TokenFileReader</c>.</summary>
        public static string DisplayName(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.Name;
    }
}
