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
    /// One instance per compilation (created on first use by an operation action); thread-safe.
    /// </summary>
    /// <remarks>
    /// Sees through literals and constants, fields and properties declared in source (initializer, getter body, every
    /// assignment inside the declaring type and its derived types; "unknown" joins when code elsewhere may write or
    /// override them), locals and parameters (union of every value written in the body, pattern variables as the tested
    /// value, <c>foreach</c> variables as any element, deconstruction as the tuple element; a parameter adds "unknown" and
    /// its default value), <c>?:</c>, <c>??</c>, <c>??=</c>, switch expressions, concatenation, interpolation,
    /// <c>string.Concat</c>, <c>Path.Combine</c>/<c>Path.Join</c> (arguments in parameter order, params arrays and spans,
    /// <c>new[] { ... }</c>, collection expressions), the directory separators, <c>ToString()</c> of a string or char,
    /// <c>Environment.GetEnvironmentVariable</c>, and the shapes of <c>ValueEvaluator.Shapes.cs</c> (string operations,
    /// formats, joins, builders, collections, tuples, methods of the compilation). Everything else is
    /// <see cref="ValueSet.Unknown"/>. Depth, work and set size are bounded; cycles evaluate to unknown instead of
    /// recursing; a value cut short by a cycle or a bound is never cached, so answers do not depend on evaluation order.
    /// </remarks>
    internal sealed partial class ValueEvaluator
    {
        private const int MaxDepth = 24;
        private const int MaxSteps = 4000;

        // OperationKind.CollectionExpression and OperationKind.Spread exist only in compilers newer than the one
        // this assembly compiles against (4.8); their values are stable.
        private const OperationKind CollectionExpressionKind = (OperationKind)0x7F;
        private const OperationKind SpreadKind = (OperationKind)0x80;

        private readonly Compilation _compilation;
        private readonly WellKnownTypes _types;
        private readonly ConcurrentDictionary<ISymbol, ValueSet> _memberValues = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
        private readonly ConcurrentDictionary<SyntaxNode, LocalAssignments> _localAssignments = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, MemberAssignments> _memberAssignments = new(SymbolEqualityComparer.Default);
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derivedTypes;

        public ValueEvaluator(Compilation compilation, WellKnownTypes types)
        {
            _compilation = compilation;
            _types = types;
        }

        public WellKnownTypes Types => _types;

        /// <summary>
        /// The strings <paramref name="operation"/> can evaluate to, as seen from inside its method: a parameter is
        /// whatever any caller may pass (its default value or anything).
        /// </summary>
        public ValueSet Evaluate(IOperation? operation, CancellationToken cancellationToken)
            => EvaluateOpen(operation, cancellationToken).Close();

        /// <summary>
        /// Like <see cref="Evaluate"/>, but parameters stay symbolic (<see cref="SegmentKind.Parameter"/>), so that a
        /// method summary can substitute the arguments of each call site (<see cref="ValueSet.Substitute"/>).
        /// </summary>
        public ValueSet EvaluateOpen(IOperation? operation, CancellationToken cancellationToken)
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

        /// <summary>
        /// What a call passes for <paramref name="parameter"/>: the argument's values, or for a sequence parameter
        /// (<c>params string[] candidates</c>) the values of any of its elements; open keeps the caller's parameters symbolic.
        /// </summary>
        public ValueSet EvaluateArgument(IParameterSymbol parameter, IOperation argument, bool open, CancellationToken cancellationToken)
        {
            var value = new Walk(this, cancellationToken).EvaluateArgument(parameter, argument, 0);
            return open ? value : value.Close();
        }

        /// <summary>A sequence of strings (an array, span or framework enumerable of strings or objects).</summary>
        public static bool IsStringSequence(ITypeSymbol type) => Walk.IsStringSequence(type);

        /// <summary>
        /// A semantic model for another tree of the compilation, created once; null for a tree of another compilation
        /// (a member of a referenced project, as workspaces present it), whose values are unknown here.
        /// </summary>
        internal SemanticModel? GetSemanticModel(SyntaxTree tree)
        {
            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

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

            // An enum constant is formatted as its member name(s), not its number: don't guess which.
            if (operation.Type?.TypeKind == TypeKind.Enum)
            {
                return ValueSet.Unknown;
            }

            return constant.Value switch
            {
                null => ValueSet.Null,
                string text => ValueSet.Literal(text),
                char c => ValueSet.Literal(c.ToString()),
                bool b => ValueSet.Literal(b ? "True" : "False"),

                // Floating-point and decimal text depends on the current culture at run time.
                float or double or decimal => ValueSet.Unknown,
                IFormattable formattable => ValueSet.Literal(formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => ValueSet.Unknown,
            };
        }

        /// <summary>One evaluation: tracks depth, work done and the members being evaluated (cycle guard).</summary>
        private sealed partial class Walk
        {
            private readonly ValueEvaluator _owner;
            private readonly CancellationToken _cancellationToken;
            /// <summary>Members and variables being evaluated; a cycle or a bound marks the walk incomplete (never cached).</summary>
            private readonly WalkGuard<ISymbol> _guard = new(SymbolEqualityComparer.Default);
            private int _steps;

            public Walk(ValueEvaluator owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
                cancellationToken.ThrowIfCancellationRequested();
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
                    _guard.Cut();
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
                        // A user-defined conversion is unknown, except string's own to ReadOnlySpan<char>.
                        return conversion.Conversion.IsUserDefined && conversion.OperatorMethod?.ContainingType?.SpecialType != SpecialType.System_String
                            ? ValueSet.Unknown
                            : Evaluate(conversion.Operand, depth);

                    case IParenthesizedOperation parenthesized:
                        return Evaluate(parenthesized.Operand, depth);

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                        return ValueSet.Concat(Evaluate(binary.LeftOperand, depth), Evaluate(binary.RightOperand, depth));

                    case IInterpolatedStringOperation interpolated:
                        return EvaluateInterpolation(interpolated, depth);

                    case IConditionalOperation { WhenFalse: not null } conditional:
                        return ValueSet.Union(Evaluate(conditional.WhenTrue, depth), Evaluate(conditional.WhenFalse, depth));

                    case ISwitchExpressionOperation switchExpression:
                        return EvaluateSwitch(switchExpression, depth);

                    case IThrowOperation:
                        // `x ?? throw ...`, `c ? x : throw ...`: a throw contributes no value.
                        return ValueSet.Null;

                    case ICoalesceOperation coalesce:
                        return ValueSet.Union(Evaluate(coalesce.Value, depth), Evaluate(coalesce.WhenNull, depth));

                    case ICoalesceAssignmentOperation coalesceAssignment:
                        return ValueSet.Union(Evaluate(coalesceAssignment.Target, depth), Evaluate(coalesceAssignment.Value, depth));

                    case ISimpleAssignmentOperation assignment:
                        return Evaluate(assignment.Value, depth);

                    case ILocalReferenceOperation local:
                        return EvaluateLocal(local, depth);

                    case IParameterReferenceOperation parameter:
                        return EvaluateParameter(parameter, depth);

                    case IFieldReferenceOperation { Field.ContainingType.IsTupleType: true } tupleField when TupleIndex(tupleField.Field) is { } tupleIndex:
                        return EvaluateAll(TupleElements(tupleField.Instance, tupleIndex, depth), depth);

                    case IFieldReferenceOperation field:
                        return EvaluateField(field.Field, depth);

                    case IPropertyReferenceOperation pairPart when PairIndex(pairPart.Property) is { } pairIndex:
                        return EvaluateAll(TupleElements(pairPart.Instance, pairIndex, depth), depth);

                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                        return EvaluateMember(property.Property, depth);

                    case IPropertyReferenceOperation { Instance: { } list } indexer when IsListIndexer(indexer.Property):
                        // `paths[0]`: that element when the order is known, else one of the elements.
                        return EvaluateIndexed(list, indexer.Arguments[0].Value, depth);

                    case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                        return EvaluateIndexed(element.ArrayReference, element.Indices[0], depth);

                    case IArrayElementReferenceOperation element:
                        return EvaluateAll(Elements(element.ArrayReference, depth), depth);

                    case IInvocationOperation invocation:
                        return EvaluateInvocation(invocation, depth);

                    case IObjectCreationOperation creation when Types.IsFileInfo(creation.Type):
                        // A FileInfo stands for the path it was created with.
                        return Evaluate(ArgumentNamed(creation.Arguments, "fileName"), depth);

                    default:
                        return ValueSet.Unknown;
                }
            }

            /// <summary>Strings (also typed object), chars (separators) and FileInfo, which stands for its path.</summary>
            private bool IsFollowed(ITypeSymbol? type)
                => type is not null
                   && (type.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char
                       || Types.IsFileInfo(type) || WellKnownTypes.IsCharSpan(type));

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

            private ValueSet EvaluateSwitch(ISwitchExpressionOperation switchExpression, int depth)
            {
                var builder = new ValueSet.Builder();
                foreach (var arm in switchExpression.Arms)
                {
                    builder.AddRange(Evaluate(arm.Value, depth));
                }

                return builder.ToValueSet();
            }

            /// <summary>What callers pass (a symbolic parameter value) plus every write in the body.</summary>
            private ValueSet EvaluateParameter(IParameterReferenceOperation reference, int depth)
            {
                var parameter = reference.Parameter;

                // Kept symbolic: closed to "default or anything" by Evaluate, bound to arguments by method summaries.
                var passed = IsFollowed(parameter.Type) ? ValueSet.Of(StringValue.ParameterValue(parameter)) : ValueSet.Unknown;

                return EvaluateVariable(reference, parameter, passed, depth);
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
                if (member.DeclaringSyntaxReferences.IsEmpty || !IsFollowed(MemberType(member)))
                {
                    return ValueSet.Unknown;
                }

                if (_owner._memberValues.TryGetValue(member, out var cached))
                {
                    return cached;
                }

                return _guard.Cached(member, _owner._memberValues, member, () => ComputeMember(member, depth), ValueSet.Unknown);
            }

            private ValueSet ComputeMember(ISymbol member, int depth)
            {
                var sources = MemberSources(member, depth);
                if (sources is null)
                {
                    return ValueSet.Unknown;
                }

                var builder = new ValueSet.Builder();
                foreach (var source in sources)
                {
                    builder.AddRange(source is null ? ValueSet.Unknown : Evaluate(source, depth));
                }

                return builder.ToValueSet();
            }

            /// <summary>
            /// Where a field's or property's value comes from: its getter's returns, or its initializers and every assignment
            /// in its type and in the types of the compilation derived from it (a derived constructor setting a protected
            /// member); null stands for a value not visible here (written from outside, overridable). Null for a member
            /// without source.
            /// </summary>
            private List<IOperation?>? MemberSources(ISymbol member, int depth)
            {
                if (member.DeclaringSyntaxReferences.IsEmpty)
                {
                    return null;
                }

                var sources = new List<IOperation?>();
                if (member is IPropertySymbol { GetMethod: { } getter } property && !IsAutoProperty(property))
                {
                    // A computed property: the values its getter returns.
                    sources.AddRange(ReturnedValues(getter));
                    if (sources.Count == 0 || CanBeOverridden(property))
                    {
                        sources.Add(null);
                    }

                    return sources;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var initializer = FindInitializer(reference.GetSyntax(_cancellationToken));
                    if (initializer is null)
                    {
                        continue;
                    }

                    var model = _owner.GetSemanticModel(initializer.SyntaxTree);
                    if (model?.GetOperation(initializer, _cancellationToken) is ISymbolInitializerOperation init)
                    {
                        sources.Add(init.Value);
                    }
                }

                var assignments = _owner.GetMemberAssignments(member.ContainingType, _cancellationToken);
                if (assignments.TryGet(member, out var assigned))
                {
                    sources.AddRange(assigned);
                }

                if (CanBeWrittenByDerivedTypes(member))
                {
                    foreach (var derived in _owner.GetDerivedTypes(member.ContainingType, _cancellationToken))
                    {
                        if (_owner.GetMemberAssignments(derived, _cancellationToken).TryGet(member, out var inDerived))
                        {
                            sources.AddRange(inDerived);
                        }
                    }
                }

                // Written from outside the type (or never written in source), or overridable: some values are not visible here.
                if (sources.Count == 0 || CanBeWrittenOutsideType(member) || (member is IPropertySymbol overridable && CanBeOverridden(overridable)))
                {
                    sources.Add(null);
                }

                return sources;
            }

            private IEnumerable<IOperation> ReturnedValues(IMethodSymbol method)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    var body = _owner.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(syntax, _cancellationToken);
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

                if (!IsFollowed(local.Type))
                {
                    return ValueSet.Unknown;
                }

                return EvaluateVariable(reference, local, ValueSet.Null, depth);
            }

            /// <summary>
            /// A local or parameter: <paramref name="initial"/> plus every value written to it in the body that holds
            /// <paramref name="reference"/> (flow-insensitive union). <c>+=</c> appends to every value written before it.
            /// </summary>
            private ValueSet EvaluateVariable(IOperation reference, ISymbol variable, ValueSet initial, int depth)
            {
                if (WritesOf(reference, variable) is not { } writes || (writes.Plain.Count == 0 && writes.Appended.Count == 0))
                {
                    // A local never written (or written where this body cannot see) is unknown, never guessed.
                    return initial.IsEmpty && variable is ILocalSymbol ? ValueSet.Unknown : initial;
                }

                if (!_guard.TryEnter(variable))
                {
                    return ValueSet.Unknown;
                }

                try
                {
                    var builder = new ValueSet.Builder();
                    builder.AddRange(initial);
                    foreach (var write in writes.Plain)
                    {
                        builder.AddRange(EvaluateWrite(write, depth));
                    }

                    // `path += "/"; path += "token";`: each append may follow any value produced so far.
                    var values = builder.ToValueSet();
                    foreach (var appended in writes.Appended)
                    {
                        values = ValueSet.Union(values, ValueSet.Concat(values, Evaluate(appended, depth)));
                        if (values.IsUnknown)
                        {
                            break;
                        }
                    }

                    return values;
                }
                finally
                {
                    _guard.Exit(variable);
                }
            }

            /// <summary>The writes of a local or parameter in the body holding <paramref name="reference"/> (indexed once per body); null when none.</summary>
            private LocalAssignments.Writes? WritesOf(IOperation reference, ISymbol variable)
            {
                var root = GetRoot(reference);
                return _owner._localAssignments.GetOrAdd(root.Syntax, _ => LocalAssignments.Build(root)).TryGet(variable, out var writes) ? writes : null;
            }

            private ValueSet EvaluateInvocation(IInvocationOperation invocation, int depth)
            {
                var method = invocation.TargetMethod;
                switch (Types.Classify(method))
                {
                    case KnownStringMethod.GetEnvironmentVariable:
                        var names = Evaluate(ArgumentNamed(invocation.Arguments, "variable"), depth);
                        if (names.Values.Length == 1 && names.Values[0].ConstantText is { Length: > 0 } name)
                        {
                            return ValueSet.Of(StringValue.EnvironmentVariable(name));
                        }

                        // One of several names, or `Env(string name) => Environment.GetEnvironmentVariable(name)`: decided
                        // where the name is bound.
                        return names.IsEmpty ? ValueSet.Unknown : names.Map(StringTransform.EnvironmentVariable.Apply);

                    case KnownStringMethod.TextToString:
                        return Evaluate(invocation.Instance, depth);

                    case KnownStringMethod.SpanOfText:
                        return Evaluate(Receiver(invocation), depth);

                    case KnownStringMethod.Concat:
                        return Fold(invocation, depth, static (a, b) => a.Append(b));

                    case KnownStringMethod.PathCombine:
                        return Fold(invocation, depth, PathValues.CombineOpen);

                    case KnownStringMethod.PathJoin:
                        return Fold(invocation, depth, PathValues.Join);

                    case KnownStringMethod.Transform:
                        return EvaluateTransform(invocation, depth);

                    case KnownStringMethod.FullPath:
                        return EvaluateFullPath(invocation, depth);

                    case KnownStringMethod.Format:
                        return EvaluateFormat(invocation, depth);

                    case KnownStringMethod.Join:
                        return EvaluateJoin(invocation, depth);

                    case KnownStringMethod.BuilderToString:
                        return EvaluateBuilder(invocation.Instance, depth);

                    case KnownStringMethod.PickElement:
                        return EvaluateAll(Elements(Receiver(invocation), depth), depth);

                    default:
                        return EvaluateSourceMethod(invocation, depth);
                }
            }

            /// <summary>Folds every string argument (expanding params arrays and collection arguments) left to right, in parameter order.</summary>
            private ValueSet Fold(IInvocationOperation invocation, int depth, Func<StringValue, StringValue, StringValue> combine)
            {
                ValueSet? result = null;
                foreach (var argument in InParameterOrder(invocation.Arguments))
                {
                    foreach (var part in ExpandArgument(argument, depth))
                    {
                        if (part is null)
                        {
                            return ValueSet.Unknown;
                        }

                        var value = Evaluate(part, depth);
                        result = result is null ? (value.IsEmpty ? ValueSet.Of(StringValue.Empty) : value) : ValueSet.Combine(result, value, combine);
                    }
                }

                return result ?? ValueSet.Of(StringValue.Empty);
            }

            private static IEnumerable<IArgumentOperation> InParameterOrder(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
            {
                // Arguments come in evaluation (source) order; named arguments may be out of parameter order.
                var ordered = true;
                for (var i = 1; i < arguments.Length; i++)
                {
                    if ((arguments[i - 1].Parameter?.Ordinal ?? -1) > (arguments[i].Parameter?.Ordinal ?? -1))
                    {
                        ordered = false;
                        break;
                    }
                }

                if (ordered)
                {
                    return arguments;
                }

                var sorted = new List<IArgumentOperation>(arguments);
                sorted.Sort(static (a, b) => (a.Parameter?.Ordinal ?? -1).CompareTo(b.Parameter?.Ordinal ?? -1));
                return sorted;
            }

            /// <summary>The string parts one argument contributes, in order; null stands for a part that cannot be known.</summary>
            private IEnumerable<IOperation?> ExpandArgument(IArgumentOperation argument, int depth)
            {
                var parameterType = argument.Parameter?.Type;
                if (parameterType is null)
                {
                    return new IOperation?[] { null };
                }

                if (parameterType.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char
                    || WellKnownTypes.IsCharSpan(parameterType))
                {
                    return new[] { argument.Value };
                }

                // Arrays, params spans (`Path.Combine(params ReadOnlySpan<string>)`) and sequences of strings: their
                // elements when the order is known (an array or collection expression, here or in a local), else unknown.
                return (IsStringSequence(parameterType) ? OrderedElements(argument.Value, depth) : null) ?? new List<IOperation?> { null };
            }
        }

        private MemberAssignments GetMemberAssignments(INamedTypeSymbol type, CancellationToken cancellationToken)
            => _memberAssignments.GetOrAdd(type, t => MemberAssignments.Build(t, this, cancellationToken));

        /// <summary>The types of the compilation derived (directly or not) from <paramref name="type"/>, in a stable order.</summary>
        private IReadOnlyList<INamedTypeSymbol> GetDerivedTypes(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var map = Volatile.Read(ref _derivedTypes);
            if (map is null)
            {
                var built = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
                foreach (var symbol in _compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
                {
                    if (symbol is not INamedTypeSymbol derived)
                    {
                        continue;
                    }

                    for (var baseType = derived.BaseType; baseType is not null && !baseType.DeclaringSyntaxReferences.IsEmpty; baseType = baseType.BaseType)
                    {
                        if (!built.TryGetValue(baseType.OriginalDefinition, out var list))
                        {
                            list = new List<INamedTypeSymbol>();
                            built.Add(baseType.OriginalDefinition, list);
                        }

                        list.Add(derived);
                    }
                }

                foreach (var list in built.Values)
                {
                    list.Sort(static (a, b) => string.CompareOrdinal(a.ToDisplayString(), b.ToDisplayString()));
                }

                map = Interlocked.CompareExchange(ref _derivedTypes, built, null) ?? built;
            }

            return map.TryGetValue(type.OriginalDefinition, out var types) ? types : (IReadOnlyList<INamedTypeSymbol>)Array.Empty<INamedTypeSymbol>();
        }

        /// <summary>A field or property a derived type's constructor or method can assign: not private, in a type that can be derived from.</summary>
        private static bool CanBeWrittenByDerivedTypes(ISymbol member)
        {
            var type = member.ContainingType;
            if (type is null || type.IsSealed || type.IsStatic || type.TypeKind != TypeKind.Class || member.IsStatic
                || member.DeclaredAccessibility is Accessibility.Private or Accessibility.NotApplicable)
            {
                return false;
            }

            return member switch
            {
                IFieldSymbol field => !field.IsReadOnly && !field.IsConst,
                IPropertySymbol property => property.SetMethod is { } setter && setter.DeclaredAccessibility != Accessibility.Private,
                _ => false,
            };
        }

        internal static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        private static ITypeSymbol? MemberType(ISymbol member) => member switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            _ => null,
        };

        /// <summary>A derived type may return something else.</summary>
        private static bool CanBeOverridden(IPropertySymbol property)
            => property.ContainingType.TypeKind == TypeKind.Interface
               || ((property.IsVirtual || property.IsAbstract || property.IsOverride) && !property.IsSealed && !property.ContainingType.IsSealed);

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

                // Children pushed last-first so that operations come out in source order.
                var children = new List<IOperation>();
                foreach (var child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        children.Add(child);
                    }
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }
    }
}
