using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Every value written to each local and parameter of one body (method, accessor, lambda-holding initializer,
    /// top-level statements), built once per body. A write whose value cannot be known (out/ref argument, pattern,
    /// foreach, deconstruction, compound assignment other than <c>+=</c>) is recorded as null.
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
                        index.Get(declarator.Symbol).Plain.Add(initializer.Value);
                        break;

                    case ISimpleAssignmentOperation { IsRef: false } assignment when Variable(assignment.Target) is { } target:
                        index.Get(target).Plain.Add(assignment.Value);
                        break;

                    case ICoalesceAssignmentOperation coalesce when Variable(coalesce.Target) is { } target:
                        index.Get(target).Plain.Add(coalesce.Value);
                        break;

                    case ICompoundAssignmentOperation compound when Variable(compound.Target) is { } target:
                        if (compound.OperatorKind == BinaryOperatorKind.Add)
                        {
                            index.Get(target).Appended.Add(compound.Value);
                        }
                        else
                        {
                            index.Get(target).Plain.Add(null);
                        }

                        break;

                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                        foreach (var written in WrittenVariables(argument.Value))
                        {
                            index.Get(written).Plain.Add(null);
                        }

                        break;

                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var written in WrittenVariables(deconstruction.Target))
                        {
                            index.Get(written).Plain.Add(null);
                        }

                        break;

                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared }:
                        index.Get(declared).Plain.Add(null);
                        break;

                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            index.Get(local).Plain.Add(null);
                        }

                        break;

                    case ISimpleAssignmentOperation { IsRef: true } refAssignment when Variable(refAssignment.Target) is { } target:
                        // `r = ref other;`: the alias can be anything from now on.
                        index.Get(target).Plain.Add(null);
                        break;
                }
            }

            return index;
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
            /// <summary>Values assigned as a whole (null: unknown).</summary>
            public List<IOperation?> Plain { get; } = new();

            /// <summary>Values appended with <c>+=</c>, in source order.</summary>
            public List<IOperation> Appended { get; } = new();
        }
    }
}
