using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Requests
{
    /// <summary>Where an Authorization value comes from, as far as the analysis can tell.</summary>
    internal readonly struct TokenSource
    {
        private TokenSource(bool sanctioned, string? description)
        {
            Sanctioned = sanctioned;
            Description = description;
        }

        public static TokenSource Resolver => new(true, null);

        public static TokenSource Unfollowed => new(false, null);

        /// <summary>From the caller-or-OIDC resolver (<c>ResolvedToken</c>, <c>ICredentialTokenResolver</c>, <c>CredentialTokenResolver</c>).</summary>
        public bool Sanctioned { get; }

        /// <summary>"from environment variable 'X'"; null when nothing specific is known.</summary>
        public string? Description { get; }

        public static TokenSource Of(string description) => new(false, description);
    }

    /// <summary>
    /// Follows an Authorization value back to its source: the resolver (sanctioned), an environment variable, a
    /// configuration key (<c>IConfiguration["k"]</c>, <c>GetSection("k").Value</c>, <c>GetValue&lt;string&gt;("k")</c>), a file
    /// (<c>File.ReadAllText(Async)</c>, <c>StreamReader</c>), a hardcoded value, or something it cannot follow. Sees through
    /// <c>AuthenticationHeaderValue</c> (its parameter), <c>Parse</c>, concatenation, interpolation, <c>await</c>,
    /// <c>?:</c>/<c>??</c>, string transforms, locals, fields and properties (initializers and writes inside their type,
    /// and assignments elsewhere in the compilation for static members), and helper methods of the compilation (their returns).
    /// Depth and work are bounded; a cycle answers "cannot follow".
    /// </summary>
    internal sealed class TokenSources
    {
        private const int MaxDepth = 10;
        private const int MaxSteps = 400;

        private static readonly HashSet<string> ResolverTypes = new(StringComparer.Ordinal)
        {
            "ResolvedToken", "ICredentialTokenResolver", "CredentialTokenResolver",
        };

        private static readonly HashSet<string> ConfigurationTypes = new(StringComparer.Ordinal)
        {
            "IConfiguration", "IConfigurationSection", "IConfigurationRoot", "ConfigurationManager", "ConfigurationSection", "ConfigurationRoot",
        };

        private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
        {
            "Trim", "TrimEnd", "TrimStart", "ToString", "ConfigureAwait", "GetAwaiter", "GetResult", "Replace", "Substring",
        };

        private readonly ValueEvaluator _evaluator;
        private readonly Pipelines _pipelines;

        public TokenSources(ValueEvaluator evaluator, Pipelines pipelines)
        {
            _evaluator = evaluator;
            _pipelines = pipelines;
        }

        /// <summary>The source of <paramref name="value"/> (a header value or a token).</summary>
        public TokenSource Find(IOperation value, CancellationToken cancellationToken)
            => new Walk(this, cancellationToken).Find(value, 0) ?? TokenSource.Unfollowed;

        private sealed class Walk
        {
            private readonly TokenSources _owner;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);
            private int _steps;

            public Walk(TokenSources owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            /// <summary>The first source found (the resolver wins over anything else); null when nothing is known.</summary>
            public TokenSource? Find(IOperation? operation, int depth)
            {
                operation = ScopeFacts.Strip(operation);
                if (operation is null || depth > MaxDepth || ++_steps > MaxSteps)
                {
                    return null;
                }

                if ((_steps & 31) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                depth++;
                if (operation.ConstantValue.HasValue)
                {
                    return operation.ConstantValue.Value is string { Length: > 0 } ? TokenSource.Of("from a hardcoded value") : null;
                }

                switch (operation)
                {
                    case IAwaitOperation awaited:
                        return Find(awaited.Operation, depth);

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        return Parts(depth, binary.LeftOperand, binary.RightOperand);

                    case IInterpolatedStringOperation interpolated:
                    {
                        var parts = new List<IOperation>();
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation interpolation)
                            {
                                parts.Add(interpolation.Expression);
                            }
                        }

                        return Parts(depth, parts.ToArray());
                    }

                    case IConditionalOperation conditional:
                        return Either(depth, conditional.WhenTrue, conditional.WhenFalse);

                    case ICoalesceOperation coalesce:
                        return Either(depth, coalesce.Value, coalesce.WhenNull);

                    case IObjectCreationOperation creation when ScopeFacts.IsType(creation.Type, "System.Net.Http.Headers", "AuthenticationHeaderValue"):
                        return Find(Argument(creation.Arguments, "parameter"), depth) ?? Find(Argument(creation.Arguments, "scheme"), depth);

                    case IObjectCreationOperation creation when ScopeFacts.IsType(creation.Type, "System.IO", "StreamReader"):
                        return File(Argument(creation.Arguments, "path"));

                    case IInvocationOperation invocation:
                        return Invocation(invocation, depth);

                    case IPropertyReferenceOperation property:
                        return Property(property, depth);

                    case IFieldReferenceOperation field:
                        return Member(field.Field, depth) ;

                    case ILocalReferenceOperation local:
                        return Local(operation, local.Local, depth);

                    case IParameterReferenceOperation parameter:
                        return Local(operation, parameter.Parameter, depth);

                    default:
                        return null;
                }
            }

            private TokenSource? Invocation(IInvocationOperation invocation, int depth)
            {
                var method = invocation.TargetMethod;
                var type = method.ContainingType;
                if (IsResolver(type) || IsResolver(method.ReturnType))
                {
                    return TokenSource.Resolver;
                }

                switch (method.Name)
                {
                    case "GetEnvironmentVariable" when ScopeFacts.IsType(type, "System", "Environment"):
                        var names = _owner._evaluator.Evaluate(Argument(invocation.Arguments, "variable"), _cancellationToken);
                        return names.Values.Length == 1 && names.Values[0].ConstantText is { Length: > 0 } name
                            ? TokenSource.Of("from environment variable '" + name + "'")
                            : TokenSource.Of("from an environment variable");

                    case "ReadAllText" or "ReadAllTextAsync" or "ReadAllLines" or "ReadAllLinesAsync" or "ReadAllBytes" or "ReadAllBytesAsync" or "ReadLines"
                        when ScopeFacts.IsType(type, "System.IO", "File"):
                        return File(Argument(invocation.Arguments, "path"));

                    case "ReadToEnd" or "ReadToEndAsync" or "ReadLine" or "ReadLineAsync" when invocation.Instance is { } reader:
                        return Find(reader, depth);

                    case "GetValue" when ScopeFacts.IsType(type, "Microsoft.Extensions.Configuration", "ConfigurationBinder"):
                        return Configuration(Key(Argument(invocation.Arguments, "key")));

                    case "GetConnectionString" when ScopeFacts.IsType(type, "Microsoft.Extensions.Configuration", "ConfigurationExtensions"):
                        return Configuration("ConnectionStrings:" + Key(Argument(invocation.Arguments, "name")));

                    case "Parse" when ScopeFacts.IsType(type, "System.Net.Http.Headers", "AuthenticationHeaderValue"):
                        return Find(Argument(invocation.Arguments, "input"), depth);

                    case "Concat" or "Format" or "Join" when type?.SpecialType == SpecialType.System_String:
                    {
                        var parts = new List<IOperation>();
                        foreach (var argument in invocation.Arguments)
                        {
                            parts.Add(argument.Value);
                        }

                        return Parts(depth, parts.ToArray());
                    }

                    case "FromResult" when invocation.Arguments.Length == 1:
                        return Find(invocation.Arguments[0].Value, depth);
                }

                if (PassThrough.Contains(method.Name) && invocation.Instance is { } instance)
                {
                    return Find(instance, depth);
                }

                // A helper of the compilation: what it returns.
                if (!method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty && _visiting.Add(method.OriginalDefinition))
                {
                    try
                    {
                        TokenSource? found = null;
                        foreach (var returned in Returns(method.OriginalDefinition))
                        {
                            found = Prefer(found, Find(returned, depth));
                        }

                        return found;
                    }
                    finally
                    {
                        _visiting.Remove(method.OriginalDefinition);
                    }
                }

                return null;
            }

            private TokenSource? Property(IPropertyReferenceOperation property, int depth)
            {
                var type = property.Property.ContainingType;
                if (IsResolver(type))
                {
                    return TokenSource.Resolver;
                }

                if (IsConfiguration(type))
                {
                    if (property.Property.IsIndexer && property.Arguments.Length == 1)
                    {
                        var key = Key(property.Arguments[0].Value);
                        var section = ScopeFacts.Strip(property.Instance) is IInvocationOperation { TargetMethod.Name: "GetSection" } getSection
                            ? Key(Argument(getSection.Arguments, "key")) + ":"
                            : string.Empty;
                        return Configuration(section + key);
                    }

                    if (property.Property.Name == "Value" && ScopeFacts.Strip(property.Instance) is IInvocationOperation { TargetMethod.Name: "GetSection" } sectionCall)
                    {
                        return Configuration(Key(Argument(sectionCall.Arguments, "key")));
                    }
                }

                if (property.Property.Name == "Result" && property.Instance is { } task)
                {
                    return Find(task, depth);
                }

                return property.Arguments.IsEmpty ? Member(property.Property, depth) : null;
            }

            private TokenSource? Member(ISymbol member, int depth)
            {
                if (member.DeclaringSyntaxReferences.IsEmpty || !_visiting.Add(member.OriginalDefinition))
                {
                    return null;
                }

                try
                {
                    TokenSource? found = null;
                    foreach (var value in _owner._pipelines.MemberValues(member, _cancellationToken) ?? new List<IOperation?>())
                    {
                        found = Prefer(found, Find(value, depth));
                    }

                    // A static member filled at start-up from another type (Program.Main).
                    if (member.IsStatic || member.DeclaredAccessibility > Accessibility.Private)
                    {
                        foreach (var value in _owner._pipelines.OutsideWrites(member, _cancellationToken))
                        {
                            found = Prefer(found, Find(value, depth));
                        }
                    }

                    return found;
                }
                finally
                {
                    _visiting.Remove(member.OriginalDefinition);
                }
            }

            private TokenSource? Local(IOperation reference, ISymbol variable, int depth)
            {
                if (!_visiting.Add(variable))
                {
                    return null;
                }

                try
                {
                    TokenSource? found = null;
                    foreach (var write in _owner._pipelines.Writes(reference, variable) ?? new List<IOperation?>())
                    {
                        found = Prefer(found, Find(write, depth));
                    }

                    return found;
                }
                finally
                {
                    _visiting.Remove(variable);
                }
            }

            private TokenSource? Parts(int depth, params IOperation[] parts)
            {
                // The token is the part that is not the scheme: a non-constant part says more than a literal "Bearer ".
                TokenSource? found = null;
                var allConstant = true;
                foreach (var part in parts)
                {
                    if (ScopeFacts.Strip(part)?.ConstantValue.HasValue == true)
                    {
                        continue;
                    }

                    allConstant = false;
                    found = Prefer(found, Find(part, depth));
                }

                return allConstant ? TokenSource.Of("from a hardcoded value") : found;
            }

            private TokenSource? Either(int depth, IOperation? first, IOperation? second) => Prefer(Find(first, depth), Find(second, depth));

            private TokenSource? File(IOperation? path)
            {
                var paths = _owner._evaluator.Evaluate(path, _cancellationToken);
                foreach (var value in paths.Values)
                {
                    if (!value.IsFullyUnknown)
                    {
                        return TokenSource.Of("from file '" + value.Display() + "'");
                    }
                }

                return TokenSource.Of("from a file");
            }

            private TokenSource Configuration(string key) => TokenSource.Of("from configuration key '" + key + "'");

            private string Key(IOperation? key)
                => _owner._evaluator.Evaluate(key, _cancellationToken) is { Values.Length: 1 } keys && keys.Values[0].ConstantText is { } text ? text : "…";

            private IEnumerable<IOperation> Returns(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    if (_owner._evaluator.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(syntax, _cancellationToken) is not { } body)
                    {
                        continue;
                    }

                    foreach (var operation in ValueEvaluator.DescendantsOutsideNestedFunctions(body))
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } value })
                        {
                            yield return value;
                        }
                    }
                }
            }

            /// <summary>The resolver wins; otherwise the first specific source.</summary>
            private static TokenSource? Prefer(TokenSource? first, TokenSource? second)
            {
                if (first is { Sanctioned: true } || second is null)
                {
                    return first;
                }

                if (second.Value.Sanctioned || first is null || (first.Value.Description is null && second.Value.Description is not null))
                {
                    return second;
                }

                return first;
            }

            private static bool IsResolver(ITypeSymbol? type)
            {
                if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1 && generic.Name is "Task" or "ValueTask")
                {
                    type = generic.TypeArguments[0];
                }

                return type is not null && ResolverTypes.Contains(type.Name) && ScopeFacts.IsNamespace(type.ContainingNamespace, "TokenPolicy.Credentials");
            }

            private static bool IsConfiguration(ITypeSymbol? type)
            {
                if (type is null)
                {
                    return false;
                }

                if (ConfigurationTypes.Contains(type.Name) && ScopeFacts.IsNamespace(type.ContainingNamespace, "Microsoft.Extensions.Configuration"))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.Name == "IConfiguration" && ScopeFacts.IsNamespace(implemented.ContainingNamespace, "Microsoft.Extensions.Configuration"))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static IOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
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
        }
    }
}
