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
                    && !DeclaredInSource(compilation, metadataName)
                    && !References(compilation, assemblyPrefix))
                {
                    return null;
                }
            }

            return compilation.GetTypeByMetadataName(metadataName);
        }

        private static bool DeclaredInSource(Compilation compilation, string metadataName)
        {
            // "Grpc.Core.Metadata+Entry" -> "Metadata"; "System.Collections.Generic.KeyValuePair`2" -> "KeyValuePair".
            var outer = metadataName.Split('+')[0];
            var simple = outer.Substring(outer.LastIndexOf('.') + 1);
            var tick = simple.IndexOf('`');
            return compilation.Assembly.TypeNames.Contains(tick >= 0 ? simple.Substring(0, tick) : simple);
        }

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
