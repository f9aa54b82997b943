using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Requests
{
    /// <summary>
    /// What is known about the client (or request message) a request is sent with: whether its origin was found, whether
    /// the caller-or-OIDC handler is in its pipeline, and the Authorization values and base addresses set on it.
    /// </summary>
    internal sealed class Pipeline
    {
        public static readonly Pipeline Unknown = new(known: false);

        public Pipeline(bool known)
        {
            Known = known;
        }

        /// <summary>Every way the client or request is made was found (a creation, a factory client with its registration).</summary>
        public bool Known { get; private set; }

        /// <summary><c>CallerOrOidcAuthorizationHandler</c> is in the pipeline (the client's handlers or its registration).</summary>
        public bool Sanctioned { get; private set; }

        public List<IOperation> Authorization { get; } = new();

        public List<IOperation> BaseAddresses { get; } = new();

        public List<IOperation> RequestUris { get; } = new();

        public void MarkSanctioned() => Sanctioned = true;

        public void MarkUnknown() => Known = false;

        public void Add(Fact fact)
        {
            switch (fact.Kind)
            {
                case FactKind.Authorization:
                    Authorization.Add(fact.Value);
                    break;
                case FactKind.BaseAddress:
                    BaseAddresses.Add(fact.Value);
                    break;
                case FactKind.RequestUri:
                    RequestUris.Add(fact.Value);
                    break;
            }
        }

        /// <summary>Adds <paramref name="other"/>'s facts; known only when both are.</summary>
        public Pipeline With(Pipeline other)
        {
            var merged = new Pipeline(Known && other.Known) { Sanctioned = Sanctioned || other.Sanctioned };
            merged.Authorization.AddRange(Authorization);
            merged.Authorization.AddRange(other.Authorization);
            merged.BaseAddresses.AddRange(BaseAddresses);
            merged.BaseAddresses.AddRange(other.BaseAddresses);
            merged.RequestUris.AddRange(RequestUris);
            merged.RequestUris.AddRange(other.RequestUris);
            return merged;
        }
    }

    /// <summary>
    /// Where clients come from, per compilation: <c>new HttpClient(handler)</c>, <c>IHttpClientFactory.CreateClient(name)</c>
    /// and typed clients with their <c>AddHttpClient</c> registrations (configure lambdas, <c>AddHttpMessageHandler</c>,
    /// <c>AddCallerOrOidcAuthorization</c>), <c>DelegatingHandler</c>s that set the header, and the request messages given
    /// to <c>SendAsync</c>. Registrations are found once per compilation, in the trees that mention <c>AddHttpClient</c>.
    /// </summary>
    internal sealed class Pipelines
    {
        private const int MaxDepth = 6;

        private readonly Compilation _compilation;
        private readonly ValueEvaluator _evaluator;
        private readonly object _gate = new();
        private Registrations? _registrations;
        private readonly ConcurrentDictionary<SyntaxNode, ScopeFacts> _bodies = new();
        private readonly ConcurrentDictionary<SyntaxNode, LocalAssignments> _locals = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, ScopeFacts> _types = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, MemberAssignments> _members = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, List<IOperation>> _outside = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(SyntaxNode Scope, ISymbol Symbol), bool> _escapes = new(EscapeKeyComparer.Instance);

        private sealed class EscapeKeyComparer : IEqualityComparer<(SyntaxNode Scope, ISymbol Symbol)>
        {
            public static readonly EscapeKeyComparer Instance = new();

            public bool Equals((SyntaxNode Scope, ISymbol Symbol) x, (SyntaxNode Scope, ISymbol Symbol) y)
                => x.Scope == y.Scope && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((SyntaxNode Scope, ISymbol Symbol) obj) => (obj.Scope.GetHashCode() * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Symbol);
        }

        public Pipelines(Compilation compilation, ValueEvaluator evaluator)
        {
            _compilation = compilation;
            _evaluator = evaluator;
        }

        /// <summary>The client <paramref name="client"/> evaluates to.</summary>
        public Pipeline Client(IOperation? client, CancellationToken cancellationToken) => Client(client, 0, cancellationToken);

        /// <summary>The request message <paramref name="request"/> evaluates to (its URIs and headers).</summary>
        public Pipeline Request(IOperation? request, CancellationToken cancellationToken) => Request(request, 0, cancellationToken);

        /// <summary>The values written to a local or parameter in its body; null when nothing is known.</summary>
        public List<IOperation?>? Writes(IOperation reference, ISymbol variable) => LocalWrites(reference, variable)?.PlainValues();

        /// <summary>Every write of a local or parameter in its body (plain and appended); null when there is none.</summary>
        public LocalAssignments.Writes? LocalWrites(IOperation reference, ISymbol variable)
        {
            var root = ValueEvaluator.GetRoot(reference);
            var index = _locals.GetOrAdd(root.Syntax, _ => LocalAssignments.Build(root));
            return index.TryGet(variable, out var writes) ? writes : null;
        }

        /// <summary>The values of a field or property: its initializer and the writes inside its type; null when it has none.</summary>
        public List<IOperation?>? MemberValues(ISymbol member, CancellationToken cancellationToken)
        {
            var values = new List<IOperation?>();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer is not null && _evaluator.GetSemanticModel(initializer.SyntaxTree)?.GetOperation(initializer, cancellationToken) is ISymbolInitializerOperation init)
                {
                    values.Add(init.Value);
                }
            }

            var type = member.ContainingType;
            var assignments = _members.GetOrAdd(type, t => MemberAssignments.Build(t, _evaluator, cancellationToken));
            if (assignments.TryGet(member.OriginalDefinition, out var assigned))
            {
                values.AddRange(assigned);
            }

            return values.Count == 0 ? null : values;
        }

        /// <summary>
        /// Assignments to <paramref name="member"/> from outside its type (a static field filled in <c>Main</c>), found in the
        /// trees that mention its name; only asked on the way to a finding.
        /// </summary>
        public List<IOperation> OutsideWrites(ISymbol member, CancellationToken cancellationToken)
            => _outside.GetOrAdd(member.OriginalDefinition, m =>
            {
                var values = new List<IOperation>();
                var words = new[] { m.Name };
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    if (!WordIndex.MayContainAny(tree, words, cancellationToken))
                    {
                        continue;
                    }

                    SemanticModel? model = null;
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (node is not AssignmentExpressionSyntax assignment || RightmostName(assignment.Left) != m.Name)
                        {
                            continue;
                        }

                        model ??= _evaluator.GetSemanticModel(tree);
                        if (model?.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation simple
                            && (simple.Target as IMemberReferenceOperation)?.Member.OriginalDefinition is { } target
                            && SymbolEqualityComparer.Default.Equals(target, m)
                            && !IsInside(simple, m.ContainingType))
                        {
                            values.Add(simple.Value);
                        }
                    }
                }

                return values;
            });

        private static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        private static bool IsInside(IOperation operation, INamedTypeSymbol type)
        {
            for (var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart); symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        public ScopeFacts BodyFacts(IOperation operation, CancellationToken cancellationToken)
        {
            var root = ValueEvaluator.GetRoot(operation);
            return _bodies.GetOrAdd(root.Syntax, s => ScopeFacts.Build(new[] { s }, _evaluator.GetSemanticModel, cancellationToken));
        }

        public ScopeFacts TypeFacts(INamedTypeSymbol type, CancellationToken cancellationToken)
            => _types.GetOrAdd(type.OriginalDefinition, t =>
            {
                var scopes = new List<SyntaxNode>();
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    scopes.Add(reference.GetSyntax(cancellationToken));
                }

                return ScopeFacts.Build(scopes, _evaluator.GetSemanticModel, cancellationToken);
            });

        private Pipeline Client(IOperation? client, int depth, CancellationToken cancellationToken)
        {
            client = ScopeFacts.Strip(client);
            if (client is null || depth > MaxDepth)
            {
                return Pipeline.Unknown;
            }

            depth++;
            switch (client)
            {
                case IObjectCreationOperation creation when ScopeFacts.DerivesFrom(creation.Type, "System.Net.Http", "HttpClient"):
                {
                    var pipeline = new Pipeline(known: true);
                    if (FindArgument(creation.Arguments, "handler") is { } handler)
                    {
                        pipeline = pipeline.With(Handler(handler, depth, cancellationToken));
                    }

                    AddInitializerFacts(pipeline, creation.Initializer);
                    return pipeline;
                }

                case IInvocationOperation { TargetMethod.Name: "CreateClient" } invocation
                    when ScopeFacts.IsType(invocation.TargetMethod.ContainingType, "System.Net.Http", "IHttpClientFactory")
                         || ScopeFacts.IsType(invocation.TargetMethod.ContainingType, "System.Net.Http", "HttpClientFactoryExtensions"):
                {
                    var nameArgument = ScopeFacts.Argument(invocation, "name");
                    string? name = nameArgument is null ? string.Empty : _evaluator.Evaluate(nameArgument, cancellationToken) is { Values.Length: 1 } names ? names.Values[0].ConstantText : null;
                    return name is not null && GetRegistrations(cancellationToken).ByName.TryGetValue(name, out var registered) ? registered : Pipeline.Unknown;
                }

                case ILocalReferenceOperation local:
                    return Variable(client, local.Local, depth, cancellationToken, (value, d) => Client(value, d, cancellationToken));

                case IParameterReferenceOperation parameter:
                {
                    var pipeline = TypedClient(parameter.Parameter, cancellationToken);
                    return WithFacts(pipeline, BodyFacts(client, cancellationToken).Of(parameter.Parameter));
                }

                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return Member(field.Field, depth, cancellationToken, (value, d) => Client(value, d, cancellationToken));

                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property:
                    return Member(property.Property, depth, cancellationToken, (value, d) => Client(value, d, cancellationToken));

                default:
                    return Pipeline.Unknown;
            }
        }

        private Pipeline Request(IOperation? request, int depth, CancellationToken cancellationToken)
        {
            request = ScopeFacts.Strip(request);
            if (request is null || depth > MaxDepth)
            {
                return Pipeline.Unknown;
            }

            depth++;
            switch (request)
            {
                case IObjectCreationOperation creation when ScopeFacts.IsType(creation.Type, "System.Net.Http", "HttpRequestMessage"):
                {
                    var pipeline = new Pipeline(known: true);
                    if (FindArgument(creation.Arguments, "requestUri") is { } uri)
                    {
                        pipeline.RequestUris.Add(uri);
                    }

                    AddInitializerFacts(pipeline, creation.Initializer);
                    return pipeline;
                }

                case ILocalReferenceOperation local:
                    return Variable(request, local.Local, depth, cancellationToken, (value, d) => Request(value, d, cancellationToken));

                case IParameterReferenceOperation parameter:
                    return WithFacts(new Pipeline(known: false), BodyFacts(request, cancellationToken).Of(parameter.Parameter));

                default:
                    return Pipeline.Unknown;
            }
        }

        /// <summary>A handler given to <c>new HttpClient(handler)</c> or a registration: the resolver's handler, or one that sets the header.</summary>
        private Pipeline Handler(IOperation? handler, int depth, CancellationToken cancellationToken)
        {
            handler = ScopeFacts.Strip(handler);
            var pipeline = new Pipeline(known: true);
            if (handler is null || depth > MaxDepth)
            {
                return pipeline;
            }

            depth++;
            switch (handler)
            {
                case IObjectCreationOperation creation:
                    pipeline = pipeline.With(HandlerType(creation.Type as INamedTypeSymbol, cancellationToken));
                    if (FindArgument(creation.Arguments, "innerHandler") is { } inner)
                    {
                        pipeline = pipeline.With(Handler(inner, depth, cancellationToken));
                    }

                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var member in initializer.Initializers)
                        {
                            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "InnerHandler" } } assignment)
                            {
                                pipeline = pipeline.With(Handler(assignment.Value, depth, cancellationToken));
                            }
                        }
                    }

                    return pipeline;

                case ILocalReferenceOperation local when Writes(handler, local.Local) is { } writes:
                    foreach (var write in writes)
                    {
                        pipeline = pipeline.With(write is null ? Pipeline.Unknown : Handler(write, depth, cancellationToken));
                    }

                    return pipeline;

                default:
                    // A handler from elsewhere (a parameter, a container): it may set the header.
                    pipeline.MarkUnknown();
                    return pipeline;
            }
        }

        /// <summary>A handler type: the caller-or-OIDC handler, or a handler of the compilation and the headers it sets.</summary>
        private Pipeline HandlerType(INamedTypeSymbol? type, CancellationToken cancellationToken)
        {
            var pipeline = new Pipeline(known: true);
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsResolverHandler(current))
                {
                    pipeline.MarkSanctioned();
                    break;
                }

                if (IsFrameworkHandler(current))
                {
                    break;
                }

                if (current.DeclaringSyntaxReferences.IsEmpty)
                {
                    // A handler from a library (an access-token handler, say) may set the header: not known here.
                    pipeline.MarkUnknown();
                    break;
                }

                foreach (var fact in TypeFacts(current, cancellationToken).All)
                {
                    if (fact.Kind == FactKind.Authorization)
                    {
                        pipeline.Add(fact);
                    }
                }
            }

            return pipeline;
        }

        /// <summary>The framework's handlers, which never set an Authorization header.</summary>
        private static bool IsFrameworkHandler(ITypeSymbol type)
            => ScopeFacts.IsNamespace(type.ContainingNamespace, "System.Net.Http")
               && type.Name is "DelegatingHandler" or "HttpMessageHandler" or "HttpClientHandler" or "SocketsHttpHandler" or "HttpMessageInvoker";

        /// <summary>Registration calls known not to touch the Authorization header; any other call in the chain may (a token handler).</summary>
        private static readonly HashSet<string> HarmlessChainCalls = new(System.StringComparer.Ordinal)
        {
            "SetHandlerLifetime", "ConfigurePrimaryHttpMessageHandler", "ConfigureAdditionalHttpMessageHandlers", "AddStandardResilienceHandler",
            "AddStandardHedgingHandler", "AddResilienceHandler", "AddPolicyHandler", "AddTransientHttpErrorPolicy", "AddPolicyHandlerFromRegistry",
            "RedactLoggedHeaders", "AddTypedClient", "RemoveAllLoggers", "AddDefaultLogger", "AddLogger", "AddAsKeyed", "UseSocketsHttpHandler",
            "ConfigureHttpMessageHandlerBuilder", "AddHeaderPropagation",
        };

        private static bool IsResolverHandler(ITypeSymbol? type) => ScopeFacts.IsType(type, "TokenPolicy.Credentials", "CallerOrOidcAuthorizationHandler");

        /// <summary>A constructor parameter of a typed client: the registrations of its type (or of an interface it implements).</summary>
        private Pipeline TypedClient(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } type }
                || !ScopeFacts.DerivesFrom(parameter.Type, "System.Net.Http", "HttpClient"))
            {
                return new Pipeline(known: false);
            }

            var registrations = GetRegistrations(cancellationToken);
            if (registrations.ByType.TryGetValue(type.OriginalDefinition, out var pipeline))
            {
                return pipeline;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (registrations.ByType.TryGetValue(implemented.OriginalDefinition, out pipeline))
                {
                    return pipeline;
                }
            }

            return new Pipeline(known: false);
        }

        private Pipeline Variable(IOperation reference, ILocalSymbol local, int depth, CancellationToken cancellationToken, System.Func<IOperation?, int, Pipeline> of)
        {
            var writes = Writes(reference, local);
            if (writes is null)
            {
                return Pipeline.Unknown;
            }

            Pipeline? result = null;
            foreach (var write in writes)
            {
                var next = write is null ? Pipeline.Unknown : of(write, depth);
                result = result is null ? next : result.With(next);
            }

            var pipeline = WithFacts(result ?? Pipeline.Unknown, BodyFacts(reference, cancellationToken).Of(local));
            if (Escapes(local, new[] { ValueEvaluator.GetRoot(reference).Syntax }, cancellationToken))
            {
                pipeline.MarkUnknown();
            }

            return pipeline;
        }

        private Pipeline Member(ISymbol member, int depth, CancellationToken cancellationToken, System.Func<IOperation?, int, Pipeline> of)
        {
            if (member.DeclaringSyntaxReferences.IsEmpty || MemberValues(member, cancellationToken) is not { } values)
            {
                return Pipeline.Unknown;
            }

            Pipeline? result = null;
            foreach (var value in values)
            {
                var next = value is null ? Pipeline.Unknown : of(value, depth);
                result = result is null ? next : result.With(next);
            }

            var pipeline = WithFacts(result!, TypeFacts(member.ContainingType, cancellationToken).Of(member));
            var scopes = new List<SyntaxNode>();
            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                scopes.Add(reference.GetSyntax(cancellationToken));
            }

            // Code outside the type may set its headers; so may a method it is handed to.
            if (member.DeclaredAccessibility > Accessibility.Private || Escapes(member, scopes, cancellationToken))
            {
                pipeline.MarkUnknown();
            }

            return pipeline;
        }

        /// <summary>
        /// The client (or request) is handed on inside its scope: passed as an argument, or copied to another variable or
        /// member, where its headers may be set out of sight. Found from the syntax (the name), bound only there; cached.
        /// </summary>
        private bool Escapes(ISymbol symbol, IReadOnlyList<SyntaxNode> scopes, CancellationToken cancellationToken)
            => _escapes.GetOrAdd((scopes[0], symbol.OriginalDefinition), _ =>
            {
                foreach (var scope in scopes)
                {
                    SemanticModel? model = null;
                    foreach (var node in scope.DescendantNodes())
                    {
                        if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != symbol.Name)
                        {
                            continue;
                        }

                        SyntaxNode used = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name ? access : name;
                        var handedOn = used.Parent switch
                        {
                            // Sending a request hands it to the sink itself, which sets no header.
                            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SendAsync" or "Send" } } } } => false,
                            ArgumentSyntax => true,
                            EqualsValueClauseSyntax => true,
                            AssignmentExpressionSyntax assignment => assignment.Right == used,
                            ReturnStatementSyntax => true,
                            ArrowExpressionClauseSyntax => true,
                            _ => false,
                        };
                        if (!handedOn)
                        {
                            continue;
                        }

                        model ??= _evaluator.GetSemanticModel(scope.SyntaxTree);
                        if (model is null || SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }

                return false;
            });

        private static Pipeline WithFacts(Pipeline pipeline, IEnumerable<Fact> facts)
        {
            var result = pipeline.With(new Pipeline(known: true));
            foreach (var fact in facts)
            {
                result.Add(fact);
            }

            return result;
        }

        /// <summary>Facts of an object initializer: <c>BaseAddress = ...</c>, <c>RequestUri = ...</c>, <c>Headers = { Authorization = ... }</c>.</summary>
        private static void AddInitializerFacts(Pipeline pipeline, IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return;
            }

            foreach (var operation in initializer.DescendantsAndSelf())
            {
                if (ScopeFacts.Classify(operation) is { } fact)
                {
                    pipeline.Add(fact);
                }
            }
        }

        private static IOperation? FindArgument(ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private Registrations GetRegistrations(CancellationToken cancellationToken)
        {
            var registrations = Volatile.Read(ref _registrations);
            if (registrations is not null)
            {
                return registrations;
            }

            // Built outside the lock (it may be cancelled); the first complete build wins, and every build is the same.
            var built = Registrations.Build(this, _compilation, _evaluator, cancellationToken);
            lock (_gate)
            {
                _registrations ??= built;
                return _registrations;
            }
        }

        /// <summary>The <c>AddHttpClient</c> registrations of the compilation, by client name and by typed-client type.</summary>
        private sealed class Registrations
        {
            public Dictionary<string, Pipeline> ByName { get; } = new(System.StringComparer.Ordinal);

            public Dictionary<INamedTypeSymbol, Pipeline> ByType { get; } = new(SymbolEqualityComparer.Default);

            public static Registrations Build(Pipelines owner, Compilation compilation, ValueEvaluator evaluator, CancellationToken cancellationToken)
            {
                var result = new Registrations();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (!WordIndex.MayContainAny(tree, AddHttpClientWord, cancellationToken))
                    {
                        continue;
                    }

                    SemanticModel? model = null;
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (node is not InvocationExpressionSyntax invocationSyntax || CalledName(invocationSyntax) != "AddHttpClient")
                        {
                            continue;
                        }

                        model ??= evaluator.GetSemanticModel(tree);
                        if (model?.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation
                            || !ScopeFacts.IsType(invocation.TargetMethod.ContainingType, "Microsoft.Extensions.DependencyInjection", "HttpClientFactoryServiceCollectionExtensions"))
                        {
                            continue;
                        }

                        var pipeline = owner.Registration(invocation, cancellationToken);
                        var method = invocation.TargetMethod;
                        if (ScopeFacts.Argument(invocation, "name") is { } nameArgument)
                        {
                            if (evaluator.Evaluate(nameArgument, cancellationToken) is { Values.Length: 1 } names && names.Values[0].ConstantText is { } name)
                            {
                                result.ByName[name] = result.ByName.TryGetValue(name, out var known) ? known.With(pipeline) : pipeline;
                            }
                        }

                        foreach (var typeArgument in method.TypeArguments)
                        {
                            if (typeArgument is INamedTypeSymbol type)
                            {
                                var key = type.OriginalDefinition;
                                result.ByType[key] = result.ByType.TryGetValue(key, out var known) ? known.With(pipeline) : pipeline;
                            }
                        }
                    }
                }

                return result;
            }

            private static readonly string[] AddHttpClientWord = { "AddHttpClient" };

            private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => null,
            };
        }

        /// <summary>One registration with its fluent chain: configure lambdas, message handlers, the resolver's handler.</summary>
        private Pipeline Registration(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var pipeline = new Pipeline(known: true);
            AddLambdaFacts(pipeline, ScopeFacts.Argument(invocation, "configureClient"), cancellationToken);

            IOperation current = invocation;
            while (NextInChain(current) is { } next)
            {
                switch (next.TargetMethod.Name)
                {
                    case "AddCallerOrOidcAuthorization":
                        pipeline.MarkSanctioned();
                        break;

                    case "AddHttpMessageHandler":
                        if (next.TargetMethod.TypeArguments.Length == 1)
                        {
                            pipeline = pipeline.With(HandlerType(next.TargetMethod.TypeArguments[0] as INamedTypeSymbol, cancellationToken));
                        }
                        else if (ScopeFacts.Strip(ScopeFacts.Argument(next, "configureHandler")) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                        {
                            pipeline.MarkUnknown();
                        }
                        else
                        {
                            foreach (var operation in ValueEvaluator.DescendantsOutsideNestedFunctions(lambda.Body))
                            {
                                if (operation is IReturnOperation { ReturnedValue: { } returned })
                                {
                                    pipeline = pipeline.With(Handler(returned, 1, cancellationToken));
                                }
                            }
                        }

                        break;

                    case "ConfigureHttpClient":
                        AddLambdaFacts(pipeline, ScopeFacts.Argument(next, "configureClient"), cancellationToken);
                        break;

                    default:
                        if (!HarmlessChainCalls.Contains(next.TargetMethod.Name))
                        {
                            pipeline.MarkUnknown();
                        }

                        break;
                }

                current = next;
            }

            return pipeline;
        }

        /// <summary>The extension call that takes <paramref name="builder"/>'s result as its <c>this</c> argument.</summary>
        private static IInvocationOperation? NextInChain(IOperation builder)
        {
            var parent = builder.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation next } && next.TargetMethod.IsExtensionMethod ? next : null;
        }

        private void AddLambdaFacts(Pipeline pipeline, IOperation? argument, CancellationToken cancellationToken)
        {
            if (argument is null)
            {
                return;
            }

            if (ScopeFacts.Strip(argument) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } || lambda.SemanticModel is not { } model)
            {
                // A method group or a delegate from elsewhere may set anything.
                pipeline.MarkUnknown();
            }
            else
            {
                foreach (var fact in ScopeFacts.Build(new[] { lambda.Syntax }, tree => tree == lambda.Syntax.SyntaxTree ? model : null, cancellationToken).All)
                {
                    pipeline.Add(fact);
                }
            }
        }
    }
}
