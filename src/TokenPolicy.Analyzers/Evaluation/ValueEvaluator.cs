using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// "Which strings can this expression be?" over <see cref="IOperation"/>, shared by every rule.
    /// One instance per compilation (built in a compilation-start action); thread-safe.
    /// </summary>
    /// <remarks>
    /// Sees through literals and constants, fields and properties declared in source (initializer plus every
    /// assignment inside the declaring type), locals (union of every value assigned in the body), parameters
    /// (explicit default value plus "unknown"), <c>?:</c>, <c>??</c>, <c>??=</c>, concatenation, interpolation,
    /// <c>string.Concat</c>, <c>Path.Combine</c>/<c>Path.Join</c>, the directory separators and
    /// <c>Environment.GetEnvironmentVariable</c>. Everything else is <see cref="ValueSet.Unknown"/>.
    /// Depth, work and set size are bounded; cycles evaluate to unknown instead of recursing.
    /// </remarks>
    internal sealed class ValueEvaluator
    {
        private const int MaxDepth = 24;
        private const int MaxSteps = 4000;

        private readonly Compilation _compilation;
        private readonly WellKnownTypes _types;
        private readonly ConcurrentDictionary<ISymbol, ValueSet> _memberValues = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
        private readonly ConcurrentDictionary<SyntaxNode, LocalAssignments> _localAssignments = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, MemberAssignments> _memberAssignments = new(SymbolEqualityComparer.Default);

        public ValueEvaluator(Compilation compilation, WellKnownTypes types)
        {
            _compilation = compilation;
            _types = types;
        }

        public WellKnownTypes Types => _types;

        /// <summary>The strings <paramref name="operation"/> can evaluate to.</summary>
        public ValueSet Evaluate(IOperation? operation, CancellationToken cancellationToken)
        {
            if (operation is null)
            {
                return ValueSet.Unknown;
            }

            // Cheapest answer first: the compiler already folded constants.
            var constant = FromConstant(operation);
            if (constant is not null)
            {
                return constant;
            }

            return new Walk(this, cancellationToken).Evaluate(operation, 0);
        }

        /// <summary>A semantic model for another tree of the compilation, created once.</summary>
        internal SemanticModel GetSemanticModel(SyntaxTree tree)
        {
#pragma warning disable RS1030 // Values of members declared in other files need their tree's model; created once per tree and cached.
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        private static ValueSet? FromConstant(IOperation operation)
        {
            var constant = operation.ConstantValue;
            if (!constant.HasValue)
            {
                return null;
            }

            return constant.Value switch
            {
                null => ValueSet.Null,
                string text => ValueSet.Literal(text),
                char c => ValueSet.Literal(c.ToString()),
                bool b => ValueSet.Literal(b ? "True" : "False"),
                IFormattable formattable => ValueSet.Literal(formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => ValueSet.Unknown,
            };
        }

        /// <summary>One evaluation: tracks depth, work done and the members being evaluated (cycle guard).</summary>
        private sealed class Walk
        {
            private readonly ValueEvaluator _owner;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _inProgress = new(SymbolEqualityComparer.Default);
            private int _steps;
            private bool _hitCycle;

            public Walk(ValueEvaluator owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            private WellKnownTypes Types => _owner._types;

            public ValueSet Evaluate(IOperation? operation, int depth)
            {
                if (operation is null)
                {
                    return ValueSet.Unknown;
                }

                var constant = FromConstant(operation);
                if (constant is not null)
                {
                    return constant;
                }

                if (depth > MaxDepth || ++_steps > MaxSteps)
                {
                    return ValueSet.Unknown;
                }

                if ((_steps & 63) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                depth++;
                switch (operation)
                {
                    case IConversionOperation conversion:
                        return conversion.Conversion.IsUserDefined ? ValueSet.Unknown : Evaluate(conversion.Operand, depth);

                    case IParenthesizedOperation parenthesized:
                        return Evaluate(parenthesized.Operand, depth);

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                        return ValueSet.Concat(Evaluate(binary.LeftOperand, depth), Evaluate(binary.RightOperand, depth));

                    case IInterpolatedStringOperation interpolated:
                        return EvaluateInterpolation(interpolated, depth);

                    case IConditionalOperation { WhenFalse: not null } conditional:
                        return ValueSet.Union(Evaluate(conditional.WhenTrue, depth), Evaluate(conditional.WhenFalse, depth));

                    case ICoalesceOperation coalesce:
                        return ValueSet.Union(Evaluate(coalesce.Value, depth), Evaluate(coalesce.WhenNull, depth));

                    case ICoalesceAssignmentOperation coalesceAssignment:
                        return ValueSet.Union(Evaluate(coalesceAssignment.Target, depth), Evaluate(coalesceAssignment.Value, depth));

                    case ISimpleAssignmentOperation assignment:
                        return Evaluate(assignment.Value, depth);

                    case ILocalReferenceOperation local:
                        return EvaluateLocal(local, depth);

                    case IParameterReferenceOperation parameter:
                        return EvaluateParameter(parameter.Parameter);

                    case IFieldReferenceOperation field:
                        return EvaluateField(field.Field, depth);

                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                        return EvaluateMember(property.Property, depth);

                    case IInvocationOperation invocation:
                        return EvaluateInvocation(invocation, depth);

                    case IObjectCreationOperation creation when Types.IsFileInfo(creation.Type):
                        // A FileInfo stands for the path it was created with.
                        return EvaluateArgument(creation.Arguments, "fileName", depth);

                    default:
                        return ValueSet.Unknown;
                }
            }

            private ValueSet EvaluateInterpolation(IInterpolatedStringOperation interpolated, int depth)
            {
                var result = ValueSet.Of(StringValue.Empty);
                foreach (var part in interpolated.Parts)
                {
                    ValueSet partValue = part switch
                    {
                        IInterpolatedStringTextOperation text => Evaluate(text.Text, depth),
                        IInterpolationOperation { Alignment: null, FormatString: null } interpolation => Evaluate(interpolation.Expression, depth),
                        _ => ValueSet.Unknown,
                    };
                    result = ValueSet.Concat(result, partValue);
                }

                return result;
            }

            private static ValueSet EvaluateParameter(IParameterSymbol parameter)
            {
                // Callers may pass anything; a default value is one of the possibilities.
                if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is string text)
                {
                    return ValueSet.Union(ValueSet.Literal(text), ValueSet.Unknown);
                }

                return ValueSet.Unknown;
            }

            private ValueSet EvaluateField(IFieldSymbol field, int depth)
            {
                if (field.HasConstantValue)
                {
                    return field.ConstantValue switch
                    {
                        string text => ValueSet.Literal(text),
                        char c => ValueSet.Literal(c.ToString()),
                        null => ValueSet.Null,
                        _ => ValueSet.Unknown,
                    };
                }

                var wellKnown = Types.GetWellKnownFieldValue(field);
                if (wellKnown is not null)
                {
                    return wellKnown;
                }

                return EvaluateMember(field, depth);
            }

            /// <summary>A field or property declared in source: initializer, getter body and assignments in its type.</summary>
            private ValueSet EvaluateMember(ISymbol member, int depth)
            {
                member = member.OriginalDefinition;
                if (member.DeclaringSyntaxReferences.IsEmpty || !IsStringLike(member))
                {
                    return ValueSet.Unknown;
                }

                if (_owner._memberValues.TryGetValue(member, out var cached))
                {
                    return cached;
                }

                if (!_inProgress.Add(member))
                {
                    _hitCycle = true;
                    return ValueSet.Unknown;
                }

                var hadCycle = _hitCycle;
                _hitCycle = false;
                ValueSet result;
                try
                {
                    result = ComputeMember(member, depth);
                }
                finally
                {
                    _inProgress.Remove(member);
                }

                // A value computed while a cycle cut the walk short depends on where the walk began: don't cache it.
                if (!_hitCycle)
                {
                    _owner._memberValues.TryAdd(member, result);
                }

                _hitCycle |= hadCycle;
                return result;
            }

            private ValueSet ComputeMember(ISymbol member, int depth)
            {
                var builder = new ValueSet.Builder();
                var sawValue = false;

                if (member is IPropertySymbol { GetMethod: { } getter } property && !IsAutoProperty(property))
                {
                    // A computed property: the values its getter returns.
                    foreach (var returned in ReturnedValues(getter))
                    {
                        builder.AddRange(Evaluate(returned, depth));
                        sawValue = true;
                    }

                    return sawValue ? builder.ToValueSet() : ValueSet.Unknown;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var initializer = FindInitializer(reference.GetSyntax(_cancellationToken));
                    if (initializer is null)
                    {
                        continue;
                    }

                    var model = _owner.GetSemanticModel(initializer.SyntaxTree);
                    if (model.GetOperation(initializer, _cancellationToken) is ISymbolInitializerOperation init)
                    {
                        builder.AddRange(Evaluate(init.Value, depth));
                        sawValue = true;
                    }
                }

                var assignments = _owner.GetMemberAssignments(member.ContainingType, _cancellationToken);
                if (assignments.TryGet(member, out var assigned))
                {
                    foreach (var value in assigned)
                    {
                        builder.AddRange(Evaluate(value, depth));
                        sawValue = true;
                    }
                }

                // Written from outside the type (or never written in source): some values are not visible here.
                if (!sawValue || CanBeWrittenOutsideType(member))
                {
                    builder.Add(StringValue.Unknown);
                }

                return builder.ToValueSet();
            }

            private IEnumerable<IOperation> ReturnedValues(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    var model = _owner.GetSemanticModel(syntax.SyntaxTree);
                    var body = model.GetOperation(syntax, _cancellationToken);
                    if (body is null)
                    {
                        continue;
                    }

                    foreach (var operation in DescendantsOutsideNestedFunctions(body))
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } value })
                        {
                            yield return value;
                        }
                    }
                }
            }

            private ValueSet EvaluateLocal(ILocalReferenceOperation reference, int depth)
            {
                var local = reference.Local;
                if (local.IsConst && local.HasConstantValue)
                {
                    return local.ConstantValue is string text ? ValueSet.Literal(text) : ValueSet.Unknown;
                }

                if (!IsStringLike(local))
                {
                    // Only FileInfo locals are followed besides strings.
                    if (!Types.IsFileInfo(local.Type))
                    {
                        return ValueSet.Unknown;
                    }
                }

                var root = GetRoot(reference);
                var index = _owner._localAssignments.GetOrAdd(root.Syntax, _ => LocalAssignments.Build(root));
                if (!index.TryGet(local, out var writes))
                {
                    return ValueSet.Unknown;
                }

                if (!_inProgress.Add(local))
                {
                    _hitCycle = true;
                    return ValueSet.Unknown;
                }

                try
                {
                    var builder = new ValueSet.Builder();
                    var plain = new ValueSet.Builder();
                    foreach (var write in writes.Plain)
                    {
                        var value = write is null ? ValueSet.Unknown : Evaluate(write, depth);
                        builder.AddRange(value);
                        plain.AddRange(value);
                    }

                    // `path += "/token"`: every earlier value followed by the appended part.
                    if (writes.Appended.Count > 0)
                    {
                        var before = plain.ToValueSet();
                        foreach (var appended in writes.Appended)
                        {
                            builder.AddRange(ValueSet.Concat(before, Evaluate(appended, depth)));
                        }
                    }

                    return builder.ToValueSet();
                }
                finally
                {
                    _inProgress.Remove(local);
                }
            }

            private ValueSet EvaluateInvocation(IInvocationOperation invocation, int depth)
            {
                var method = invocation.TargetMethod;
                switch (Types.Classify(method))
                {
                    case KnownStringMethod.GetEnvironmentVariable:
                        var name = invocation.Arguments.Length > 0 ? FromConstantArgument(invocation, "variable") : null;
                        return name is null ? ValueSet.Unknown : ValueSet.Of(StringValue.EnvironmentVariable(name));

                    case KnownStringMethod.Concat:
                        return Fold(invocation, depth, static (a, b) => a.Append(b));

                    case KnownStringMethod.PathCombine:
                        return Fold(invocation, depth, PathValues.Combine);

                    case KnownStringMethod.PathJoin:
                        return Fold(invocation, depth, PathValues.Join);

                    default:
                        return ValueSet.Unknown;
                }
            }

            private static string? FromConstantArgument(IInvocationOperation invocation, string parameterName)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == parameterName)
                    {
                        return argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                    }
                }

                return null;
            }

            private ValueSet EvaluateArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName, int depth)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Name == parameterName)
                    {
                        return Evaluate(argument.Value, depth);
                    }
                }

                return ValueSet.Unknown;
            }

            /// <summary>Folds every string argument (expanding params arrays and collection arguments) left to right.</summary>
            private ValueSet Fold(IInvocationOperation invocation, int depth, Func<StringValue, StringValue, StringValue> combine)
            {
                ValueSet? result = null;
                foreach (var argument in invocation.Arguments)
                {
                    foreach (var part in ExpandArgument(argument))
                    {
                        if (part is null)
                        {
                            return ValueSet.Unknown;
                        }

                        var value = Evaluate(part, depth);
                        result = result is null ? (value.IsEmpty ? ValueSet.Of(StringValue.Empty) : value) : ValueSet.Combine(result, value, combine);
                        if (result.IsUnknown)
                        {
                            return result;
                        }
                    }
                }

                return result ?? ValueSet.Of(StringValue.Empty);
            }

            private IEnumerable<IOperation?> ExpandArgument(IArgumentOperation argument)
            {
                var value = argument.Value;
                while (value is IConversionOperation { Conversion.IsUserDefined: false } conversion)
                {
                    value = conversion.Operand;
                }

                if (IsString(value.Type) || value.Type?.SpecialType is SpecialType.System_Char or SpecialType.System_Object)
                {
                    yield return value;
                    yield break;
                }

                if (value is IArrayCreationOperation array)
                {
                    if (array.Initializer is null)
                    {
                        yield return null;
                        yield break;
                    }

                    foreach (var element in array.Initializer.ElementValues)
                    {
                        yield return element;
                    }

                    yield break;
                }

                // Collection expressions and params spans (newer compilers) expose their elements as children.
                if (argument.ArgumentKind != ArgumentKind.Explicit || value.Kind == (OperationKind)0x7F)
                {
                    foreach (var child in value.ChildOperations)
                    {
                        yield return child;
                    }

                    yield break;
                }

                yield return null;
            }
        }

        private MemberAssignments GetMemberAssignments(INamedTypeSymbol type, CancellationToken cancellationToken)
            => _memberAssignments.GetOrAdd(type, t => MemberAssignments.Build(t, this, cancellationToken));

        internal static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        private static bool IsStringLike(ISymbol symbol)
        {
            var type = symbol switch
            {
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                ILocalSymbol l => l.Type,
                _ => null,
            };
            return type is not null && (type.SpecialType is SpecialType.System_String or SpecialType.System_Object);
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CanBeWrittenOutsideType(ISymbol member)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsReadOnly && !field.IsConst && field.DeclaredAccessibility > Accessibility.Private;
                case IPropertySymbol property:
                    return property.SetMethod is { } setter && setter.DeclaredAccessibility > Accessibility.Private;
                default:
                    return true;
            }
        }

        private static SyntaxNode? FindInitializer(SyntaxNode declaration)
        {
            // VariableDeclaratorSyntax.Initializer or PropertyDeclarationSyntax.Initializer: an EqualsValueClause child.
            foreach (var child in declaration.ChildNodes())
            {
                if (child.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsValueClause)
                {
                    return child;
                }
            }

            return null;
        }

        /// <summary>The outermost operation of the body or initializer that holds <paramref name="operation"/>.</summary>
        internal static IOperation GetRoot(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        internal static IEnumerable<IOperation> DescendantsOutsideNestedFunctions(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                yield return current;
                foreach (var child in current.ChildOperations)
                {
                    if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        continue;
                    }

                    stack.Push(child);
                }
            }
        }
    }
}
