namespace TokenPolicy.Analyzers
{
    /// <summary>Every diagnostic ID TokenPolicy reports, and where their documentation lives, in one place.</summary>
    public static class RuleIdentifiers
    {
        /// <summary>Direct read of a service-account (workload identity) token file.</summary>
        public const string ServiceAccountTokenRead = "TP0001";

        /// <summary>Hardcoded bearer or API token reaching an authentication sink.</summary>
        public const string HardcodedBearerToken = "TP0002";

        /// <summary>A known Kubernetes client API that reads the service-account token on the caller's behalf.</summary>
        public const string KubernetesInClusterToken = "TP0003";

        /// <summary>A credential-endpoint request whose Authorization value does not come from the caller-or-OIDC resolver.</summary>
        public const string UnsanctionedCredentialRequest = "TP0004";

        /// <summary>
        /// The package's project URL: the one source of every help and information link (analyzer help links,
        /// the CLI's SARIF <c>informationUri</c> and <c>helpUri</c>s, <c>tokenpolicy rules</c>). It must equal
        /// <c>PackageProjectUrl</c> in Directory.Build.props, which goes into the packages' nuspec; the CLI tests
        /// and the package tests assert that they agree.
        /// </summary>
        public const string ProjectUrl = "https://github.com/tokenpolicy/tokenpolicy";

        /// <summary>Base address of the rule pages (docs/rules, which also ship in the package under docs/rules/).</summary>
        public const string HelpBaseUri = ProjectUrl + "/blob/main/docs/rules/";

        /// <summary>The help link of a rule: its page under <c>docs/rules</c>.</summary>
        public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
    }
}
