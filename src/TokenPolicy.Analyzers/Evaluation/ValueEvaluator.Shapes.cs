using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// The value shapes of ordinary code on the way to a sink: string operations (<c>Trim</c>, <c>Replace</c>, case,
    /// <c>Path.GetFullPath</c>, <c>string.Format</c>, <c>string.Join</c>, a <c>StringBuilder</c> built in one body),
    /// collections of fallback candidates (every element is a possible value: <c>foreach</c>, <c>First</c>, an index),
    /// tuples (deconstruction, <c>Item1</c>, named elements, <c>KeyValuePair</c>), and methods of the compilation, whose
    /// returned values are evaluated once (open) and bound to each call's arguments.
    /// </summary>
    internal sealed partial class ValueEvaluator
    {
        private const int MaxElements = 64;
        private const int MaxBuilderCalls = 24;

        private readonly ConcurrentDictionary<IMethodSymbol, ValueSet> _returnValues = new(SymbolEqualityComparer.Default);

        private sealed partial class Walk
        {
            private ValueSet EvaluateWrite(Write write, int depth) => write.Kind switch
            {
                WriteKind.Value => Evaluate(write.Value, depth),
                WriteKind.Element => EvaluateAll(Elements(write.Value, depth), depth),
                WriteKind.TupleElement => EvaluateAll(TupleElements(write.Value, write.Index, depth), depth),
                WriteKind.ElementTupleElement => EvaluateAll(ElementTupleElements(write.Value, write.Index, depth), depth),
                _ => ValueSet.Unknown,
            };

            /// <summary>
            /// The union of the operations' values; a null operation (a part that cannot be known) is unknown. An element of
            /// a sequence parameter (<c>params string[] candidates</c>) is the symbolic "any element callers pass".
            /// </summary>
            private ValueSet EvaluateAll(List<IOperation?> operations, int depth)
            {
                var builder = new ValueSet.Builder();
                foreach (var operation in operations)
                {
                    builder.AddRange(operation switch
                    {
                        null => ValueSet.Unknown,
                        IParameterReferenceOperation sequence when IsStringSequence(sequence.Parameter.Type) => ValueSet.Of(StringValue.ParameterValue(sequence.Parameter)),
                        _ => Evaluate(operation, depth),
                    });
                }

                return builder.ToValueSet();
            }

            /// <summary>What a call passes for <paramref name="parameter"/>: the argument, or for a sequence parameter any of its elements.</summary>
            public ValueSet EvaluateArgument(IParameterSymbol parameter, IOperation argument, int depth)
                => IsStringSequence(parameter.Type) ? EvaluateAll(Elements(argument, depth), depth) : Evaluate(argument, depth);

            // ---- string operations ----

            private ValueSet EvaluateTransform(IInvocationOperation invocation, int depth)
            {
                var method = invocation.TargetMethod;
                StringTransform? transform;
                switch (method.Name)
                {
                    case "Trim":
                        transform = TrimOf(TransformKind.Trim, invocation, depth);
                        break;
                    case "TrimStart":
                        transform = TrimOf(TransformKind.TrimStart, invocation, depth);
                        break;
                    case "TrimEnd":
                        transform = TrimOf(TransformKind.TrimEnd, invocation, depth);
                        break;
                    case "Replace":
                        var oldValue = SingleConstant(Evaluate(ArgumentNamed(invocation.Arguments, "oldValue", "oldChar"), depth));
                        var newArgument = ArgumentNamed(invocation.Arguments, "newValue", "newChar");
                        var newValue = newArgument?.ConstantValue is { HasValue: true, Value: null } ? string.Empty : SingleConstant(Evaluate(newArgument, depth));
                        transform = oldValue is { Length: > 0 } && newValue is not null ? StringTransform.Replace(oldValue, newValue) : null;
                        break;
                    default:
                        transform = StringTransform.Case(method.Name.StartsWith("ToUpper", System.StringComparison.Ordinal));
                        break;
                }

                return transform is null ? ValueSet.Unknown : Evaluate(invocation.Instance, depth).Map(transform.Apply);
            }

            /// <summary>The trim of a call: no argument (white space), one char, or a params array of constant chars.</summary>
            private StringTransform? TrimOf(TransformKind kind, IInvocationOperation invocation, int depth)
            {
                if (invocation.Arguments.IsEmpty)
                {
                    return StringTransform.Trim(kind, null);
                }

                var characters = new System.Text.StringBuilder();
                foreach (var argument in invocation.Arguments)
                {
                    var parts = argument.Parameter?.Type.SpecialType == SpecialType.System_Char
                        ? new List<IOperation?> { argument.Value }
                        : OrderedElements(argument.Value, depth);
                    if (parts is null)
                    {
                        return null;
                    }

                    foreach (var part in parts)
                    {
                        if (part?.ConstantValue is not { HasValue: true, Value: char c })
                        {
                            return null;
                        }

                        characters.Append(c);
                    }
                }

                return StringTransform.Trim(kind, characters.ToString());
            }

            private ValueSet EvaluateFullPath(IInvocationOperation invocation, int depth)
            {
                var path = Evaluate(ArgumentNamed(invocation.Arguments, "path"), depth);
                var basePath = ArgumentNamed(invocation.Arguments, "basePath");
                if (basePath is not null)
                {
                    path = ValueSet.Combine(Evaluate(basePath, depth), path, PathValues.CombineOpen);
                }

                return path.Map(StringTransform.FullPath.Apply);
            }

            /// <summary><c>string.Format</c> with a constant composite format; a format item with alignment or format string is unknown.</summary>
            private ValueSet EvaluateFormat(IInvocationOperation invocation, int depth)
            {
                var formatArgument = ArgumentNamed(invocation.Arguments, "format");
                if (formatArgument?.Type?.SpecialType != SpecialType.System_String || SingleConstant(Evaluate(formatArgument, depth)) is not { } format)
                {
                    return ValueSet.Unknown;
                }

                var items = new List<IOperation?>();
                var args = ArgumentNamed(invocation.Arguments, "args");
                if (args is not null)
                {
                    var elements = OrderedElements(args, depth);
                    if (elements is null)
                    {
                        return ValueSet.Unknown;
                    }

                    items.AddRange(elements);
                }
                else
                {
                    for (var i = 0; i < 3; i++)
                    {
                        var item = ArgumentNamed(invocation.Arguments, "arg" + i);
                        if (item is null)
                        {
                            break;
                        }

                        items.Add(item);
                    }
                }

                var result = ValueSet.Of(StringValue.Empty);
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < format.Length; i++)
                {
                    var c = format[i];
                    if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                    {
                        text.Append(c);
                        i++;
                        continue;
                    }

                    if (c == '}')
                    {
                        return ValueSet.Unknown; // a FormatException at run time
                    }

                    if (c != '{')
                    {
                        text.Append(c);
                        continue;
                    }

                    var close = format.IndexOf('}', i);
                    if (close < 0)
                    {
                        return ValueSet.Unknown;
                    }

                    result = ValueSet.Concat(result, ValueSet.Literal(text.ToString()));
                    text.Clear();
                    var hole = format.Substring(i + 1, close - i - 1);
                    i = close;
                    ValueSet part;
                    if (int.TryParse(hole.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    {
                        part = index < items.Count ? (items[index] is { } item ? Evaluate(item, depth) : ValueSet.Unknown) : ValueSet.Unknown;
                    }
                    else
                    {
                        // `{0,10}`, `{0:x}`: padding and formats are not followed.
                        part = ValueSet.Unknown;
                    }

                    result = ValueSet.Concat(result, part);
                }

                return ValueSet.Concat(result, ValueSet.Literal(text.ToString()));
            }

            /// <summary><c>string.Join(separator, values)</c> when the values' order is known.</summary>
            private ValueSet EvaluateJoin(IInvocationOperation invocation, int depth)
            {
                if (ArgumentNamed(invocation.Arguments, "startIndex", "count") is not null)
                {
                    return ValueSet.Unknown;
                }

                var separator = Evaluate(ArgumentNamed(invocation.Arguments, "separator"), depth);
                var values = ArgumentNamed(invocation.Arguments, "value", "values");
                var parts = values is null ? null : OrderedElements(values, depth);
                if (parts is null)
                {
                    return ValueSet.Unknown;
                }

                ValueSet? result = null;
                foreach (var part in parts)
                {
                    var value = part is null ? ValueSet.Unknown : Evaluate(part, depth);
                    result = result is null ? ValueSet.Union(ValueSet.Null, value.IsEmpty ? ValueSet.Of(StringValue.Empty) : value) : ValueSet.Concat(ValueSet.Concat(result, separator), value);
                    if (result.IsUnknown)
                    {
                        return result;
                    }
                }

                return result ?? ValueSet.Of(StringValue.Empty);
            }

            // ---- StringBuilder ----

            /// <summary>The text of a builder: its creation, then every append made to it in the body.</summary>
            private ValueSet EvaluateBuilder(IOperation? instance, int depth)
            {
                if (instance is null)
                {
                    return ValueSet.Unknown;
                }

                var value = LocalAssignments.Unwrap(instance);
                switch (value)
                {
                    case IObjectCreationOperation creation when Types.IsStringBuilder(creation.Type):
                        if (ArgumentNamed(creation.Arguments, "startIndex") is not null)
                        {
                            return ValueSet.Unknown;
                        }

                        var initial = ArgumentNamed(creation.Arguments, "value");
                        return initial is null ? ValueSet.Of(StringValue.Empty) : Evaluate(initial, depth);

                    case IInvocationOperation { Instance: { } receiver } append when IsBuilderAppend(append):
                        // A chain rooted at a local is the local's text: its appends are all in its call list.
                        return ChainRoot(append) is ILocalReferenceOperation root
                            ? EvaluateBuilder(root, depth)
                            : ValueSet.Concat(EvaluateBuilder(receiver, depth), AppendedValue(append, depth));

                    case ILocalReferenceOperation local when Types.IsStringBuilder(local.Local.Type):
                        return EvaluateBuilderLocal(local, depth);

                    default:
                        return ValueSet.Unknown;
                }
            }

            private ValueSet EvaluateBuilderLocal(ILocalReferenceOperation reference, int depth)
            {
                var local = reference.Local;
                if (WritesOf(reference, local) is not { } writes || writes.Plain.Count != 1 || writes.Plain[0].Kind != WriteKind.Value
                    || writes.Calls.Count > MaxBuilderCalls || !_guard.TryEnter(local))
                {
                    return ValueSet.Unknown;
                }

                try
                {
                    var values = EvaluateBuilder(writes.Plain[0].Value, depth);
                    var declaration = writes.Plain[0].Value!.Syntax;
                    foreach (var call in writes.Calls)
                    {
                        for (IOperation current = call; current is IInvocationOperation invocation; current = current.Parent!)
                        {
                            if (IsBuilderAppend(invocation))
                            {
                                var appended = ValueSet.Concat(values, AppendedValue(invocation, depth));
                                values = InSameStatementList(invocation.Syntax, declaration) ? appended : ValueSet.Union(values, appended);
                            }
                            else if (!IsBuilderQuery(invocation))
                            {
                                // Insert, Remove, Replace, Clear: not followed.
                                return ValueSet.Unknown;
                            }

                            if (current.Parent is not IInvocationOperation next || !ReferenceEquals(next.Instance, current))
                            {
                                break;
                            }
                        }

                        if (values.IsUnknown)
                        {
                            return values;
                        }
                    }

                    // Handed to other code, which may append more.
                    return writes.Escapes ? ValueSet.Union(values, ValueSet.Concat(values, ValueSet.Unknown)) : values;
                }
                finally
                {
                    _guard.Exit(local);
                }
            }

            private ValueSet AppendedValue(IInvocationOperation append, int depth)
            {
                if (append.TargetMethod.Name == "AppendFormat")
                {
                    return ValueSet.Unknown;
                }

                var argument = append.Arguments.Length == 0 ? null : ArgumentNamed(append.Arguments, "value");
                if (append.Arguments.Length > 1 || (append.Arguments.Length == 1 && argument is null))
                {
                    // Append(char, repeatCount), Append(value, startIndex, count), Append(IFormatProvider, ...): not followed.
                    return ValueSet.Unknown;
                }

                var text = argument is null ? ValueSet.Of(StringValue.Empty) : Evaluate(argument, depth);
                return append.TargetMethod.Name == "AppendLine" ? ValueSet.Concat(text, ValueSet.Literal("\n")) : text;
            }

            private bool IsBuilderAppend(IInvocationOperation invocation)
                => invocation.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat" && Types.IsStringBuilder(invocation.TargetMethod.ContainingType);

            private static bool IsBuilderQuery(IInvocationOperation invocation)
                => invocation.TargetMethod.Name is "ToString" or "GetHashCode" or "Equals" or "CopyTo" or "EnsureCapacity" or "GetChunks";

            private static IOperation ChainRoot(IInvocationOperation invocation)
            {
                IOperation current = invocation;
                while (current is IInvocationOperation { Instance: { } instance })
                {
                    current = LocalAssignments.Unwrap(instance);
                }

                return current;
            }

            /// <summary>
            /// True when the statement holding <paramref name="node"/> sits in the same statement list as the one holding
            /// <paramref name="declaration"/>: it runs whenever the declaration does (not inside a branch, loop or lambda).
            /// </summary>
            private static bool InSameStatementList(SyntaxNode node, SyntaxNode declaration)
            {
                var statement = EnclosingStatement(node);
                var declared = EnclosingStatement(declaration);
                return statement is not null && declared is not null && statement.Parent == declared.Parent
                       && statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax;
            }

            private static StatementSyntax? EnclosingStatement(SyntaxNode node)
            {
                for (var current = node; current is not null; current = current.Parent)
                {
                    if (current is StatementSyntax statement)
                    {
                        return statement;
                    }
                }

                return null;
            }

            // ---- collections ----

            /// <summary>The possible elements of a collection (null: an element that cannot be known).</summary>
            private List<IOperation?> Elements(IOperation? collection, int depth)
            {
                var result = new List<IOperation?>();
                AddElements(collection, depth, result);
                return result;
            }

            private void AddElements(IOperation? collection, int depth, List<IOperation?> into)
            {
                if (collection is null || depth > MaxDepth || into.Count >= MaxElements || ++_steps > MaxSteps)
                {
                    _guard.Cut();
                    into.Add(null);
                    return;
                }

                depth++;
                var value = LocalAssignments.Unwrap(collection);
                switch (value)
                {
                    case IArrayCreationOperation { Initializer: { } initializer }:
                        into.AddRange(initializer.ElementValues);
                        return;

                    case { Kind: CollectionExpressionKind }:
                        foreach (var child in value.ChildOperations)
                        {
                            if (child.Kind == SpreadKind)
                            {
                                foreach (var spread in child.ChildOperations)
                                {
                                    AddElements(spread, depth, into);
                                    break;
                                }
                            }
                            else
                            {
                                into.Add(child);
                            }
                        }

                        return;

                    case IObjectCreationOperation creation when IsFrameworkCollection(creation.Type):
                        AddCreationElements(creation, depth, into);
                        return;

                    case ILocalReferenceOperation local:
                        AddLocalElements(local, depth, into);
                        return;

                    case IParameterReferenceOperation parameter when IsStringSequence(parameter.Parameter.Type):
                        // Whatever callers pass: bound by method summaries, "anything" otherwise.
                        into.Add(parameter);
                        return;

                    case IFieldReferenceOperation field:
                        AddMemberElements(field.Field, depth, into);
                        return;

                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                        AddMemberElements(property.Property, depth, into);
                        return;

                    case IConditionalOperation { WhenFalse: not null } conditional:
                        AddElements(conditional.WhenTrue, depth, into);
                        AddElements(conditional.WhenFalse, depth, into);
                        return;

                    case ICoalesceOperation coalesce:
                        AddElements(coalesce.Value, depth, into);
                        AddElements(coalesce.WhenNull, depth, into);
                        return;

                    case IInvocationOperation invocation:
                        AddInvocationElements(invocation, depth, into);
                        return;

                    default:
                        into.Add(null);
                        return;
                }
            }

            private void AddCreationElements(IObjectCreationOperation creation, int depth, List<IOperation?> into)
            {
                var source = ArgumentNamed(creation.Arguments, "collection", "dictionary");
                if (source is not null)
                {
                    AddElements(source, depth, into);
                }
                else if (ArgumentNamed(creation.Arguments, "capacity", "comparer", "concurrencyLevel") is null && !creation.Arguments.IsEmpty)
                {
                    into.Add(null);
                }

                if (creation.Initializer is null)
                {
                    return;
                }

                foreach (var initializer in creation.Initializer.Initializers)
                {
                    switch (initializer)
                    {
                        case IInvocationOperation { Arguments.Length: 1 } add:
                            into.Add(add.Arguments[0].Value);
                            break;
                        case IInvocationOperation pair:
                            // `{ "Authorization", "Bearer ..." }`: a key/value pair, taken apart by TupleElements.
                            into.Add(pair);
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } } indexed:
                            into.Add(indexed);
                            break;
                        default:
                            into.Add(null);
                            break;
                    }
                }
            }

            private void AddLocalElements(ILocalReferenceOperation reference, int depth, List<IOperation?> into)
            {
                var local = reference.Local;
                if (WritesOf(reference, local) is not { } writes || writes.Plain.Count == 0 || !_guard.TryEnter(local))
                {
                    into.Add(null);
                    return;
                }

                try
                {
                    foreach (var write in writes.Plain)
                    {
                        if (write.Kind == WriteKind.Value)
                        {
                            AddElements(write.Value, depth, into);
                        }
                        else
                        {
                            into.Add(null);
                        }
                    }

                    foreach (var call in writes.Calls)
                    {
                        switch (call.TargetMethod.Name)
                        {
                            case "Add" or "Insert" or "Push" or "Enqueue" or "TryAdd" or "AddFirst" or "AddLast":
                                var item = ArgumentNamed(call.Arguments, "item", "value");
                                into.Add(ArgumentNamed(call.Arguments, "key") is not null ? call : item);
                                break;
                            case "AddRange" or "InsertRange" or "UnionWith":
                                AddElements(ArgumentNamed(call.Arguments, "collection", "items", "other"), depth, into);
                                break;
                        }
                    }

                    if (writes.Escapes)
                    {
                        into.Add(null);
                    }
                }
                finally
                {
                    _guard.Exit(local);
                }
            }

            private void AddMemberElements(ISymbol member, int depth, List<IOperation?> into)
            {
                var sources = MemberSources(member.OriginalDefinition, depth);
                if (sources is null)
                {
                    into.Add(null);
                    return;
                }

                foreach (var source in sources)
                {
                    if (source is null)
                    {
                        into.Add(null);
                    }
                    else
                    {
                        AddElements(source, depth, into);
                    }
                }
            }

            private void AddInvocationElements(IInvocationOperation invocation, int depth, List<IOperation?> into)
            {
                var method = invocation.TargetMethod;
                var receiver = Receiver(invocation);
                if (method.ContainingType?.Name == "Enumerable" && TokenPolicy.Analyzers.Requests.ScopeFacts.IsNamespace(method.ContainingNamespace, "System.Linq"))
                {
                    switch (method.Name)
                    {
                        case "ToArray" or "ToList" or "ToHashSet" or "AsEnumerable" or "Where" or "Distinct" or "OrderBy" or "OrderByDescending"
                            or "Reverse" or "Skip" or "Take" or "SkipWhile" or "TakeWhile" or "DefaultIfEmpty" or "OfType" or "Cast":
                            AddElements(receiver, depth, into);
                            return;
                        case "Concat" or "Union":
                            AddElements(receiver, depth, into);
                            AddElements(ArgumentNamed(invocation.Arguments, "second"), depth, into);
                            return;
                        case "Append" or "Prepend":
                            AddElements(receiver, depth, into);
                            into.Add(ArgumentNamed(invocation.Arguments, "element"));
                            return;
                    }
                }
                else if (method.Name is "ToArray" or "AsReadOnly" && IsFrameworkCollection(method.ContainingType))
                {
                    AddElements(receiver, depth, into);
                    return;
                }
                else if (method.Name == "Empty" && method.ContainingType?.SpecialType == SpecialType.System_Array)
                {
                    return;
                }

                // A method of the compilation: what it returns, or what it yields.
                var definition = method.OriginalDefinition;
                if (definition.DeclaringSyntaxReferences.IsEmpty || definition.IsAbstract || definition.IsVirtual || definition.IsOverride
                    || definition.ContainingType?.TypeKind == TypeKind.Interface || !_guard.TryEnter(definition))
                {
                    into.Add(null);
                    return;
                }

                try
                {
                    var any = false;
                    foreach (var (returned, yielded) in ReturnedOrYielded(definition))
                    {
                        any = true;
                        if (yielded)
                        {
                            into.Add(returned);
                        }
                        else
                        {
                            AddElements(returned, depth, into);
                        }
                    }

                    if (!any)
                    {
                        into.Add(null);
                    }
                }
                finally
                {
                    _guard.Exit(definition);
                }
            }

            /// <summary><c>paths[1]</c>: the element at a constant index of a collection whose order is known, else any element.</summary>
            private ValueSet EvaluateIndexed(IOperation collection, IOperation index, int depth)
            {
                if (index.ConstantValue is { HasValue: true, Value: int at } && at >= 0 && OrderedElements(collection, depth) is { } ordered)
                {
                    return at < ordered.Count && ordered[at] is { } element ? Evaluate(element, depth) : ValueSet.Unknown;
                }

                return EvaluateAll(Elements(collection, depth), depth);
            }

            /// <summary>The elements in order, when the order is known: an array or collection expression, here or in a local written once.</summary>
            private List<IOperation?>? OrderedElements(IOperation? collection, int depth)
            {
                if (collection is null || depth > MaxDepth)
                {
                    return null;
                }

                var value = LocalAssignments.Unwrap(collection);
                switch (value)
                {
                    case IArrayCreationOperation { Initializer: { } initializer }:
                        return new List<IOperation?>(initializer.ElementValues);

                    case { Kind: CollectionExpressionKind }:
                        var elements = new List<IOperation?>();
                        foreach (var child in value.ChildOperations)
                        {
                            if (child.Kind == SpreadKind)
                            {
                                return null;
                            }

                            elements.Add(child);
                        }

                        return elements;

                    case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer } creation when IsFrameworkCollection(creation.Type):
                        var added = new List<IOperation?>();
                        foreach (var item in initializer.Initializers)
                        {
                            added.Add(item is IInvocationOperation { Arguments.Length: 1 } add ? add.Arguments[0].Value : null);
                        }

                        return added;

                    case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                        // A member whose only value is its initializer (`static readonly string[] Paths = { ... }`).
                        var member = (value is IFieldReferenceOperation field ? (ISymbol)field.Field : ((IPropertyReferenceOperation)value).Property).OriginalDefinition;
                        if (MemberSources(member, depth) is not { Count: 1 } sources || sources[0] is not { } only || !_guard.TryEnter(member))
                        {
                            return null;
                        }

                        try
                        {
                            return OrderedElements(only, depth + 1);
                        }
                        finally
                        {
                            _guard.Exit(member);
                        }

                    case ILocalReferenceOperation local:
                        if (WritesOf(local, local.Local) is not { } writes || writes.Plain.Count != 1 || writes.Plain[0].Kind != WriteKind.Value
                            || writes.Escapes || HasMutatingCall(writes.Calls) || !_guard.TryEnter(local.Local))
                        {
                            return null;
                        }

                        try
                        {
                            return OrderedElements(writes.Plain[0].Value, depth + 1);
                        }
                        finally
                        {
                            _guard.Exit(local.Local);
                        }

                    default:
                        return null;
                }
            }

            private static bool HasMutatingCall(List<IInvocationOperation> calls)
            {
                foreach (var call in calls)
                {
                    if (call.TargetMethod.Name is not ("ToString" or "GetEnumerator" or "Contains" or "IndexOf" or "GetHashCode" or "Equals" or "CopyTo"))
                    {
                        return true;
                    }
                }

                return false;
            }

            // ---- tuples and pairs ----

            /// <summary>Element <paramref name="index"/> of a tuple or key/value pair (null: cannot be known).</summary>
            private List<IOperation?> TupleElements(IOperation? tuple, int index, int depth)
            {
                var result = new List<IOperation?>();
                AddTupleElements(tuple, index, depth, result);
                return result;
            }

            private List<IOperation?> ElementTupleElements(IOperation? collection, int index, int depth)
            {
                var result = new List<IOperation?>();
                foreach (var element in Elements(collection, depth))
                {
                    AddTupleElements(element, index, depth + 1, result);
                }

                return result;
            }

            private void AddTupleElements(IOperation? tuple, int index, int depth, List<IOperation?> into)
            {
                if (tuple is null || depth > MaxDepth || into.Count >= MaxElements || ++_steps > MaxSteps)
                {
                    _guard.Cut();
                    into.Add(null);
                    return;
                }

                depth++;
                var value = LocalAssignments.Unwrap(tuple);
                switch (value)
                {
                    case ITupleOperation literal:
                        into.Add(index < literal.Elements.Length ? literal.Elements[index] : null);
                        return;

                    case IObjectCreationOperation { Constructor: { } constructor } creation when IsPairType(creation.Type):
                        into.Add(index < constructor.Parameters.Length ? ArgumentFor(creation.Arguments, constructor.Parameters[index]) : null);
                        return;

                    case IInvocationOperation pair when pair.TargetMethod.Name is "Add" or "TryAdd" or "Create" && pair.TargetMethod.Parameters.Length == 2:
                        // A collection initializer's `{ key, value }`, `dictionary.Add(key, value)`, `Tuple.Create(a, b)`.
                        into.Add(index < 2 ? ArgumentFor(pair.Arguments, pair.TargetMethod.Parameters[index]) : null);
                        return;

                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } indexed:
                        // `["Authorization"] = "Bearer ..."` in a dictionary initializer.
                        into.Add(index == 0 ? indexer.Arguments[0].Value : index == 1 ? indexed.Value : null);
                        return;

                    case ILocalReferenceOperation local:
                        AddLocalTupleElements(local, index, depth, into);
                        return;

                    case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                        var member = value is IFieldReferenceOperation field ? (ISymbol)field.Field : ((IPropertyReferenceOperation)value).Property;
                        var sources = MemberSources(member.OriginalDefinition, depth);
                        if (sources is null)
                        {
                            into.Add(null);
                            return;
                        }

                        foreach (var source in sources)
                        {
                            AddTupleElements(source, index, depth, into);
                        }

                        return;

                    case IArrayElementReferenceOperation element:
                        foreach (var item in Elements(element.ArrayReference, depth))
                        {
                            AddTupleElements(item, index, depth, into);
                        }

                        return;

                    case IInvocationOperation pick when Types.Classify(pick.TargetMethod) == KnownStringMethod.PickElement:
                        foreach (var item in Elements(Receiver(pick), depth))
                        {
                            AddTupleElements(item, index, depth, into);
                        }

                        return;

                    case IInvocationOperation call when IsFollowableSourceMethod(call.TargetMethod.OriginalDefinition) && _guard.TryEnter(call.TargetMethod.OriginalDefinition):
                        try
                        {
                            foreach (var (returned, yielded) in ReturnedOrYielded(call.TargetMethod.OriginalDefinition))
                            {
                                if (!yielded)
                                {
                                    AddTupleElements(returned, index, depth, into);
                                }
                            }
                        }
                        finally
                        {
                            _guard.Exit(call.TargetMethod.OriginalDefinition);
                        }

                        return;

                    case IConditionalOperation { WhenFalse: not null } conditional:
                        AddTupleElements(conditional.WhenTrue, index, depth, into);
                        AddTupleElements(conditional.WhenFalse, index, depth, into);
                        return;

                    default:
                        into.Add(null);
                        return;
                }
            }

            private void AddLocalTupleElements(ILocalReferenceOperation reference, int index, int depth, List<IOperation?> into)
            {
                var local = reference.Local;
                if (WritesOf(reference, local) is not { } writes || writes.Plain.Count == 0 || !_guard.TryEnter(local))
                {
                    into.Add(null);
                    return;
                }

                try
                {
                    foreach (var write in writes.Plain)
                    {
                        switch (write.Kind)
                        {
                            case WriteKind.Value:
                                AddTupleElements(write.Value, index, depth, into);
                                break;
                            case WriteKind.Element:
                                foreach (var element in Elements(write.Value, depth))
                                {
                                    AddTupleElements(element, index, depth, into);
                                }

                                break;
                            default:
                                into.Add(null);
                                break;
                        }
                    }
                }
                finally
                {
                    _guard.Exit(local);
                }
            }

            /// <summary>The element index of a tuple field (<c>Item2</c> or a named element): 0-based; null past <c>Item7</c>.</summary>
            private static int? TupleIndex(IFieldSymbol field)
            {
                var name = (field.CorrespondingTupleField ?? field).Name;
                return name.Length == 5 && name.StartsWith("Item", System.StringComparison.Ordinal) && name[4] is >= '1' and <= '7' ? name[4] - '1' : null;
            }

            /// <summary><c>KeyValuePair.Key</c>/<c>Value</c> and <c>Tuple.Item1</c>..: the element index.</summary>
            private int? PairIndex(IPropertySymbol property)
            {
                var type = property.ContainingType;
                if (Types.IsKeyValuePair(type))
                {
                    return property.Name switch { "Key" => 0, "Value" => 1, _ => null };
                }

                if (type?.Name == "Tuple" && TokenPolicy.Analyzers.Requests.ScopeFacts.IsNamespace(type.ContainingNamespace, "System"))
                {
                    var name = property.Name;
                    return name.Length == 5 && name.StartsWith("Item", System.StringComparison.Ordinal) && name[4] is >= '1' and <= '7' ? name[4] - '1' : null;
                }

                return null;
            }

            private bool IsPairType(ITypeSymbol? type)
                => type is not null && (type.IsTupleType || Types.IsKeyValuePair(type)
                   || (type.Name is "Tuple" or "ValueTuple" && TokenPolicy.Analyzers.Requests.ScopeFacts.IsNamespace(type.ContainingNamespace, "System")));

            /// <summary>An indexer by position over strings: <c>list[0]</c>, <c>span[i]</c>.</summary>
            private static bool IsListIndexer(IPropertySymbol property)
                => property.IsIndexer && property.Parameters.Length == 1 && property.Parameters[0].Type.SpecialType == SpecialType.System_Int32
                   && IsFrameworkCollection(property.ContainingType);

            /// <summary>A collection type of the framework (System.Collections.*), whose Add/indexer semantics are known.</summary>
            private static bool IsFrameworkCollection(ITypeSymbol? type)
            {
                var ns = type?.ContainingNamespace?.ToDisplayString();
                return ns is not null && ns.StartsWith("System.Collections", System.StringComparison.Ordinal);
            }

            /// <summary>A sequence of strings: an array, a span, or a framework enumerable of strings or objects.</summary>
            internal static bool IsStringSequence(ITypeSymbol type)
            {
                var element = type switch
                {
                    IArrayTypeSymbol array => array.ElementType,
                    INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                        when named.Name is "ReadOnlySpan" or "Span" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" or "List" => named.TypeArguments[0],
                    _ => null,
                };

                return element?.SpecialType is SpecialType.System_String or SpecialType.System_Object;
            }

            // ---- methods of the compilation ----

            /// <summary>The values a method of the compilation returns (evaluated once, open), bound to this call's arguments.</summary>
            private ValueSet EvaluateSourceMethod(IInvocationOperation invocation, int depth)
            {
                var definition = invocation.TargetMethod.OriginalDefinition;
                if (!IsFollowableSourceMethod(definition) || !IsFollowed(definition.ReturnType))
                {
                    return ValueSet.Unknown;
                }

                var open = _owner._returnValues.TryGetValue(definition, out var cached)
                    ? cached
                    : _guard.Cached(definition, _owner._returnValues, definition, () => ComputeReturnValues(definition, depth), ValueSet.Unknown);
                if (!open.ContainsParameter)
                {
                    return open;
                }

                // Bind the callee's parameters to this call's arguments (matched by parameter); a parameter of an enclosing
                // method (a local function's capture) stays symbolic.
                Dictionary<IParameterSymbol, ValueSet>? bound = null;
                return open.Bind(parameter =>
                {
                    if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, definition))
                    {
                        return null;
                    }

                    bound ??= new Dictionary<IParameterSymbol, ValueSet>(SymbolEqualityComparer.Default);
                    if (!bound.TryGetValue(parameter, out var value))
                    {
                        var argument = ArgumentFor(invocation.Arguments, parameter);
                        value = argument is null ? ValueSet.Unknown : EvaluateArgument(parameter, argument, depth);
                        bound[parameter] = value;
                    }

                    return value;
                });
            }

            private ValueSet ComputeReturnValues(IMethodSymbol method, int depth)
            {
                var builder = new ValueSet.Builder();
                var any = false;
                foreach (var (returned, yielded) in ReturnedOrYielded(method))
                {
                    if (yielded)
                    {
                        return ValueSet.Unknown;
                    }

                    any = true;
                    builder.AddRange(Evaluate(returned, depth));
                }

                return any ? builder.ToValueSet() : ValueSet.Unknown;
            }

            /// <summary>A method with a body in the compilation whose statically bound body is the one that runs.</summary>
            private static bool IsFollowableSourceMethod(IMethodSymbol method)
                => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                   && !method.DeclaringSyntaxReferences.IsEmpty
                   && !method.IsAbstract && !method.IsExtern && !method.IsVirtual && !method.IsOverride
                   && method.ContainingType?.TypeKind != TypeKind.Interface
                   && method.PartialImplementationPart is null;

            /// <summary>What a method's body returns (<c>return x;</c>, an expression body) or yields (<c>yield return x;</c>).</summary>
            private IEnumerable<(IOperation Value, bool Yielded)> ReturnedOrYielded(IMethodSymbol method)
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
                        if (operation is IReturnOperation { ReturnedValue: { } value } returned)
                        {
                            yield return (value, returned.Kind == OperationKind.YieldReturn);
                        }
                    }
                }
            }

            /// <summary>The receiver of a call: its instance, or the <c>this</c> argument of an extension method, or <c>Array.Find</c>'s array.</summary>
            private static IOperation? Receiver(IInvocationOperation invocation)
            {
                if (invocation.Instance is not null)
                {
                    return invocation.Instance;
                }

                var method = invocation.TargetMethod;
                if (method.IsExtensionMethod && !method.Parameters.IsEmpty)
                {
                    return ArgumentFor(invocation.Arguments, method.Parameters[0]);
                }

                return ArgumentNamed(invocation.Arguments, "array", "source");
            }

            private static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, IParameterSymbol parameter)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } bound && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, parameter.OriginalDefinition))
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static IOperation? ArgumentNamed(ImmutableArray<IArgumentOperation> arguments, string name, string? other = null, string? third = null)
            {
                foreach (var argument in arguments)
                {
                    var parameterName = argument.Parameter?.Name;
                    if (parameterName is not null && (parameterName == name || parameterName == other || parameterName == third))
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            private static string? SingleConstant(ValueSet values)
                => values.Values.Length == 1 ? values.Values[0].ConstantText : null;
        }
    }
}
