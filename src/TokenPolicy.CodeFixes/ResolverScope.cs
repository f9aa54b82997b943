using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// What is in scope where a replacement goes: a resolver to use, whether <c>await</c> is allowed, a cancellation
    /// token, and whether a resolver can be injected through the containing class's constructor.
    /// </summary>
    internal sealed class ResolverScope
    {
        private ResolverScope()
        {
        }

        /// <summary>The resolver in scope (a simple name that binds to it here), or null for <c>CredentialTokenResolver.Default</c>.</summary>
        public string? ExistingResolver { get; private set; }

        /// <summary>The enclosing method, lambda or local function is already <c>async</c> and <c>await</c> may appear here.</summary>
        public bool CanAwait { get; private set; }

        /// <summary>A <c>CancellationToken</c> parameter or local in scope (a simple name), or null.</summary>
        public string? CancellationToken { get; private set; }

        /// <summary>The class a resolver can be injected into (second action), or null when that action is not offered here.</summary>
        public TypeDeclarationSyntax? InjectionType { get; private set; }

        /// <summary><c>CredentialTokenResolver</c> already binds by its simple name here (a using or global using is in effect).</summary>
        public bool ResolverClassInScope { get; private set; }

        /// <summary>The position the names were looked up at (in the original document).</summary>
        public int Position { get; private set; }

        public static ResolverScope Compute(SemanticModel model, ExpressionSyntax target, ClientSymbols client, CancellationToken cancellationToken)
            => Compute(model, target, client.IsResolverType, client, rewritten: null, cancellationToken);

        /// <summary>
        /// The same search for any service type (<paramref name="wanted"/>): TP0004's plain-fetch rewrite looks for a
        /// <c>CredentialClient</c>. Locals and parameters declared inside <paramref name="rewritten"/> (the body the fix
        /// replaces) are not used; <see cref="ResolverClassInScope"/> is only computed for the resolver.
        /// </summary>
        public static ResolverScope Compute(SemanticModel model, SyntaxNode target, System.Func<ITypeSymbol?, bool> wanted, ClientSymbols client, SyntaxNode? rewritten, CancellationToken cancellationToken)
        {
            var scope = new ResolverScope { Position = target.SpanStart };
            var context = Walk(target);
            scope.CanAwait = context.CanAwait;

            var containingType = context.Type is null ? null : model.GetDeclaredSymbol(context.Type, cancellationToken) as INamedTypeSymbol;
            var symbols = model.LookupSymbols(scope.Position);

            ISymbol? bestResolver = null;
            var bestResolverRank = int.MaxValue;
            var bestResolverPosition = -1;
            ISymbol? bestToken = null;
            var bestTokenPosition = -1;

            foreach (var symbol in symbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (type, rank, declaredAt) = Classify(symbol, model, target, context, containingType, cancellationToken);
                if (type is null)
                {
                    continue;
                }

                if (rewritten is not null
                    && symbol is ILocalSymbol or IParameterSymbol
                    && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == rewritten.SyntaxTree && rewritten.Span.Contains(r.Span)))
                {
                    continue;
                }

                if (wanted(type) && IsNotNullable(type))
                {
                    if (rank < bestResolverRank || (rank == bestResolverRank && declaredAt > bestResolverPosition))
                    {
                        if (BindsHere(model, scope.Position, symbol))
                        {
                            bestResolver = symbol;
                            bestResolverRank = rank;
                            bestResolverPosition = declaredAt;
                        }
                    }
                }
                else if (rank <= 1
                    && SymbolEqualityComparer.Default.Equals(type, client.CancellationToken)
                    && declaredAt > bestTokenPosition
                    && BindsHere(model, scope.Position, symbol))
                {
                    bestToken = symbol;
                    bestTokenPosition = declaredAt;
                }
            }

            scope.ExistingResolver = bestResolver is null ? null : Escape(bestResolver.Name);
            scope.ResolverClassInScope = bestResolver is null && rewritten is null && TypeInScope(model, scope.Position, ClientSymbols.ResolverClassName, client.ResolverClass);
            scope.CancellationToken = bestToken is null ? null : Escape(bestToken.Name);

            if (bestResolver is null && context.Type is not null && containingType is not null && !context.TopLevel)
            {
                var canUseField = context.InstanceMembers;
                var canUsePrimary = context.PrimaryParameters && context.Type.ParameterList is not null;
                if ((canUseField || canUsePrimary) && Injection.CanInject(context.Type, containingType, model.SyntaxTree))
                {
                    scope.InjectionType = context.Type;
                }
            }

            return scope;
        }

        public static string Escape(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword ? "@" + name : name;

        /// <summary>The simple name binds to <paramref name="type"/> at <paramref name="position"/>.</summary>
        public static bool TypeInScope(SemanticModel model, int position, string name, INamedTypeSymbol type)
        {
            var found = model.LookupNamespacesAndTypes(position, name: name);
            return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], type);
        }

        private static bool IsNotNullable(ITypeSymbol type)
            => type.IsValueType || type.NullableAnnotation != NullableAnnotation.Annotated;

        private static bool BindsHere(SemanticModel model, int position, ISymbol symbol)
        {
            var found = model.LookupSymbols(position, name: symbol.Name);
            return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], symbol);
        }

        /// <summary>
        /// The type of a usable value symbol, its rank (0 parameter or local, 1 parameter or local of an outer function,
        /// 2 field, 3 property, 4 primary-constructor parameter) and where it is declared; type null when not usable here.
        /// </summary>
        private static (ITypeSymbol? Type, int Rank, int DeclaredAt) Classify(
            ISymbol symbol, SemanticModel model, SyntaxNode target, WalkResult context, INamedTypeSymbol? containingType, CancellationToken cancellationToken)
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                {
                    var declaration = DeclarationOf(local, cancellationToken);
                    if (declaration is null || !DeclaredBefore(declaration, target) || !InsideBoundary(declaration, context))
                    {
                        return default;
                    }

                    return (local.Type, 0, declaration.SpanStart);
                }

                case IParameterSymbol parameter when !parameter.IsDiscard && parameter.RefKind != RefKind.Out:
                {
                    var declaration = DeclarationOf(parameter, cancellationToken);
                    if (declaration is null)
                    {
                        return default;
                    }

                    if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                        && declaration.Parent?.Parent is TypeDeclarationSyntax)
                    {
                        // A primary-constructor parameter.
                        return context.PrimaryParameters && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, containingType)
                            ? (parameter.Type, 4, declaration.SpanStart)
                            : default;
                    }

                    return InsideBoundary(declaration, context) && declaration.SyntaxTree == target.SyntaxTree && Contains(declaration.Parent?.Parent, target)
                        ? (parameter.Type, 0, declaration.SpanStart)
                        : default;
                }

                case IFieldSymbol field when !field.IsImplicitlyDeclared && !field.IsConst:
                    return UsableMember(field, context, containingType, target) ? (field.Type, 2, 0) : default;

                case IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null:
                    return UsableMember(property, context, containingType, target) ? (property.Type, 3, 0) : default;

                default:
                    return default;
            }
        }

        private static bool Contains(SyntaxNode? container, SyntaxNode node)
            => container is not null && container.Span.Contains(node.Span);

        private static bool UsableMember(ISymbol member, WalkResult context, INamedTypeSymbol? containingType, SyntaxNode target)
        {
            if (member.IsStatic)
            {
                return !context.Constant && InitializedBefore(member, context, containingType) && SetBeforeInConstructor(member, context, containingType, target);
            }

            if (!context.InstanceMembers || containingType is null)
            {
                return false;
            }

            for (var type = containingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, member.ContainingType))
                {
                    return SetBeforeInConstructor(member, context, containingType, target);
                }
            }

            return false;
        }

        /// <summary>
        /// In a constructor of the member's own type (static members in a static constructor, instance members in an
        /// instance one), the member is set only once the constructor assigned it: it needs an initializer, or an
        /// assignment in a statement of the constructor's body that ends before the target. A chained <c>this(...)</c>
        /// is not looked into.
        /// </summary>
        private static bool SetBeforeInConstructor(ISymbol member, WalkResult context, INamedTypeSymbol? containingType, SyntaxNode target)
        {
            if (context.Constructor is not { } constructor
                || containingType is null
                || constructor.Modifiers.Any(SyntaxKind.StaticKeyword) != member.IsStatic
                || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
            {
                return true;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax { Initializer: not null }:
                    case PropertyDeclarationSyntax { Initializer: not null }:
                        return true;
                }
            }

            if (constructor.Body is null)
            {
                return false;
            }

            foreach (var statement in constructor.Body.Statements)
            {
                if (statement.Span.End > target.SpanStart)
                {
                    break;
                }

                if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment }
                    && AssignedName(assignment.Left) == member.Name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? AssignedName(ExpressionSyntax left)
            => left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
                _ => null,
            };

        /// <summary>
        /// In a static field or property initializer, static members of the same type are initialized in textual order:
        /// one declared later (or in another part of a partial type) is still null here, so it is not used.
        /// </summary>
        private static bool InitializedBefore(ISymbol member, WalkResult context, INamedTypeSymbol? containingType)
        {
            if (context.StaticInitializer is not { } initializer
                || containingType is null
                || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
            {
                return true;
            }

            var references = member.DeclaringSyntaxReferences;
            return references.Length == 1
                && references[0].SyntaxTree == initializer.SyntaxTree
                && references[0].Span.End <= initializer.SpanStart;
        }

        private static SyntaxNode? DeclarationOf(ISymbol symbol, CancellationToken cancellationToken)
        {
            var references = symbol.DeclaringSyntaxReferences;
            return references.Length == 1 ? references[0].GetSyntax(cancellationToken) : null;
        }

        /// <summary>A local is usable when it is declared with a value before the target (or is a foreach variable around it).</summary>
        private static bool DeclaredBefore(SyntaxNode declaration, SyntaxNode target)
        {
            if (declaration.SyntaxTree != target.SyntaxTree)
            {
                return false;
            }

            switch (declaration)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Initializer is not null && declarator.Span.End <= target.SpanStart;
                case ForEachStatementSyntax forEach:
                    return forEach.Statement.Span.Contains(target.Span);
                default:
                    return false;
            }
        }

        private static bool InsideBoundary(SyntaxNode declaration, WalkResult context)
            => context.StaticBoundary is null || context.StaticBoundary.Span.Contains(declaration.Span);

        private static WalkResult Walk(SyntaxNode target)
        {
            var result = new WalkResult();
            bool? canAwait = null;
            var awaitBlocked = false;
            var constructorInitializer = false;
            SyntaxNode child = target;
            for (var node = target.Parent; node is not null; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case LockStatementSyntax lockStatement when lockStatement.Statement == child:
                    case CatchFilterClauseSyntax:
                    case UnsafeStatementSyntax:
                    case QueryExpressionSyntax:
                        awaitBlocked = true;
                        continue;

                    case AnonymousFunctionExpressionSyntax function:
                        canAwait ??= !awaitBlocked && function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                        if (function.Modifiers.Any(SyntaxKind.StaticKeyword))
                        {
                            result.StaticBoundary ??= function;
                        }

                        continue;

                    case LocalFunctionStatementSyntax localFunction:
                        canAwait ??= !awaitBlocked && localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword);
                        if (localFunction.Modifiers.Any(SyntaxKind.StaticKeyword))
                        {
                            result.StaticBoundary ??= localFunction;
                        }

                        continue;

                    case ConstructorInitializerSyntax:
                        constructorInitializer = true;
                        continue;

                    case AccessorDeclarationSyntax:
                        canAwait ??= false;
                        continue;

                    case BaseMethodDeclarationSyntax method:
                    {
                        canAwait ??= !awaitBlocked && method is MethodDeclarationSyntax && method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                        var instance = !method.Modifiers.Any(SyntaxKind.StaticKeyword)
                            && method is not OperatorDeclarationSyntax && method is not ConversionOperatorDeclarationSyntax
                            && !constructorInitializer;
                        result.InstanceMembers = instance;
                        result.PrimaryParameters = instance;
                        result.Type = method.Parent as TypeDeclarationSyntax;
                        result.Constructor = method as ConstructorDeclarationSyntax;
                        goto Done;
                    }

                    case BasePropertyDeclarationSyntax property:
                    {
                        canAwait ??= false;
                        var isStatic = property.Modifiers.Any(SyntaxKind.StaticKeyword);
                        var initializer = child is EqualsValueClauseSyntax;
                        if (isStatic && initializer)
                        {
                            result.StaticInitializer = property;
                        }

                        result.InstanceMembers = !isStatic && !initializer;
                        result.PrimaryParameters = !isStatic;
                        result.Type = property.Parent as TypeDeclarationSyntax;
                        goto Done;
                    }

                    case BaseFieldDeclarationSyntax field:
                    {
                        canAwait ??= false;
                        var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                        result.Constant = isConst;
                        if (field.Modifiers.Any(SyntaxKind.StaticKeyword))
                        {
                            result.StaticInitializer = field;
                        }

                        result.PrimaryParameters = !isConst && !field.Modifiers.Any(SyntaxKind.StaticKeyword);
                        result.Type = field.Parent as TypeDeclarationSyntax;
                        goto Done;
                    }

                    case GlobalStatementSyntax:
                        canAwait ??= !awaitBlocked && TopLevelIsAsync(node.Parent as CompilationUnitSyntax);
                        result.TopLevel = true;
                        goto Done;

                    case PrimaryConstructorBaseTypeSyntax:
                        canAwait ??= false;
                        result.PrimaryParameters = true;
                        result.Type = node.Parent?.Parent as TypeDeclarationSyntax;
                        goto Done;

                    case AttributeSyntax:
                    case ParameterSyntax:
                    case EnumMemberDeclarationSyntax:
                        result.Constant = true;
                        goto Done;

                    case TypeDeclarationSyntax type:
                        result.Type = type;
                        goto Done;
                }
            }

        Done:
            if (result.StaticBoundary is not null)
            {
                result.InstanceMembers = false;
                result.PrimaryParameters = false;
            }

            result.CanAwait = canAwait ?? false;
            return result;
        }

        /// <summary>Top-level statements form an async entry point when one of them (outside lambdas and local functions) awaits.</summary>
        private static bool TopLevelIsAsync(CompilationUnitSyntax? unit)
        {
            if (unit is null)
            {
                return false;
            }

            foreach (var member in unit.Members)
            {
                if (member is not GlobalStatementSyntax global)
                {
                    continue;
                }

                foreach (var node in global.DescendantNodesAndSelf(static n => n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax))
                {
                    switch (node)
                    {
                        case AwaitExpressionSyntax:
                        case ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                        case ForEachVariableStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                        case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                        case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }:
                            return true;
                    }
                }
            }

            return false;
        }

        private sealed class WalkResult
        {
            public bool CanAwait;
            public bool InstanceMembers;
            public bool PrimaryParameters;
            public bool Constant;
            public bool TopLevel;
            public SyntaxNode? StaticBoundary;

            /// <summary>The static field or property whose initializer holds the target (static members are initialized in textual order).</summary>
            public SyntaxNode? StaticInitializer;

            /// <summary>The constructor whose body holds the target: members it assigns are set only from there on.</summary>
            public ConstructorDeclarationSyntax? Constructor;
            public TypeDeclarationSyntax? Type;
        }
    }
}
