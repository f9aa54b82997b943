using System;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>
    /// <see cref="Compilation.GetTypeByMetadataName"/> with a cheap pre-check for third-party types. Looking up a type
    /// that is absent searches every referenced assembly, and most compilations reference neither Octokit, gRPC nor
    /// the Kubernetes client: those lookups are skipped unless the source declares a type of that name or an assembly
    /// of that library is referenced.
    /// </summary>
    internal static class TypeLookup
    {
        /// <summary>Root namespace of a third-party library, and the prefix of its assembly names.</summary>
        private static readonly (string Namespace, string AssemblyPrefix)[] ThirdParty =
        {
            ("Octokit", "Octokit"),
            ("Grpc", "Grpc."),
            ("k8s", "KubernetesClient"),
            ("RestSharp", "RestSharp"),
            ("IdentityModel", "IdentityModel"),
            ("Duende", "Duende."),
            ("Flurl", "Flurl"),
            ("Azure", "Azure."),
            ("OpenAI", "OpenAI"),
            ("System.ClientModel", "System.ClientModel"),
            ("SendGrid", "SendGrid"),
            ("Stripe", "Stripe"),
            ("Telegram", "Telegram."),
        };

        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            foreach (var (ns, assemblyPrefix) in ThirdParty)
            {
                if (metadataName.StartsWith(ns + ".", StringComparison.Ordinal)
                    && !References(compilation, assemblyPrefix)
                    && !DeclaredInSource(compilation, metadataName))
                {
                    return null;
                }
            }

            return Get(compilation, metadataName);
        }

        /// <summary>
        /// <see cref="Compilation.GetTypeByMetadataName"/>, except that a type defined in more than one referenced assembly
        /// (a package that carries its own copy of a framework type) is still found: the one of the framework's own
        /// assemblies, else the first by assembly name. Null when no referenced assembly defines it.
        /// </summary>
        public static INamedTypeSymbol? Get(Compilation compilation, string metadataName)
        {
            var type = compilation.GetTypeByMetadataName(metadataName);
            if (type is not null)
            {
                return type;
            }

            INamedTypeSymbol? best = null;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (candidate.DeclaredAccessibility != Accessibility.Public && !SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    continue;
                }

                if (best is null || Rank(candidate) < Rank(best)
                    || (Rank(candidate) == Rank(best) && string.CompareOrdinal(candidate.ContainingAssembly?.Name, best.ContainingAssembly?.Name) < 0))
                {
                    best = candidate;
                }
            }

            return best;

            int Rank(INamedTypeSymbol t)
            {
                var assembly = t.ContainingAssembly?.Name ?? string.Empty;
                return assembly.StartsWith("System.", StringComparison.Ordinal) || assembly is "System" or "mscorlib" or "netstandard" ? 0 : 1;
            }
        }

        /// <summary>
        /// Whether the compilation's own source declares the type (Octokit's own repository declares the Octokit types).
        /// Looked up in the source assembly alone, which walks only the type's namespaces; the source assembly's set of
        /// every type name (asked here before) unions the names of every declaration of every tree first.
        /// </summary>
        private static bool DeclaredInSource(Compilation compilation, string metadataName)
            => compilation.Assembly.GetTypeByMetadataName(metadataName) is not null;

        private static bool References(Compilation compilation, string assemblyPrefix)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name.StartsWith(assemblyPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
