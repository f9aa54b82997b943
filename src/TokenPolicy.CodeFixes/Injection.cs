using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TokenPolicy.CodeFixes
{
    /// <summary>A service a fix injects through the constructor: its type and the names the field and parameter start from.</summary>
    internal sealed class InjectedType
    {
        private InjectedType(string simpleName, string qualifiedName, INamedTypeSymbol symbol, string field, string parameter)
        {
            SimpleName = simpleName;
            QualifiedName = qualifiedName;
            Symbol = symbol;
            Field = field;
            Parameter = parameter;
        }

        /// <summary>The type's simple name (used when it binds there).</summary>
        public string SimpleName { get; }

        /// <summary><c>global::</c>-qualified, simplified (and a using directive added) after the edit.</summary>
        public string QualifiedName { get; }

        public INamedTypeSymbol Symbol { get; }

        /// <summary>The field's base name.</summary>
        public string Field { get; }

        /// <summary>The parameter's base name.</summary>
        public string Parameter { get; }

        /// <summary><c>ICredentialTokenResolver</c> (TP0001, TP0002, TP0004's header fix).</summary>
        public static InjectedType Resolver(ClientSymbols client)
            => new(ClientSymbols.ResolverInterfaceName, ClientSymbols.QualifiedResolverInterface, client.ResolverInterface, "_credentialTokenResolver", "credentialTokenResolver");

        /// <summary><c>CredentialClient</c> (TP0004's plain-fetch rewrite).</summary>
        public static InjectedType CredentialClient(INamedTypeSymbol credentialClient)
            => new(ClientSymbols.CredentialClientName, ClientSymbols.QualifiedCredentialClient, credentialClient, "_credentialClient", "credentialClient");
    }

    /// <summary>Names chosen for one class's injected service.</summary>
    internal sealed class InjectionNames
    {
        public InjectionNames(InjectedType type, string field, string parameter, bool viaPrimaryConstructor, bool typeInScope, string newLine)
        {
            Type = type;
            NewLine = newLine;
            TypeInScope = typeInScope;
            Field = field;
            Parameter = parameter;
            ViaPrimaryConstructor = viaPrimaryConstructor;
        }

        /// <summary>What is injected.</summary>
        public InjectedType Type { get; }

        /// <summary>The readonly field (unused with a primary constructor).</summary>
        public string Field { get; }

        /// <summary>The constructor parameter, the same name in every constructor.</summary>
        public string Parameter { get; }

        /// <summary>The class has a primary constructor: the parameter is added there and used directly (no field).</summary>
        public bool ViaPrimaryConstructor { get; }

        /// <summary>The injected type binds by its simple name in the class (no using directive needed).</summary>
        public bool TypeInScope { get; }

        /// <summary>The document's line ending.</summary>
        public string NewLine { get; }

        /// <summary>What the fixed code calls the resolver.</summary>
        public string Reference => ViaPrimaryConstructor ? Parameter : Field;
    }

    /// <summary>
    /// Injects a service (<see cref="InjectedType"/>) through the constructor: the second action of TP0001/TP0002, "Inject
    /// ICredentialTokenResolver through the constructor", and TP0004's plain-fetch rewrite when no CredentialClient is in scope. With a primary constructor the
    /// parameter is appended to it (and passed on by every other constructor's <c>this(...)</c>); otherwise a
    /// <c>private readonly</c> field is added, and every instance constructor gets the parameter: constructors that
    /// chain to <c>this(...)</c> pass it on, the others assign the field. A class without constructors gets one.
    /// </summary>
    internal static class Injection
    {
        /// <summary>Classes (and record classes without a parameter list) whose constructors are all here and can take one more required parameter.</summary>
        public static bool CanInject(TypeDeclarationSyntax type, INamedTypeSymbol symbol, SyntaxTree tree)
        {
            var isClass = type is ClassDeclarationSyntax
                || (type is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) && record.ParameterList is null);
            if (!isClass || symbol.IsStatic || type.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return false;
            }

            if (type.ParameterList is not null && !CanAppendRequired(type.ParameterList))
            {
                return false;
            }

            foreach (var constructor in symbol.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared)
                {
                    continue;
                }

                var references = constructor.DeclaringSyntaxReferences;
                if (references.Length != 1 || references[0].SyntaxTree != tree)
                {
                    return false;
                }

                switch (references[0].GetSyntax())
                {
                    case TypeDeclarationSyntax declaration when declaration == type:
                        break;
                    case ConstructorDeclarationSyntax declaration
                        when declaration.Parent == type
                            && (declaration.Body is not null || declaration.ExpressionBody is not null)
                            && CanAppendRequired(declaration.ParameterList)
                            && (type.ParameterList is null || declaration.Initializer.IsKind(SyntaxKind.ThisConstructorInitializer)):
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Names that clash with nothing in the class, its bases, its constructors or at any of the use sites.</summary>
        public static InjectionNames ChooseNames(TypeDeclarationSyntax type, INamedTypeSymbol symbol, SemanticModel model, InjectedType injected, IEnumerable<int> usePositions)
        {
            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            for (var current = symbol; current is not null; current = current.BaseType)
            {
                foreach (var name in current.MemberNames)
                {
                    taken.Add(name);
                }
            }

            foreach (var parameter in type.DescendantNodes().OfType<ParameterSyntax>())
            {
                taken.Add(parameter.Identifier.ValueText);
            }

            foreach (var declarator in type.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                taken.Add(declarator.Identifier.ValueText);
            }

            var positions = usePositions.ToList();
            string Unique(string baseName)
            {
                for (var i = 1; ; i++)
                {
                    var candidate = i == 1 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!taken.Contains(candidate) && positions.All(p => model.LookupSymbols(p, name: candidate).IsEmpty))
                    {
                        taken.Add(candidate);
                        return candidate;
                    }
                }
            }

            var viaPrimary = type.ParameterList is not null;
            var parameterName = Unique(injected.Parameter);
            var fieldName = viaPrimary ? string.Empty : Unique(injected.Field);
            var inScope = ResolverScope.TypeInScope(model, type.OpenBraceToken.SpanStart, injected.SimpleName, injected.Symbol);
            var newLine = type.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
            return new InjectionNames(injected, fieldName, parameterName, viaPrimary, inScope, string.IsNullOrEmpty(newLine) ? "\n" : newLine);
        }

        /// <summary>Adds the parameter (and field) to <paramref name="type"/>, the class as already edited.</summary>
        public static TypeDeclarationSyntax Apply(TypeDeclarationSyntax type, InjectionNames names)
        {
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(names.Parameter))
                .WithType(InjectedTypeSyntax(names).WithTrailingTrivia(SyntaxFactory.Space));

            // Every explicit instance constructor takes the parameter; `this(...)` passes it on.
            type = type.ReplaceNodes(
                type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)),
                (_, constructor) => AddToConstructor(constructor, parameter, names));

            if (names.ViaPrimaryConstructor)
            {
                return type.WithParameterList(AppendParameter(type.ParameterList!, parameter));
            }

            var field = SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(InjectedTypeSyntax(names).WithTrailingTrivia(SyntaxFactory.Space))
                        .AddVariables(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(names.Field))))
                .WithModifiers(SyntaxFactory.TokenList(
                    SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithAdditionalAnnotations(Formatter.Annotation);

            var members = type.Members;
            var fieldIndex = 0;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is FieldDeclarationSyntax)
                {
                    fieldIndex = i + 1;
                }
            }

            var added = new List<MemberDeclarationSyntax> { field };
            if (!members.Any(m => m is ConstructorDeclarationSyntax c && !c.Modifiers.Any(SyntaxKind.StaticKeyword)))
            {
                var accessibility = type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
                var constructor = SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                    .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(parameter)))
                    .WithBody(SyntaxFactory.Block(Assignment(names)))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                added.Add(constructor);
            }

            return type.WithMembers(members.InsertRange(fieldIndex, added));
        }

        private static ConstructorDeclarationSyntax AddToConstructor(ConstructorDeclarationSyntax constructor, ParameterSyntax parameter, InjectionNames names)
        {
            constructor = constructor.WithParameterList(AppendParameter(constructor.ParameterList, parameter));
            if (constructor.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
            {
                var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(names.Parameter))
                    .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(names.Parameter)));
                var arguments = initializer.ArgumentList.Arguments;
                var separators = arguments.GetSeparators().ToList();
                if (arguments.Count > 0)
                {
                    separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
                }

                var list = SyntaxFactory.SeparatedList(arguments.Add(argument), separators);
                return constructor.WithInitializer(initializer.WithArgumentList(initializer.ArgumentList.WithArguments(list)));
            }

            if (names.ViaPrimaryConstructor)
            {
                return constructor;
            }

            if (constructor.Body is { } body)
            {
                var statements = body.Statements.Insert(0, Assignment(names));
                return constructor.WithBody(body.WithStatements(statements)).WithAdditionalAnnotations(Formatter.Annotation);
            }

            if (constructor.ExpressionBody is { } expressionBody)
            {
                var block = SyntaxFactory.Block(
                    Assignment(names),
                    SyntaxFactory.ExpressionStatement(expressionBody.Expression.WithoutTrivia()));
                return constructor
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithBody(block)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            return constructor;
        }

        private static ParameterListSyntax AppendParameter(ParameterListSyntax list, ParameterSyntax parameter)
        {
            var parameters = list.Parameters;
            var separators = parameters.GetSeparators().ToList();
            if (parameters.Count > 0)
            {
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }

            return list.WithParameters(SyntaxFactory.SeparatedList(parameters.Add(parameter), separators));
        }

        private static StatementSyntax Assignment(InjectionNames names)
            => SyntaxFactory.ParseStatement(names.Field + " = " + names.Parameter + ";")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(names.NewLine));

        private static TypeSyntax InjectedTypeSyntax(InjectionNames names)
            => names.TypeInScope
                ? SyntaxFactory.IdentifierName(names.Type.SimpleName)
                : SyntaxFactory.ParseTypeName(names.Type.QualifiedName)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        private static bool CanAppendRequired(ParameterListSyntax list)
        {
            foreach (var parameter in list.Parameters)
            {
                if (parameter.Default is not null
                    || parameter.Modifiers.Any(SyntaxKind.ParamsKeyword)
                    || parameter.Modifiers.Any(SyntaxKind.ThisKeyword)
                    || parameter.IsKind(SyntaxKind.Parameter) == false
                    || parameter.Type is null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
