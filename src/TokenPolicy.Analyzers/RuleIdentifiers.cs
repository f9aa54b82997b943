namespace TokenPolicy.Analyzers
{
    /// <summary>Every diagnostic ID TokenPolicy reports, in one place.</summary>
    public static class RuleIdentifiers
    {
        /// <summary>Direct read of a service-account (workload identity) token file.</summary>
        public const string ServiceAccountTokenRead = "TP0001";

        /// <summary>Hardcoded bearer or API token reaching an authentication sink.</summary>
        public const string HardcodedBearerToken = "TP0002";

        /// <summary>A known Kubernetes client API that reads the service-account token on the caller's behalf.</summary>
        public const string KubernetesInClusterToken = "TP0003";

        /// <summary>Base address of the rule documentation.</summary>
        public const string HelpBaseUri = "https://github.com/tokenpolicy/tokenpolicy/blob/main/docs/rules/";

        /// <summary>The help link of a rule: its page under <c>docs/rules</c>.</summary>
        public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
    }
}
