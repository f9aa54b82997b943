using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Every value assigned to the fields and properties of one type (and the members it inherits) from inside that type (constructors, init
    /// accessors, methods, lambdas, nested types; all partial declarations), built once per type and compilation.
    /// A write whose value cannot be followed (compound assignment, out/ref argument, deconstruction) is recorded as null.
    /// </summary>
    internal sealed class MemberAssignments
    {
        private static readonly MemberAssignments Empty = new();

        private readonly Dictionary<ISymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);

        public bool TryGet(ISymbol member, out List<IOperation?> values) => _writes.TryGetValue(member, out values!);

        public static MemberAssignments Build(INamedTypeSymbol type, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            if (type.DeclaringSyntaxReferences.IsEmpty)
            {
                return Empty;
            }

            var index = new MemberAssignments();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);

                // A type of a referenced project (as workspaces present it) has no model here: its writes are unknown.
                var model = evaluator.GetSemanticModel(declaration.SyntaxTree);
                if (model is null)
                {
                    continue;
                }

                // Nested types are included: they may write the container's private (static) members.
                foreach (var node in declaration.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignmentSyntax:
                            // Object initializers assign members of another object; skip them cheaply.
                            if (assignmentSyntax.Parent is InitializerExpressionSyntax)
                            {
                                continue;
                            }

                            switch (model.GetOperation(assignmentSyntax, cancellationToken))
                            {
                                case ISimpleAssignmentOperation simple when TargetMember(simple.Target, type) is { } member:
                                    index.Add(member, simple.IsRef ? null : simple.Value);
                                    break;
                                case ICoalesceAssignmentOperation coalesce when TargetMember(coalesce.Target, type) is { } member:
                                    index.Add(member, coalesce.Value);
                                    break;
                                case ICompoundAssignmentOperation compound when TargetMember(compound.Target, type) is { } member:
                                    index.Add(member, null);
                                    break;
                                case IDeconstructionAssignmentOperation deconstruction:
                                    AddUnknownWrites(index, deconstruction.Target, type);
                                    break;
                            }

                            break;

                        case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword or (int)SyntaxKind.RefKeyword } argument:
                            if (model.GetOperation(argument.Expression, cancellationToken) is { } written)
                            {
                                AddUnknownWrites(index, written, type);
                            }

                            break;
                    }
                }
            }

            return index;
        }

        private static void AddUnknownWrites(MemberAssignments index, IOperation target, INamedTypeSymbol type)
        {
            if (TargetMember(target, type) is { } direct)
            {
                index.Add(direct, null);
                return;
            }

            foreach (var descendant in target.Descendants())
            {
                if (TargetMember(descendant, type) is { } member)
                {
                    index.Add(member, null);
                }
            }
        }

        private static ISymbol? TargetMember(IOperation target, INamedTypeSymbol type)
        {
            var (member, instance) = target switch
            {
                IFieldReferenceOperation field => ((ISymbol)field.Field, field.Instance),
                IPropertyReferenceOperation property => (property.Property, property.Instance),
                _ => (null, null),
            };

            if (member is null || !IsSameOrBase(member.ContainingType, type))
            {
                return null;
            }

            // this.x = ... or a static member; not other.x = ...
            return instance is null or IInstanceReferenceOperation ? member.OriginalDefinition : null;
        }

        /// <summary>The type itself, or one of its base types (a derived type's constructor may set an inherited member).</summary>
        private static bool IsSameOrBase(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(ISymbol member, IOperation? value)
        {
            if (!_writes.TryGetValue(member, out var values))
            {
                values = new List<IOperation?>();
                _writes.Add(member, values);
            }

            values.Add(value);
        }
    }
}
