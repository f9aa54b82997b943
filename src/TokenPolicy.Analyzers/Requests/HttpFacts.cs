using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Requests
{
    /// <summary>What a statement sets on an <c>HttpClient</c> or <c>HttpRequestMessage</c>.</summary>
    internal enum FactKind
    {
        /// <summary><c>client.BaseAddress = uri</c>.</summary>
        BaseAddress,

        /// <summary><c>x.DefaultRequestHeaders.Authorization = v</c>, <c>x.Headers.Add("Authorization", v)</c>.</summary>
        Authorization,

        /// <summary><c>request.RequestUri = uri</c>.</summary>
        RequestUri,
    }

    /// <summary>One thing set on a receiver (a local, parameter, field or property; null for an implicit receiver).</summary>
    internal readonly struct Fact
    {
        public Fact(FactKind kind, IOperation value, ISymbol? receiver)
        {
            Kind = kind;
            Value = value;
            Receiver = receiver;
        }

        public FactKind Kind { get; }

        /// <summary>The value set (the URI, or the header value: an <c>AuthenticationHeaderValue</c> or a header string).</summary>
        public IOperation Value { get; }

        public ISymbol? Receiver { get; }
    }

    /// <summary>
    /// Every <see cref="Fact"/> of one scope (a method body, a lambda, a type's declarations), found by a syntax filter on
    /// the member name first (<c>Authorization</c>, <c>BaseAddress</c>, <c>RequestUri</c>, <c>Add</c>), bound only there.
    /// </summary>
    internal sealed class ScopeFacts
    {
        private static readonly string[] Members = { "Authorization", "BaseAddress", "RequestUri", "Add", "TryAddWithoutValidation" };

        private readonly Dictionary<ISymbol, List<Fact>> _byReceiver = new(SymbolEqualityComparer.Default);

        public List<Fact> All { get; } = new();

        public IEnumerable<Fact> Of(ISymbol receiver)
            => _byReceiver.TryGetValue(receiver.OriginalDefinition, out var facts) ? facts : (IEnumerable<Fact>)Array.Empty<Fact>();

        public static ScopeFacts Build(IEnumerable<SyntaxNode> scopes, Func<SyntaxTree, SemanticModel?> model, CancellationToken cancellationToken)
        {
            var facts = new ScopeFacts();
            foreach (var scope in scopes)
            {
                SemanticModel? semanticModel = null;
                foreach (var node in scope.DescendantNodesAndSelf())
                {
                    var name = node switch
                    {
                        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name is null || Array.IndexOf(Members, name) < 0)
                    {
                        continue;
                    }

                    semanticModel ??= model(scope.SyntaxTree);
                    if (semanticModel is null)
                    {
                        break;
                    }

                    if (Classify(semanticModel.GetOperation(node, cancellationToken)) is { } fact)
                    {
                        facts.Add(fact);
                    }
                }
            }

            return facts;
        }

        /// <summary>The fact an operation states, if any (also used on object and collection initializers).</summary>
        public static Fact? Classify(IOperation? operation)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                    switch (target.Property.Name)
                    {
                        case "Authorization" when IsHeaders(target.Property.ContainingType):
                            return new Fact(FactKind.Authorization, assignment.Value, HeadersOwner(target.Instance));
                        case "BaseAddress" when IsType(target.Property.ContainingType, "System.Net.Http", "HttpClient"):
                            return new Fact(FactKind.BaseAddress, assignment.Value, Receiver(target.Instance));
                        case "RequestUri" when IsType(target.Property.ContainingType, "System.Net.Http", "HttpRequestMessage"):
                            return new Fact(FactKind.RequestUri, assignment.Value, Receiver(target.Instance));
                    }

                    return null;

                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAddWithoutValidation" } invocation
                    when IsHeaders(invocation.TargetMethod.ContainingType)
                         && Argument(invocation, "name") is { ConstantValue: { HasValue: true, Value: string header } }
                         && header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                         && (Argument(invocation, "value") ?? Argument(invocation, "values")) is { } value:
                    return new Fact(FactKind.Authorization, value, HeadersOwner(invocation.Instance));

                default:
                    return null;
            }
        }

        /// <summary>A local, parameter, or field or property of this type (or static); null for anything else.</summary>
        public static ISymbol? Receiver(IOperation? instance)
        {
            instance = Strip(instance);
            return instance switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter.OriginalDefinition,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field.OriginalDefinition,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property.OriginalDefinition,
                _ => null,
            };
        }

        public static IOperation? Strip(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { Conversion.IsUserDefined: false } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        public static IOperation? Argument(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        public static bool IsType(ITypeSymbol? type, string ns, string name)
            => type is not null && type.Name == name && IsNamespace(type.ContainingNamespace, ns);

        /// <summary>
        /// Whether the namespace's full name is <paramref name="dotted"/> (<c>System.Net.Http</c>), compared name by name
        /// from the innermost: asked per parameter and argument on the request paths, so no display string is built.
        /// </summary>
        internal static bool IsNamespace(INamespaceSymbol? symbol, string dotted)
        {
            var end = dotted.Length;
            for (var current = symbol; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
            {
                var name = current.Name;
                var start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                if (start == 0)
                {
                    return current.ContainingNamespace is null or { IsGlobalNamespace: true };
                }

                if (dotted[start - 1] != '.')
                {
                    return false;
                }

                end = start - 1;
            }

            return false;
        }

        /// <summary>The type or one of its base types is <paramref name="ns"/>.<paramref name="name"/>.</summary>
        public static bool DerivesFrom(ITypeSymbol? type, string ns, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsType(current, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHeaders(ITypeSymbol? type) => DerivesFrom(type, "System.Net.Http.Headers", "HttpHeaders");

        /// <summary>The client or request whose <c>DefaultRequestHeaders</c> / <c>Headers</c> these are.</summary>
        private static ISymbol? HeadersOwner(IOperation? headers)
            => Strip(headers) is IPropertyReferenceOperation { Property.Name: "DefaultRequestHeaders" or "Headers" } property
                ? Receiver(property.Instance)
                : null;

        private void Add(Fact fact)
        {
            All.Add(fact);
            if (fact.Receiver is { } receiver)
            {
                if (!_byReceiver.TryGetValue(receiver, out var list))
                {
                    list = new List<Fact>();
                    _byReceiver.Add(receiver, list);
                }

                list.Add(fact);
            }
        }
    }
}
