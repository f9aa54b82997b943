using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers
{
    /// <summary>All diagnostic descriptors, created once.</summary>
    internal static class Descriptors
    {
        private const string SecurityCategory = "Security";

        public static readonly DiagnosticDescriptor TP0001_ServiceAccountTokenRead = new(
            RuleIdentifiers.ServiceAccountTokenRead,
            title: "Do not read the service-account token file directly",
            messageFormat: "{0} reads the service-account token file '{1}'; authenticate with the caller-or-OIDC resolver (ICredentialTokenResolver) instead",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The kubelet-mounted service-account token (and workload-identity token files) are not accepted by application APIs that validate the platform's OIDC issuer. Sending it leaks a cluster credential and fails with HTTP 401. Use the caller token or the control plane's OIDC token through ICredentialTokenResolver.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ServiceAccountTokenRead),
            customTags: WellKnownDiagnosticTags.Telemetry);

        /// <summary>TP0001 reported at a call that passes a token path into a method that reads its argument as a file.</summary>
        public static readonly DiagnosticDescriptor TP0001_ServiceAccountTokenReadViaCall = new(
            RuleIdentifiers.ServiceAccountTokenRead,
            title: "Do not read the service-account token file directly",
            messageFormat: "{0} reads its '{1}' argument as a file (via {2}), and this call passes the service-account token file '{3}'; authenticate with the caller-or-OIDC resolver (ICredentialTokenResolver) instead",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The kubelet-mounted service-account token (and workload-identity token files) are not accepted by application APIs that validate the platform's OIDC issuer. Sending it leaks a cluster credential and fails with HTTP 401. Use the caller token or the control plane's OIDC token through ICredentialTokenResolver.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.ServiceAccountTokenRead),
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor TP0002_HardcodedBearerToken = new(
            RuleIdentifiers.HardcodedBearerToken,
            title: "Do not hardcode bearer or API tokens",
            messageFormat: "A hardcoded {0} reaches {1}; resolve the token at run time with the caller-or-OIDC resolver (ICredentialTokenResolver)",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Tokens written into source code leak through the repository, logs and binaries, and are never rotated. Resolve credentials at run time.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedBearerToken),
            customTags: WellKnownDiagnosticTags.Telemetry);

        /// <summary>TP0002 reported at an argument that carries a hardcoded token into a method that puts it in an Authorization header.</summary>
        public static readonly DiagnosticDescriptor TP0002_HardcodedBearerTokenViaCall = new(
            RuleIdentifiers.HardcodedBearerToken,
            title: "Do not hardcode bearer or API tokens",
            messageFormat: "{0} puts its '{1}' argument into an authentication header (via {2}), and this call passes a hardcoded {3}; resolve the token at run time with the caller-or-OIDC resolver (ICredentialTokenResolver)",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Tokens written into source code leak through the repository, logs and binaries, and are never rotated. Resolve credentials at run time.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedBearerToken),
            customTags: WellKnownDiagnosticTags.Telemetry);

        public static readonly DiagnosticDescriptor TP0003_KubernetesInClusterToken = new(
            RuleIdentifiers.KubernetesInClusterToken,
            title: "Kubernetes client reads the service-account token",
            messageFormat: "{0} reads the service-account token; this is fine for talking to the Kubernetes API itself, but never forward that token to an application API",
            category: SecurityCategory,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Kubernetes API clients legitimately authenticate with the in-cluster service-account token. Reported at Info level so reviewers can confirm the token is used only for the Kubernetes API.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.KubernetesInClusterToken),
            customTags: WellKnownDiagnosticTags.Telemetry);
    }
}
