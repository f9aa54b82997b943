using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>
    /// TP0002: how a token enters an authentication sink; the value of <see cref="DiagnosticProperties.SinkKind"/>
    /// (the enum member's name) and the code fix's contract.
    /// </summary>
    internal enum AuthSinkKind
    {
        /// <summary>The <c>parameter</c> argument of <c>new AuthenticationHeaderValue(scheme, parameter)</c>.</summary>
        HeaderValueParameter,

        /// <summary>The argument of <c>AuthenticationHeaderValue.Parse</c>, a full header value.</summary>
        HeaderValueParse,

        /// <summary>The argument of <c>AuthenticationHeaderValue.TryParse</c>, a full header value.</summary>
        HeaderValueTryParse,

        /// <summary>A string expression holding a full header value (<c>Bearer x</c>): header collections, dictionaries, gRPC metadata.</summary>
        HeaderString,

        /// <summary>A raw token expression (Octokit <c>Credentials(token)</c>).</summary>
        RawToken,

        /// <summary>An attribute argument holding an <c>Authorization: scheme token</c> header line.</summary>
        Attribute,
    }

    /// <summary>One row of the auth-sink table: a member whose <see cref="ValueParameter"/> ends up in an Authorization header.</summary>
    internal sealed class AuthSink
    {
        public AuthSink(string typeName, string memberName, string valueParameter, AuthSinkKind kind, string? nameParameter = null, string? schemeParameter = null, string? displayName = null)
        {
            TypeName = typeName;
            MemberName = memberName;
            ValueParameter = valueParameter;
            Kind = kind;
            NameParameter = nameParameter;
            SchemeParameter = schemeParameter;
            _displayName = displayName;
        }

        private readonly string? _displayName;

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        /// <summary>Method name, or <c>.ctor</c>.</summary>
        public string MemberName { get; }

        /// <summary>The parameter that receives the token or header value (a string, or a sequence of strings).</summary>
        public string ValueParameter { get; }

        public AuthSinkKind Kind { get; }

        /// <summary>The header-name parameter that must be <c>Authorization</c> (any case); null when the sink is always the Authorization header.</summary>
        public string? NameParameter { get; }

        /// <summary>The scheme parameter that must be <c>Bearer</c> or <c>Token</c> (any case); null when there is none.</summary>
        public string? SchemeParameter { get; }

        /// <summary>True when the value is the bare credential; false when it is a full header value (<c>Bearer x</c>).</summary>
        public bool ValueIsRawToken => Kind is AuthSinkKind.HeaderValueParameter or AuthSinkKind.RawToken;

        /// <summary>How the sink is named in messages: <c>AuthenticationHeaderValue</c>, <c>HttpHeaders.Add</c>.</summary>
        public string DisplayName
        {
            get
            {
                if (_displayName is not null)
                {
                    return _displayName;
                }

                var typeName = TypeName.Substring(TypeName.LastIndexOfAny(new[] { '.', '+' }) + 1);
                var tick = typeName.IndexOf('`');
                if (tick >= 0)
                {
                    typeName = typeName.Substring(0, tick);
                }

                return MemberName == WellKnownMemberNames.InstanceConstructorName ? "new " + typeName : typeName + "." + MemberName;
            }
        }
    }

    /// <summary>
    /// The authentication sinks of TP0002 as data, resolved to symbols once per compilation, plus the generic
    /// string-keyed collections (<c>IDictionary&lt;string, T&gt;</c> implementations and <c>NameValueCollection</c>s
    /// such as <c>WebHeaderCollection</c>) whose <c>"Authorization"</c> entry is a header value.
    /// </summary>
    internal sealed class AuthSinks
    {
        private const string Ctor = WellKnownMemberNames.InstanceConstructorName;
        private const string HeaderValue = "System.Net.Http.Headers.AuthenticationHeaderValue";
        private const string HttpHeaders = "System.Net.Http.Headers.HttpHeaders";
        private const string GrpcMetadata = "Grpc.Core.Metadata";

        /// <summary>The table. Matching is by parameter name, never by position.</summary>
        public static readonly ImmutableArray<AuthSink> Table = ImmutableArray.Create(
            new AuthSink(HeaderValue, Ctor, "parameter", AuthSinkKind.HeaderValueParameter, schemeParameter: "scheme", displayName: "AuthenticationHeaderValue"),
            new AuthSink(HeaderValue, "Parse", "input", AuthSinkKind.HeaderValueParse),
            new AuthSink(HeaderValue, "TryParse", "input", AuthSinkKind.HeaderValueTryParse),
            new AuthSink(HttpHeaders, "Add", "value", AuthSinkKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "Add", "values", AuthSinkKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "value", AuthSinkKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "values", AuthSinkKind.HeaderString, nameParameter: "name"),
            new AuthSink(GrpcMetadata, "Add", "value", AuthSinkKind.HeaderString, nameParameter: "key", displayName: "gRPC Metadata.Add"),
            new AuthSink(GrpcMetadata + "+Entry", Ctor, "value", AuthSinkKind.HeaderString, nameParameter: "key", displayName: "new gRPC Metadata.Entry"),
            new AuthSink("System.Collections.Generic.KeyValuePair`2", Ctor, "value", AuthSinkKind.HeaderString, nameParameter: "key"),
            new AuthSink("Octokit.Credentials", Ctor, "token", AuthSinkKind.RawToken, displayName: "Octokit Credentials"));

        private static readonly AuthSink StringKeyedEntry = new("(string-keyed collection)", "this[]", "value", AuthSinkKind.HeaderString, nameParameter: "key");

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

        /// <summary>The row standing for every string-keyed collection entry (<c>Add</c>, indexer, initializer).</summary>
        public static AuthSink CollectionEntry => StringKeyedEntry;

        public static AuthSinks Resolve(Compilation compilation)
            => new(
                SinkResolver.Resolve(compilation, Table, static s => s.TypeName, static s => s.MemberName, static (s, m) => Accepts(s, m)),
                compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2"),
                compilation.GetTypeByMetadataName("System.Collections.Specialized.NameValueCollection"));

        public bool TryGet(IMethodSymbol method, out AuthSink sink)
            => _byMethod.TryGetValue(method.OriginalDefinition, out sink!);

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
        public static bool IsAuthorizationName(IOperation? name, ValueEvaluator evaluator, System.Threading.CancellationToken cancellationToken)
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
        public static bool IsTokenScheme(IOperation? scheme, ValueEvaluator evaluator, System.Threading.CancellationToken cancellationToken)
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

        private static bool Accepts(AuthSink sink, IMethodSymbol method)
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
