using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Every value written to each local of one body (method, accessor, lambda-holding initializer, top-level
    /// statements), built once per body. A write whose value cannot be known (out/ref argument, pattern,
    /// foreach, deconstruction) is recorded as null.
    /// </summary>
    internal sealed class LocalAssignments
    {
        private readonly Dictionary<ILocalSymbol, Writes> _writes = new(SymbolEqualityComparer.Default);

        public bool TryGet(ILocalSymbol local, out Writes writes) => _writes.TryGetValue(local, out writes!);

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

                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        index.Get(target.Local).Plain.Add(assignment.Value);
                        break;

                    case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target } coalesce:
                        index.Get(target.Local).Plain.Add(coalesce.Value);
                        break;

                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound:
                        if (compound.OperatorKind == BinaryOperatorKind.Add)
                        {
                            index.Get(target.Local).Appended.Add(compound.Value);
                        }
                        else
                        {
                            index.Get(target.Local).Plain.Add(null);
                        }

                        break;

                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                        foreach (var written in WrittenLocals(argument.Value))
                        {
                            index.Get(written).Plain.Add(null);
                        }

                        break;

                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var written in WrittenLocals(deconstruction.Target))
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

                    case IUsingOperation or IUsingDeclarationOperation or ICatchClauseOperation:
                        // Resources and exceptions are never strings we follow; declarators inside are handled above.
                        break;
                }
            }

            return index;
        }

        private static IEnumerable<ILocalSymbol> WrittenLocals(IOperation target)
        {
            if (target is ILocalReferenceOperation direct)
            {
                yield return direct.Local;
                yield break;
            }

            foreach (var descendant in target.Descendants())
            {
                if (descendant is ILocalReferenceOperation local)
                {
                    yield return local.Local;
                }
            }
        }

        private Writes Get(ILocalSymbol local)
        {
            if (!_writes.TryGetValue(local, out var writes))
            {
                writes = new Writes();
                _writes.Add(local, writes);
            }

            return writes;
        }

        /// <summary>The writes of one local.</summary>
        internal sealed class Writes
        {
            /// <summary>Values assigned as a whole (null: unknown).</summary>
            public List<IOperation?> Plain { get; } = new();

            /// <summary>Values appended with <c>+=</c>.</summary>
            public List<IOperation> Appended { get; } = new();
        }
    }
}
