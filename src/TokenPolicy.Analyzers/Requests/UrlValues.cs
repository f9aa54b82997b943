using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Requests
{
    /// <summary>
    /// "Which URLs can this expression be?" on top of the shared <see cref="ValueEvaluator"/> (strings): <c>new Uri(s)</c>,
    /// <c>new Uri(baseUri, relative)</c> (RFC 3986 merge), <c>UriBuilder</c> with its <c>Path</c>, <c>Uri</c> locals, fields
    /// and properties, <c>ToString()</c>/<c>AbsoluteUri</c>/<c>OriginalString</c> of a URI, and helper methods of the
    /// compilation that return the URL (their returns evaluated with this call's arguments substituted, one level).
    /// A part that cannot be known stays unknown: the base of a relative URL that cannot be found is "some prefix ending
    /// in '/'", which is what a merge always yields.
    /// </summary>
    internal sealed class UrlValues
    {
        private const int MaxDepth = 8;

        private readonly ValueEvaluator _evaluator;
        private readonly Pipelines _pipelines;

        public UrlValues(ValueEvaluator evaluator, Pipelines pipelines)
        {
            _evaluator = evaluator;
            _pipelines = pipelines;
        }

        public ValueSet Evaluate(IOperation? operation, CancellationToken cancellationToken) => Evaluate(operation, 0, cancellationToken);

        /// <summary>A request URL resolved against the client's base addresses (unknown bases when none was found).</summary>
        public ValueSet Resolve(ValueSet requestUrls, List<IOperation> baseAddresses, CancellationToken cancellationToken)
        {
            var relative = false;
            foreach (var value in requestUrls.Values)
            {
                relative |= IsRelative(value);
            }

            if (!relative)
            {
                return requestUrls;
            }

            var bases = ValueSet.Null;
            foreach (var baseAddress in baseAddresses)
            {
                bases = ValueSet.Union(bases, Evaluate(baseAddress, cancellationToken));
            }

            return Merge(bases.IsEmpty ? ValueSet.Unknown : bases, requestUrls);
        }

        private ValueSet Evaluate(IOperation? operation, int depth, CancellationToken cancellationToken)
        {
            operation = ScopeFacts.Strip(operation);
            if (operation is null || depth > MaxDepth)
            {
                return ValueSet.Unknown;
            }

            cancellationToken.ThrowIfCancellationRequested();
            depth++;
            switch (operation)
            {
                case IObjectCreationOperation creation when IsUri(creation.Type):
                    if (Argument(creation.Arguments, "baseUri") is { } baseUri && Argument(creation.Arguments, "relativeUri") is { } relativeUri)
                    {
                        return Merge(Evaluate(baseUri, depth, cancellationToken), Evaluate(relativeUri, depth, cancellationToken));
                    }

                    return Evaluate(Argument(creation.Arguments, "uriString"), depth, cancellationToken);

                case IObjectCreationOperation creation when ScopeFacts.IsType(creation.Type, "System", "UriBuilder"):
                    return Builder(creation, depth, cancellationToken);

                case IPropertyReferenceOperation { Property.Name: "Uri" } builderUri when ScopeFacts.IsType(builderUri.Property.ContainingType, "System", "UriBuilder"):
                    return Evaluate(builderUri.Instance, depth, cancellationToken);

                case IPropertyReferenceOperation { Property.Name: "BaseAddress" } baseAddress when ScopeFacts.DerivesFrom(baseAddress.Property.ContainingType, "System.Net.Http", "HttpClient"):
                {
                    var bases = _pipelines.Client(baseAddress.Instance, cancellationToken).BaseAddresses;
                    return bases.Count == 0 ? ValueSet.Unknown : Union(new List<IOperation?>(bases), depth, cancellationToken);
                }

                case IPropertyReferenceOperation { Property.Name: "AbsoluteUri" or "OriginalString" } text when IsUri(text.Property.ContainingType):
                    return Evaluate(text.Instance, depth, cancellationToken);

                case IInvocationOperation { TargetMethod.Name: "ToString", TargetMethod.Parameters.IsEmpty: true } toString when IsUri(toString.Instance?.Type) || ScopeFacts.IsType(toString.Instance?.Type, "System", "UriBuilder"):
                    return Evaluate(toString.Instance, depth, cancellationToken);

                case IInvocationOperation invocation when IsHelper(invocation.TargetMethod):
                    return Helper(invocation, depth, cancellationToken);

                case ILocalReferenceOperation local when IsUriLike(local.Local.Type):
                    return Union(_pipelines.Writes(operation, local.Local), depth, cancellationToken);

                // A string local written only as a whole (no +=), so that a helper call written to it is followed too.
                case ILocalReferenceOperation { Local.IsConst: false } local when ValueEvaluator.IsString(local.Local.Type)
                    && _pipelines.LocalWrites(operation, local.Local) is { Appended.Count: 0 } writes && HasHelperCall(writes.PlainValues()):
                    return Union(writes.PlainValues(), depth, cancellationToken);

                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when IsUriLike(field.Field.Type) && !field.Field.IsConst:
                    return Union(_pipelines.MemberValues(field.Field, cancellationToken), depth, cancellationToken);

                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property when IsUriLike(property.Property.Type):
                    return Union(_pipelines.MemberValues(property.Property, cancellationToken), depth, cancellationToken);

                default:
                    return ValueEvaluator.IsString(operation.Type) || operation.ConstantValue.HasValue
                        ? _evaluator.Evaluate(operation, cancellationToken)
                        : ValueSet.Unknown;
            }
        }

        private ValueSet Union(List<IOperation?>? values, int depth, CancellationToken cancellationToken)
        {
            if (values is null)
            {
                return ValueSet.Unknown;
            }

            var result = ValueSet.Null;
            foreach (var value in values)
            {
                result = ValueSet.Union(result, value is null ? ValueSet.Unknown : Evaluate(value, depth, cancellationToken));
            }

            return result;
        }

        /// <summary><c>new UriBuilder(x) { Path = p }</c>: the path replaces x's path (a '/' is put before a path without one).</summary>
        private ValueSet Builder(IObjectCreationOperation creation, int depth, CancellationToken cancellationToken)
        {
            var start = Argument(creation.Arguments, "uri") ?? Argument(creation.Arguments, "uriString");
            IOperation? path = null;
            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Path" } } assignment)
                    {
                        path = assignment.Value;
                    }
                }
            }

            if (path is null)
            {
                return start is null ? ValueSet.Unknown : Evaluate(start, depth, cancellationToken);
            }

            var paths = _evaluator.Evaluate(path, cancellationToken);
            return ValueSet.Combine(ValueSet.Unknown, paths, static (origin, p) => origin.Append(StartsWithLiteral(p, "/") ? p : StringValue.Literal("/").Append(p)));
        }

        /// <summary>A string-returning or URI-returning method of the compilation, evaluated with this call's arguments.</summary>
        private ValueSet Helper(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var result = ValueSet.Null;
            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (_evaluator.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken) is not { } body)
                {
                    return ValueSet.Unknown;
                }

                foreach (var operation in ValueEvaluator.DescendantsOutsideNestedFunctions(body))
                {
                    if (operation is not IReturnOperation { ReturnedValue: { } returned })
                    {
                        continue;
                    }

                    ValueSet value;
                    if (ValueEvaluator.IsString(method.ReturnType))
                    {
                        // Parameters stay symbolic, then this call's arguments are substituted.
                        value = _evaluator.EvaluateOpen(returned, cancellationToken).Substitute(parameter =>
                            FlowSummaries.ArgumentFor(invocation.Arguments, parameter) is { } argument ? Evaluate(argument, depth, cancellationToken) : null);
                    }
                    else
                    {
                        value = Evaluate(returned, depth, cancellationToken);
                    }

                    result = ValueSet.Union(result, value);
                }
            }

            return result.IsEmpty ? ValueSet.Unknown : result;
        }

        /// <summary>RFC 3986 reference resolution, as far as the parts are known.</summary>
        private static ValueSet Merge(ValueSet bases, ValueSet relatives) => ValueSet.Combine(bases, relatives, MergeOne);

        private static StringValue MergeOne(StringValue baseValue, StringValue relative)
        {
            if (!IsRelative(relative))
            {
                return relative;
            }

            if (StartsWithLiteral(relative, "/"))
            {
                // From the base's origin: known only when the base is known text.
                if (baseValue.ConstantText is { } constant && Origin(constant) is { } origin)
                {
                    return StringValue.Literal(origin).Append(relative);
                }

                return StringValue.Unknown.Append(relative);
            }

            // The base up to its last '/', then the relative reference.
            if (baseValue.Segments.Length > 0 && baseValue.Segments[baseValue.Segments.Length - 1] is { Kind: SegmentKind.Literal } last)
            {
                var slash = last.Text.LastIndexOf('/');
                var constant = baseValue.ConstantText;
                if (constant is not null && Origin(constant) is { } origin && origin.Length >= constant.Length)
                {
                    // "http://host": the path is empty, so the merge is "/" + relative.
                    return StringValue.Literal(constant + "/").Append(relative);
                }

                if (slash >= 0 && !(slash > 0 && last.Text[slash - 1] == '/'))
                {
                    var kept = StringValue.Empty;
                    for (var i = 0; i < baseValue.Segments.Length - 1; i++)
                    {
                        kept = kept.Append(Of(baseValue.Segments[i]));
                    }

                    return kept.Append(StringValue.Literal(last.Text.Substring(0, slash + 1))).Append(relative);
                }
            }

            return StringValue.Unknown.Append(StringValue.Literal("/")).Append(relative);
        }

        private static StringValue Of(Segment segment) => segment.Kind switch
        {
            SegmentKind.Literal => StringValue.Literal(segment.Text),
            SegmentKind.EnvironmentVariable => StringValue.EnvironmentVariable(segment.Text),
            SegmentKind.Parameter when segment.Parameter is { } parameter => StringValue.ParameterValue(parameter),
            _ => StringValue.Unknown,
        };

        /// <summary><c>scheme://authority</c> of a known absolute URL; null when it has none.</summary>
        private static string? Origin(string url)
        {
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return null;
            }

            var path = url.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3);
            return path < 0 ? url : url.Substring(0, path);
        }

        /// <summary>A reference that starts with known text and has no scheme (<c>api/...</c>, <c>/api/...</c>).</summary>
        internal static bool IsRelative(StringValue value)
            => value.Segments.Length > 0 && value.Segments[0].Kind == SegmentKind.Literal && !HasScheme(value.Segments[0].Text);

        private static bool HasScheme(string text)
        {
            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            for (var i = 0; i < colon; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool StartsWithLiteral(StringValue value, string prefix)
            => value.Segments.Length > 0 && value.Segments[0].Kind == SegmentKind.Literal && value.Segments[0].Text.StartsWith(prefix, StringComparison.Ordinal);

        private static bool HasHelperCall(List<IOperation?> writes)
        {
            foreach (var write in writes)
            {
                if (ScopeFacts.Strip(write) is IInvocationOperation invocation && IsHelper(invocation.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHelper(IMethodSymbol method)
            => !method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty
               && !method.IsAbstract && !method.IsVirtual && !method.IsOverride && !method.IsExtern
               && (ValueEvaluator.IsString(method.ReturnType) || IsUri(method.ReturnType));

        private static bool IsUri(ITypeSymbol? type) => ScopeFacts.IsType(type, "System", "Uri");

        private static bool IsUriLike(ITypeSymbol? type) => IsUri(type) || ScopeFacts.IsType(type, "System", "UriBuilder");

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
