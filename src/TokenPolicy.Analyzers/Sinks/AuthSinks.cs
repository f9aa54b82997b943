using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>One row of the auth-sink table: a member whose <see cref="ValueParameter"/> ends up in an Authorization header.</summary>
    internal sealed class AuthSink : SinkRow
    {
        private readonly string _displayName;

        public AuthSink(string typeName, string memberName, string valueParameter, ValueReading reading, FixKind fixKind, string? nameParameter = null, string? schemeParameter = null, string? displayName = null)
            : base(reading, fixKind)
        {
            TypeName = typeName;
            MemberName = memberName;
            ValueParameter = valueParameter;
            NameParameter = nameParameter;
            SchemeParameter = schemeParameter;
            _displayName = displayName ?? DefaultDisplayName(typeName, memberName);
        }

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        /// <summary>Method name, or <c>.ctor</c>.</summary>
        public string MemberName { get; }

        /// <summary>The parameter that receives the token or header value (a string, or a sequence of strings).</summary>
        public string ValueParameter { get; }

        /// <summary>The header-name parameter that must be <c>Authorization</c> (any case); null when the sink is always the Authorization header.</summary>
        public string? NameParameter { get; }

        /// <summary>The scheme parameter that must be <c>Bearer</c> or <c>Token</c> (any case); null when there is none.</summary>
        public string? SchemeParameter { get; }

        public override string DisplayName(in SinkMatch match) => _displayName;

        public override string MemberId(in SinkMatch match) => TypeName + "." + MemberName;

        private static string DefaultDisplayName(string typeName, string memberName)
        {
            var simple = typeName.Substring(typeName.LastIndexOfAny(new[] { '.', '+' }) + 1);
            var tick = simple.IndexOf('`');
            if (tick >= 0)
            {
                simple = simple.Substring(0, tick);
            }

            return memberName == WellKnownMemberNames.InstanceConstructorName ? "new " + simple : simple + "." + memberName;
        }
    }

    /// <summary>The "Authorization" entry of any string-keyed collection (<c>Add</c>, indexer, initializer).</summary>
    internal sealed class CollectionEntrySink : SinkRow
    {
        public static readonly CollectionEntrySink Instance = new();

        private CollectionEntrySink()
            : base(ValueReading.HeaderValue, FixKind.HeaderString)
        {
        }

        public override string DisplayName(in SinkMatch match)
            => "the \"Authorization\" entry of " + match.Container!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        public override string MemberId(in SinkMatch match)
            => match.Container!.OriginalDefinition.ToDisplayString() + "." + (match.Operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : "this[]");
    }

    /// <summary>An attribute whose constant argument is an <c>Authorization: scheme token</c> header line (Refit's <c>[Headers]</c>).</summary>
    internal sealed class AttributeSink : SinkRow
    {
        public static readonly AttributeSink Instance = new();

        private AttributeSink()
            : base(ValueReading.HeaderLine, FixKind.None)
        {
        }

        public override string DisplayName(in SinkMatch match)
        {
            var name = match.Container?.Name ?? "attribute";
            if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            return "the [" + name + "] attribute";
        }

        public override string MemberId(in SinkMatch match) => (match.Container?.ToDisplayString() ?? "attribute") + ".ctor";
    }

    /// <summary>
    /// The authentication sinks of TP0002 as data, resolved to symbols once per compilation, plus the generic
    /// string-keyed collections (<c>IDictionary&lt;string, T&gt;</c> implementations and <c>NameValueCollection</c>s
    /// such as <c>WebHeaderCollection</c>) whose <c>"Authorization"</c> entry is a header value.
    /// </summary>
    internal sealed class AuthSinks : ISinkMatcher
    {
        private const string Ctor = WellKnownMemberNames.InstanceConstructorName;
        private const string HeaderValue = "System.Net.Http.Headers.AuthenticationHeaderValue";
        private const string HttpHeaders = "System.Net.Http.Headers.HttpHeaders";
        private const string GrpcMetadata = "Grpc.Core.Metadata";

        /// <summary>The table. Matching is by parameter name, never by position.</summary>
        public static readonly ImmutableArray<AuthSink> Table = ImmutableArray.Create(
            new AuthSink(HeaderValue, Ctor, "parameter", ValueReading.RawToken, FixKind.HeaderValueParameter, schemeParameter: "scheme", displayName: "AuthenticationHeaderValue"),
            new AuthSink(HeaderValue, "Parse", "input", ValueReading.HeaderValue, FixKind.HeaderValueParse),
            new AuthSink(HeaderValue, "TryParse", "input", ValueReading.HeaderValue, FixKind.HeaderString),
            new AuthSink(HttpHeaders, "Add", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "Add", "values", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "values", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(GrpcMetadata, "Add", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key", displayName: "gRPC Metadata.Add"),
            new AuthSink(GrpcMetadata + "+Entry", Ctor, "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key", displayName: "new gRPC Metadata.Entry"),
            new AuthSink("System.Collections.Generic.KeyValuePair`2", Ctor, "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key"),
            new AuthSink("Octokit.Credentials", Ctor, "token", ValueReading.RawToken, FixKind.RawToken, displayName: "Octokit Credentials"));

        /// <summary>Where the sinks' names are found in source text (<see cref="Evaluation.SinkReach"/>): the header name, the header type, Octokit's credentials.</summary>
        public static readonly ImmutableArray<string> Needles = ImmutableArray.Create("uthoriz", "UTHORIZ", "AuthenticationHeaderValue", "Credentials");

        private readonly Dictionary<IMethodSymbol, AuthSink> _byMethod;
        private readonly INamedTypeSymbol? _dictionaryInterface;
        private readonly INamedTypeSymbol? _nameValueCollection;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _stringKeyed = new(SymbolEqualityComparer.Default);

        private AuthSinks(Dictionary<IMethodSymbol, AuthSink> byMethod, INamedTypeSymbol? dictionaryInterface, INamedTypeSymbol? nameValueCollection)
        {
            _byMethod = byMethod;
            _dictionaryInterface = dictionaryInterface;
            _nameValueCollection = nameValueCollection;
        }

        public static AuthSinks Resolve(Compilation compilation)
            => new(
                SinkResolver.Resolve(compilation, Table, static s => s.TypeName, static s => s.MemberName, static (s, m) => Resolves(s, m)),
                compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2"),
                compilation.GetTypeByMetadataName("System.Collections.Specialized.NameValueCollection"));

        public bool TryGet(IMethodSymbol method, out AuthSink sink)
            => _byMethod.TryGetValue(method.OriginalDefinition, out sink!);

        /// <summary>A word that names an authentication sink: the Authorization header (any case, also as a header line), the header type, credentials.</summary>
        public static bool IsSinkName(string word)
            => TokenClassifier.IsAuthorizationHeaderName(word)
                || word.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase)
                || word is "AuthenticationHeaderValue" or "Credentials";

        /// <summary>The one match of TP0002's sinks, used at the sink itself and inside method summaries.</summary>
        public bool TryMatch(IOperation operation, out SinkMatch match)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when TryGet(invocation.TargetMethod, out var sink):
                    return TableMatch(operation, sink, invocation.Arguments, out match);

                case IInvocationOperation invocation when IsCollectionAdd(invocation.TargetMethod, out _)
                    && SinkResolver.Argument(invocation.Arguments, "value") is { } value:
                    match = new SinkMatch(operation, value, CollectionEntrySink.Instance, invocation.Arguments, invocation.TargetMethod.ContainingType);
                    return true;

                case IObjectCreationOperation { Constructor: { } constructor } creation when TryGet(constructor, out var sink):
                    return TableMatch(operation, sink, creation.Arguments, out match);

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when IsCollectionIndexer(indexer.Property):
                    // headers["Authorization"] = ..., and the dictionary initializer { ["Authorization"] = ... }.
                    match = new SinkMatch(operation, assignment.Value, CollectionEntrySink.Instance, indexer.Arguments, indexer.Property.ContainingType);
                    return true;

                case IAttributeOperation attribute:
                    match = new SinkMatch(operation, attribute.Operation, AttributeSink.Instance, container: attribute.Operation.Type);
                    return true;

                default:
                    match = default;
                    return false;
            }
        }

        /// <summary>The header name is <c>Authorization</c> and the scheme a token scheme, where the sink has them.</summary>
        public bool Accepts(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            switch (match.Row)
            {
                case CollectionEntrySink:
                    // The key: the indexer's only argument, or the Add/TryAdd/Set key parameter.
                    var key = match.Operation is IInvocationOperation invocation && IsCollectionAdd(invocation.TargetMethod, out var keyParameter)
                        ? SinkResolver.Argument(match.Arguments, keyParameter.Name)
                        : match.Arguments.Length == 1 ? match.Arguments[0].Value : null;
                    return IsAuthorizationName(key, evaluator, cancellationToken);

                case AuthSink sink:
                    return (sink.NameParameter is null || IsAuthorizationName(SinkResolver.Argument(match.Arguments, sink.NameParameter), evaluator, cancellationToken))
                        && (sink.SchemeParameter is null || IsTokenScheme(SinkResolver.Argument(match.Arguments, sink.SchemeParameter), evaluator, cancellationToken));

                default:
                    return true;
            }
        }

        private static bool TableMatch(IOperation operation, AuthSink sink, ImmutableArray<IArgumentOperation> arguments, out SinkMatch match)
        {
            if (SinkResolver.Argument(arguments, sink.ValueParameter) is { } value)
            {
                match = new SinkMatch(operation, value, sink, arguments);
                return true;
            }

            match = default;
            return false;
        }

        /// <summary>
        /// <c>Add</c>, <c>TryAdd</c> or <c>Set</c> of a string-keyed collection: an instance method with a string key
        /// (<c>key</c> or <c>name</c>) and a <c>value</c>. Cheap name checks run before the type check, which is cached.
        /// </summary>
        public bool IsCollectionAdd(IMethodSymbol method, out IParameterSymbol keyParameter)
        {
            keyParameter = null!;
            if (method.Name is not ("Add" or "TryAdd" or "Set") || method.IsStatic || method.Parameters.Length != 2)
            {
                return false;
            }

            var key = method.Parameters[0];
            if (key.Name is not ("key" or "name") || key.Type.SpecialType != SpecialType.System_String || method.Parameters[1].Name != "value")
            {
                return false;
            }

            keyParameter = key;
            return IsStringKeyedCollection(method.ContainingType);
        }

        /// <summary>An indexer of a string-keyed collection (<c>headers["Authorization"]</c>).</summary>
        public bool IsCollectionIndexer(IPropertySymbol property)
            => property.IsIndexer
                && property.Parameters.Length == 1
                && property.Parameters[0].Type.SpecialType == SpecialType.System_String
                && IsStringKeyedCollection(property.ContainingType);

        /// <summary>A type that is or implements <c>IDictionary&lt;string, T&gt;</c>, or derives from <c>NameValueCollection</c>.</summary>
        public bool IsStringKeyedCollection(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            return _stringKeyed.GetOrAdd(named, t => ComputeStringKeyed((INamedTypeSymbol)t));
        }

        /// <summary>The header name is <c>Authorization</c> (any case), also through constants and fields.</summary>
        public static bool IsAuthorizationName(IOperation? name, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            if (name is null)
            {
                return false;
            }

            if (name.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is string text && TokenClassifier.IsAuthorizationHeaderName(text);
            }

            foreach (var candidate in evaluator.Evaluate(name, cancellationToken).Values)
            {
                if (TokenClassifier.IsAuthorizationHeaderName(candidate.ConstantText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The scheme is <c>Bearer</c> or <c>Token</c> (any case), also through constants and fields.</summary>
        public static bool IsTokenScheme(IOperation? scheme, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            if (scheme is null)
            {
                return false;
            }

            if (scheme.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is string text && TokenClassifier.IsTokenScheme(text);
            }

            foreach (var candidate in evaluator.Evaluate(scheme, cancellationToken).Values)
            {
                if (TokenClassifier.IsTokenScheme(candidate.ConstantText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The expressions that carry the value: the argument itself for a string, or the elements of an array
        /// (or collection expression) passed for a sequence of strings.
        /// </summary>
        public static IEnumerable<IOperation> ValueExpressions(IOperation value)
        {
            if (value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object || value.Type is null)
            {
                yield return value;
                yield break;
            }

            var unwrapped = value;
            while (unwrapped is IConversionOperation { Conversion.IsUserDefined: false } conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped.Type?.SpecialType == SpecialType.System_String)
            {
                yield return unwrapped;
                yield break;
            }

            if (unwrapped is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }

                yield break;
            }

            // Collection expressions (OperationKind.CollectionExpression in newer compilers) expose their elements as children.
            if (unwrapped.Kind == (OperationKind)0x7F)
            {
                foreach (var element in unwrapped.ChildOperations)
                {
                    yield return element;
                }

                yield break;
            }

            // A string converted to another header-value type (ASP.NET's StringValues): the string is the value.
            if (value is IConversionOperation { Conversion.IsUserDefined: true, Operand: { Type.SpecialType: SpecialType.System_String } operand })
            {
                yield return operand;
            }
        }

        private bool ComputeStringKeyed(INamedTypeSymbol type)
        {
            if (IsStringKeyedDictionary(type))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsStringKeyedDictionary(implemented))
                {
                    return true;
                }
            }

            if (_nameValueCollection is not null)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, _nameValueCollection))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsStringKeyedDictionary(INamedTypeSymbol type)
            => _dictionaryInterface is not null
                && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dictionaryInterface)
                && type.TypeArguments.Length == 2
                && type.TypeArguments[0].SpecialType == SpecialType.System_String;

        private static bool Resolves(AuthSink sink, IMethodSymbol method)
        {
            return HasParameter(method, sink.ValueParameter)
                && (sink.NameParameter is null || HasParameter(method, sink.NameParameter))
                && (sink.SchemeParameter is null || HasParameter(method, sink.SchemeParameter));
        }

        private static bool HasParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
