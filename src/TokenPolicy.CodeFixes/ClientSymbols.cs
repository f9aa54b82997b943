using Microsoft.CodeAnalysis;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// The TokenPolicy.Client types a fix writes against, found in the compilation. A fix is offered only when the
    /// project references the client: code that names a type the project cannot see would not build.
    /// </summary>
    internal sealed class ClientSymbols
    {
        public const string Namespace = "TokenPolicy.Credentials";
        public const string ResolverInterfaceName = "ICredentialTokenResolver";
        public const string ResolverClassName = "CredentialTokenResolver";
        public const string CredentialClientName = "CredentialClient";

        /// <summary>Fully qualified names, simplified (and a using directive added) after the edit.</summary>
        public const string QualifiedResolverInterface = "global::" + Namespace + "." + ResolverInterfaceName;
        public const string QualifiedResolverClass = "global::" + Namespace + "." + ResolverClassName;
        public const string QualifiedCredentialClient = "global::" + Namespace + "." + CredentialClientName;

        private ClientSymbols(INamedTypeSymbol resolverInterface, INamedTypeSymbol resolverClass, INamedTypeSymbol cancellationToken)
        {
            ResolverInterface = resolverInterface;
            ResolverClass = resolverClass;
            CancellationToken = cancellationToken;
        }

        public INamedTypeSymbol ResolverInterface { get; }

        public INamedTypeSymbol ResolverClass { get; }

        public INamedTypeSymbol CancellationToken { get; }

        /// <summary>
        /// <c>CredentialClient</c> when the referenced client has <c>GetByIdAsync(string, CancellationToken)</c> (what TP0004's
        /// plain-fetch rewrite calls); null with an older client.
        /// </summary>
        public INamedTypeSymbol? CredentialClient { get; private set; }

        public static ClientSymbols? Get(Compilation compilation)
        {
            var resolverInterface = compilation.GetTypeByMetadataName(Namespace + "." + ResolverInterfaceName);
            var resolverClass = compilation.GetTypeByMetadataName(Namespace + "." + ResolverClassName);
            var resolvedToken = compilation.GetTypeByMetadataName(Namespace + ".ResolvedToken");
            var cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            if (resolverInterface is null || resolverClass is null || resolvedToken is null || cancellationToken is null)
            {
                return null;
            }

            if (!HasPublicMember(resolverInterface, "Resolve", SymbolKind.Method)
                || !HasPublicMember(resolverInterface, "ResolveAsync", SymbolKind.Method)
                || !HasPublicMember(resolverClass, "Default", SymbolKind.Property, mustBeStatic: true)
                || !HasPublicMember(resolvedToken, "Value", SymbolKind.Property)
                || !HasPublicMember(resolvedToken, "ToAuthorizationHeader", SymbolKind.Method))
            {
                return null;
            }

            var credentialClient = compilation.GetTypeByMetadataName(Namespace + "." + CredentialClientName);
            var hasGetById = false;
            if (credentialClient is not null && credentialClient.DeclaredAccessibility == Accessibility.Public)
            {
                foreach (var member in credentialClient.GetMembers("GetByIdAsync"))
                {
                    hasGetById |= member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, Parameters.Length: 2 } method
                        && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                        && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, cancellationToken);
                }
            }

            return new ClientSymbols(resolverInterface, resolverClass, cancellationToken) { CredentialClient = hasGetById ? credentialClient : null };
        }

        /// <summary>The type can stand for the resolver: the interface, or a type that implements it with public members.</summary>
        public bool IsResolverType(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ResolverInterface))
            {
                return true;
            }

            if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct && type.TypeKind != TypeKind.Interface)
            {
                return false;
            }

            var implementsIt = false;
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, ResolverInterface))
                {
                    implementsIt = true;
                    break;
                }
            }

            if (!implementsIt)
            {
                return false;
            }

            // Explicit implementations cannot be called through the concrete type.
            return HasPublicMember(type, "Resolve", SymbolKind.Method, inherited: true)
                && HasPublicMember(type, "ResolveAsync", SymbolKind.Method, inherited: true);
        }

        private static bool HasPublicMember(ITypeSymbol type, string name, SymbolKind kind, bool mustBeStatic = false, bool inherited = false)
        {
            for (var current = type; current is not null; current = inherited ? current.BaseType : null)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member.Kind == kind && member.DeclaredAccessibility == Accessibility.Public && (!mustBeStatic || member.IsStatic))
                    {
                        return true;
                    }
                }

                if (!inherited)
                {
                    break;
                }
            }

            return false;
        }
    }
}
