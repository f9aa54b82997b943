using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>How a write gives its variable a value.</summary>
    internal enum WriteKind
    {
        /// <summary>The variable is <see cref="Write.Value"/> (initializer, assignment, a pattern's input).</summary>
        Value,

        /// <summary>The variable is any element of the collection <see cref="Write.Value"/> (<c>foreach</c>).</summary>
        Element,

        /// <summary>The variable is element <see cref="Write.Index"/> of the tuple <see cref="Write.Value"/> (deconstruction).</summary>
        TupleElement,

        /// <summary>Element <see cref="Write.Index"/> of the tuple that is any element of the collection <see cref="Write.Value"/> (<c>foreach (var (a, b) in ...)</c>).</summary>
        ElementTupleElement,

        /// <summary>A value this index cannot follow (out/ref argument, compound assignment other than <c>+=</c>, nested deconstruction).</summary>
        Unknown,
    }

    /// <summary>One write of a local or parameter.</summary>
    internal readonly struct Write
    {
        public Write(WriteKind kind, IOperation? value, int index = 0)
        {
            Kind = value is null ? WriteKind.Unknown : kind;
            Value = value;
            Index = index;
        }

        public WriteKind Kind { get; }

        public IOperation? Value { get; }

        public int Index { get; }

        public static Write Unknown => new(WriteKind.Unknown, null);
    }

    /// <summary>
    /// Every value written to each local and parameter of one body (method, accessor, lambda-holding initializer,
    /// top-level statements), built once per body: assignments, <c>+=</c> appends, pattern variables (the tested value),
    /// <c>foreach</c> variables (an element of the collection), deconstruction (a tuple element), and the calls made on
    /// each local (<c>list.Add(x)</c>, <c>builder.Append(x)</c>) with whether the local escapes as an argument.
    /// </summary>
    internal sealed class LocalAssignments
    {
        private readonly Dictionary<ISymbol, Writes> _writes = new(SymbolEqualityComparer.Default);

        /// <summary>The writes of a local or parameter (<see cref="ILocalSymbol"/> or <see cref="IParameterSymbol"/>).</summary>
        public bool TryGet(ISymbol variable, out Writes writes) => _writes.TryGetValue(variable, out writes!);

        public static LocalAssignments Build(IOperation root)
        {
            var index = new LocalAssignments();
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        index.Get(declarator.Symbol).Plain.Add(new Write(WriteKind.Value, initializer.Value));
                        break;

                    case ISimpleAssignmentOperation { IsRef: false } assignment when Variable(assignment.Target) is { } target:
                        index.Get(target).Plain.Add(new Write(WriteKind.Value, assignment.Value));
                        break;

                    case ICoalesceAssignmentOperation coalesce when Variable(coalesce.Target) is { } target:
                        index.Get(target).Plain.Add(new Write(WriteKind.Value, coalesce.Value));
                        break;

                    case ICompoundAssignmentOperation compound when Variable(compound.Target) is { } target:
                        if (compound.OperatorKind == BinaryOperatorKind.Add)
                        {
                            index.Get(target).Appended.Add(compound.Value);
                        }
                        else
                        {
                            index.Get(target).Plain.Add(Write.Unknown);
                        }

                        break;

                    case IArgumentOperation argument:
                        if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                        {
                            foreach (var written in WrittenVariables(argument.Value))
                            {
                                index.Get(written).Plain.Add(Write.Unknown);
                            }
                        }
                        else if (Variable(Unwrap(argument.Value)) is ILocalSymbol passed && !IsReadOnlyUse(argument.Parameter))
                        {
                            // A collection or builder handed to other code may be changed there.
                            index.Get(passed).Escapes = true;
                        }

                        break;

                    case IInvocationOperation { Instance: { } instance } invocation when Variable(Unwrap(instance)) is ILocalSymbol receiver:
                        index.Get(receiver).Calls.Add(invocation);
                        break;

                    case IDeconstructionAssignmentOperation deconstruction:
                        AddTupleWrites(index, deconstruction.Target, WriteKind.TupleElement, deconstruction.Value);
                        break;

                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern:
                        index.Get(declared).Plain.Add(new Write(WriteKind.Value, PatternInput(pattern)));
                        break;

                    case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern:
                        index.Get(declared).Plain.Add(new Write(WriteKind.Value, PatternInput(pattern)));
                        break;

                    case IForEachLoopOperation loop:
                        AddLoopWrites(index, loop);
                        break;

                    case ISimpleAssignmentOperation { IsRef: true } refAssignment when Variable(refAssignment.Target) is { } target:
                        // `r = ref other;`: the alias can be anything from now on.
                        index.Get(target).Plain.Add(Write.Unknown);
                        break;
                }
            }

            return index;
        }

        /// <summary>The value a pattern tests, when it is the input of an <c>is</c>, a switch or a switch expression.</summary>
        internal static IOperation? PatternInput(IPatternOperation pattern)
        {
            IOperation current = pattern;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression }:
                        return switchExpression.Value;
                    case IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } }:
                        return switchStatement.Value;
                    case IBinaryPatternOperation or INegatedPatternOperation:
                        // `x is string s and { Length: > 0 }`: the same input.
                        current = parent;
                        continue;
                    default:
                        // A sub-pattern of a property or list pattern tests a part of the input: not followed.
                        return null;
                }
            }
        }

        private static void AddLoopWrites(LocalAssignments index, IForEachLoopOperation loop)
        {
            var collection = loop.Collection;
            var known = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation declarator:
                    index.Get(declarator.Symbol).Plain.Add(new Write(WriteKind.Element, collection));
                    known.Add(declarator.Symbol);
                    break;
                case IDeclarationExpressionOperation { Expression: ITupleOperation tuple }:
                    AddTupleWrites(index, tuple, WriteKind.ElementTupleElement, collection, known);
                    break;
                case ITupleOperation tuple:
                    AddTupleWrites(index, tuple, WriteKind.ElementTupleElement, collection, known);
                    break;
                case { } other when Variable(other) is { } existing:
                    index.Get(existing).Plain.Add(new Write(WriteKind.Element, collection));
                    known.Add(existing);
                    break;
            }

            foreach (var local in loop.Locals)
            {
                if (!known.Contains(local))
                {
                    index.Get(local).Plain.Add(Write.Unknown);
                }
            }
        }

        /// <summary>Element <c>i</c> of the target tuple gets element <c>i</c> of <paramref name="value"/>; nested tuples are not followed.</summary>
        private static void AddTupleWrites(LocalAssignments index, IOperation target, WriteKind kind, IOperation value, HashSet<ISymbol>? known = null)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            if (target is not ITupleOperation tuple)
            {
                foreach (var written in WrittenVariables(target))
                {
                    index.Get(written).Plain.Add(Write.Unknown);
                }

                return;
            }

            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var element = tuple.Elements[i];
                if (element is IDeclarationExpressionOperation inner)
                {
                    element = inner.Expression;
                }

                if (Variable(element) is { } variable)
                {
                    index.Get(variable).Plain.Add(new Write(kind, value, i));
                    known?.Add(variable);
                    continue;
                }

                foreach (var written in WrittenVariables(element))
                {
                    index.Get(written).Plain.Add(Write.Unknown);
                    known?.Add(written);
                }
            }
        }

        /// <summary>A parameter that only reads what it is given: a read-only view, or a string, path, file or LINQ method.</summary>
        private static bool IsReadOnlyUse(IParameterSymbol? parameter)
        {
            if (parameter is null)
            {
                return false;
            }

            if (parameter.Type is INamedTypeSymbol { Name: "IEnumerable" or "IReadOnlyCollection" or "IReadOnlyList" or "ReadOnlySpan" or "ReadOnlyMemory" or "String" })
            {
                return true;
            }

            var type = parameter.ContainingSymbol?.ContainingType;
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return (type?.Name is "String" && ns == "System") || (type?.Name is "Path" or "File" && ns == "System.IO") || (type?.Name == "Enumerable" && ns == "System.Linq");
        }

        internal static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { Conversion.IsUserDefined: false } or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        private static ISymbol? Variable(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        private static IEnumerable<ISymbol> WrittenVariables(IOperation target)
        {
            var direct = Variable(target);
            if (direct is not null)
            {
                yield return direct;
                yield break;
            }

            foreach (var descendant in target.Descendants())
            {
                var variable = Variable(descendant);
                if (variable is not null)
                {
                    yield return variable;
                }
            }
        }

        private Writes Get(ISymbol variable)
        {
            if (!_writes.TryGetValue(variable, out var writes))
            {
                writes = new Writes();
                _writes.Add(variable, writes);
            }

            return writes;
        }

        /// <summary>The writes of one local or parameter.</summary>
        internal sealed class Writes
        {
            /// <summary>Values assigned as a whole.</summary>
            public List<Write> Plain { get; } = new();

            /// <summary>The plain writes as values: a write that is not the variable's whole value (an element, a tuple part) is null (unknown).</summary>
            public List<IOperation?> PlainValues()
            {
                var values = new List<IOperation?>(Plain.Count);
                foreach (var write in Plain)
                {
                    values.Add(write.Kind == WriteKind.Value ? write.Value : null);
                }

                return values;
            }

            /// <summary>Values appended with <c>+=</c>, in source order.</summary>
            public List<IOperation> Appended { get; } = new();

            /// <summary>Calls made on the local (<c>list.Add(x)</c>, <c>builder.Append(x)</c>), in source order.</summary>
            public List<IInvocationOperation> Calls { get; } = new();

            /// <summary>The local is passed as an argument somewhere (other code may change the object it holds).</summary>
            public bool Escapes { get; set; }
        }
    }
}
