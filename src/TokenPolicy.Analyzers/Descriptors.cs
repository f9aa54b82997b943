using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers
{
    /// <summary>All diagnostic descriptors, created once by one factory (category, help link, tags in one place).</summary>
    /// <remarks>A rule that reports both at the sink and at a call into a helper has two descriptors with one ID.</remarks>
    internal static class Descriptors
    {
        private const string SecurityCategory = "Security";

        private const string TP0001Title = "Do not read the service-account token file directly";
        private const string TP0001Description = "The kubelet-mounted service-account token (and workload-identity token files) are not accepted by application APIs that validate the platform's OIDC issuer. Sending it leaks a cluster credential and fails with HTTP 401. Use the caller token or the control plane's OIDC token through ICredentialTokenResolver.";
        private const string TP0001Advice = "authenticate with the caller-or-OIDC resolver (ICredentialTokenResolver) instead";

        private const string TP0002Title = "Do not hardcode bearer or API tokens";
        private const string TP0002Description = "Tokens written into source code leak through the repository, logs and binaries, and are never rotated. Resolve credentials at run time.";
        private const string TP0002Advice = "resolve the token at run time with the caller-or-OIDC resolver (ICredentialTokenResolver)";

        public static readonly DiagnosticDescriptor TP0001_ServiceAccountTokenRead = Rule(
            RuleIdentifiers.ServiceAccountTokenRead,
            TP0001Title,
            "{0} reads the service-account token file '{1}'; " + TP0001Advice,
            DiagnosticSeverity.Warning,
            TP0001Description);

        /// <summary>TP0001 reported at a call that passes a token path into a method that reads its argument as a file.</summary>
        public static readonly DiagnosticDescriptor TP0001_ServiceAccountTokenReadViaCall = Rule(
            RuleIdentifiers.ServiceAccountTokenRead,
            TP0001Title,
            "{0} reads its '{1}' argument as a file (via {2}), and this call passes the service-account token file '{3}'; " + TP0001Advice,
            DiagnosticSeverity.Warning,
            TP0001Description);

        public static readonly DiagnosticDescriptor TP0002_HardcodedBearerToken = Rule(
            RuleIdentifiers.HardcodedBearerToken,
            TP0002Title,
            "A hardcoded {0} reaches {1}; " + TP0002Advice,
            DiagnosticSeverity.Warning,
            TP0002Description);

        /// <summary>TP0002 reported at an argument that carries a hardcoded token into a method that puts it in an Authorization header.</summary>
        public static readonly DiagnosticDescriptor TP0002_HardcodedBearerTokenViaCall = Rule(
            RuleIdentifiers.HardcodedBearerToken,
            TP0002Title,
            "{0} puts its '{1}' argument into an authentication header (via {2}), and this call passes a hardcoded {3}; " + TP0002Advice,
            DiagnosticSeverity.Warning,
            TP0002Description);

        public static readonly DiagnosticDescriptor TP0003_KubernetesInClusterToken = Rule(
            RuleIdentifiers.KubernetesInClusterToken,
            "Kubernetes client reads the service-account token",
            "{0} reads the service-account token; this is fine for talking to the Kubernetes API itself, but never forward that token to an application API",
            DiagnosticSeverity.Info,
            "Kubernetes API clients legitimately authenticate with the in-cluster service-account token. Reported at Info level so reviewers can confirm the token is used only for the Kubernetes API.");

        private const string TP0004Title = "Authenticate credential requests with the caller-or-OIDC resolver";
        private const string TP0004Description = "A request to the platform's credential endpoint must carry the caller's token or the control plane's OIDC token, as the caller-or-OIDC resolver chooses them. A token from an environment variable, a configuration key, a file or a static field, or no Authorization header at all, is refused with HTTP 401 or leaks a credential. Use CredentialClient.GetAsync(provider), or authenticate the client with AddCallerOrOidcAuthorization() or ICredentialTokenResolver.";

        /// <summary>TP0004: {0} the request call, {1} the endpoint pattern matched, {2} what authenticates it ("an Authorization value from ...", "no Authorization header at all").</summary>
        public static readonly DiagnosticDescriptor TP0004_UnsanctionedCredentialRequest = Rule(
            RuleIdentifiers.UnsanctionedCredentialRequest,
            TP0004Title,
            "{0} requests the credential endpoint '{1}' with {2}; authenticate it with the caller-or-OIDC resolver (CredentialClient.GetAsync, AddCallerOrOidcAuthorization or ICredentialTokenResolver)",
            DiagnosticSeverity.Warning,
            TP0004Description);

        private static DiagnosticDescriptor Rule(string id, string title, string messageFormat, DiagnosticSeverity severity, string description)
            => new(
                id,
                title,
                messageFormat,
                SecurityCategory,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id),
                customTags: WellKnownDiagnosticTags.Telemetry);
    }
}
