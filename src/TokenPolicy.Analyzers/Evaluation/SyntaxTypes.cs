using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>What a declared type can hold, read off its syntax (nothing bound): unknown names (<c>var</c>, aliases) count as yes.</summary>
    internal static class SyntaxTypes
    {
        /// <summary>A string, object, path, builder, or a sequence, task or tuple of one.</summary>
        public static bool CanHoldString(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.Kind() is SyntaxKind.StringKeyword or SyntaxKind.ObjectKeyword,
            NullableTypeSyntax nullable => CanHoldString(nullable.ElementType),
            ArrayTypeSyntax array => CanHoldString(array.ElementType),
            TupleTypeSyntax tuple => AnyElement(tuple),
            RefTypeSyntax reference => CanHoldString(reference.Type),
            GenericNameSyntax generic => IsCharSpan(generic) || AnyArgument(generic.TypeArgumentList),
            QualifiedNameSyntax { Right: GenericNameSyntax generic } => IsCharSpan(generic) || AnyArgument(generic.TypeArgumentList),
            IdentifierNameSyntax identifier => identifier.IsVar || IsStringLikeName(identifier.Identifier.ValueText),
            QualifiedNameSyntax qualified => IsStringLikeName(qualified.Right.Identifier.ValueText),
            _ => true,
        };

        /// <summary>A parameter type whose argument method summaries follow: string, object, FileInfo (or an alias), or a sequence of strings.</summary>
        public static bool MayBeFollowedParameterType(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.Kind() is SyntaxKind.StringKeyword or SyntaxKind.ObjectKeyword,
            NullableTypeSyntax nullable => MayBeFollowedParameterType(nullable.ElementType),
            ArrayTypeSyntax array => MayBeFollowedParameterType(array.ElementType),
            GenericNameSyntax { Identifier.ValueText: "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" or "List" or "ReadOnlySpan" or "Span" } generic
                => generic.TypeArgumentList.Arguments.Count == 1 && MayBeFollowedParameterType(generic.TypeArgumentList.Arguments[0]),
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText is "String" or "Object" or "FileInfo" || !IsKnownOtherName(identifier.Identifier.ValueText),
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "String" or "Object" or "FileInfo",
            _ => false,
        };

        private static bool IsStringLikeName(string name) => name is "String" or "Object" or "FileInfo" or "StringBuilder" or "Uri" or "StringValues";

        /// <summary><c>ReadOnlySpan&lt;char&gt;</c>/<c>ReadOnlyMemory&lt;char&gt;</c>: text.</summary>
        private static bool IsCharSpan(GenericNameSyntax generic)
            => generic.Identifier.ValueText is "ReadOnlySpan" or "ReadOnlyMemory"
               && generic.TypeArgumentList.Arguments.Count == 1
               && generic.TypeArgumentList.Arguments[0] is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.CharKeyword };

        /// <summary>
        /// A simple name is assumed to be some other type, except a single upper-case letter (a type parameter, which
        /// may be string at a call) and names that may be an alias: a conservative "no" only for ordinary type names.
        /// </summary>
        private static bool IsKnownOtherName(string name) => name.Length > 1;

        private static bool AnyElement(TupleTypeSyntax tuple)
        {
            foreach (var element in tuple.Elements)
            {
                if (CanHoldString(element.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyArgument(TypeArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (CanHoldString(argument))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
