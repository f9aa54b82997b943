using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>One kubernetes-client API that reads the service-account token on the caller's behalf.</summary>
    internal sealed class KubernetesSink : SinkRow
    {
        public static readonly KubernetesSink InClusterConfig = new("k8s.KubernetesClientConfiguration", "InClusterConfig", ValueReading.None, "KubernetesClientConfiguration.InClusterConfig()");

        public static readonly KubernetesSink TokenFileAuth = new("k8s.Authentication.TokenFileAuth", WellKnownMemberNames.InstanceConstructorName, ValueReading.Path, "new TokenFileAuth");

        private readonly string _displayName;

        private KubernetesSink(string typeName, string memberName, ValueReading reading, string displayName)
            : base(reading, FixKind.None)
        {
            TypeName = typeName;
            MemberName = memberName;
            _displayName = displayName;
        }

        public string TypeName { get; }

        public string MemberName { get; }

        public override string DisplayName(in SinkMatch match) => _displayName;

        public override string MemberId(in SinkMatch match) => TypeName + "." + MemberName;
    }

    /// <summary>TP0003's sinks: <c>KubernetesClientConfiguration.InClusterConfig()</c> and <c>new TokenFileAuth(tokenFile)</c>.</summary>
    internal sealed class KubernetesSinks : ISinkMatcher
    {
        private readonly INamedTypeSymbol? _configuration;
        private readonly INamedTypeSymbol? _tokenFileAuth;

        private KubernetesSinks(INamedTypeSymbol? configuration, INamedTypeSymbol? tokenFileAuth)
        {
            _configuration = configuration;
            _tokenFileAuth = tokenFileAuth;
        }

        /// <summary>Null when the compilation references neither type.</summary>
        public static KubernetesSinks? Resolve(Compilation compilation)
        {
            var configuration = TypeLookup.Find(compilation, KubernetesSink.InClusterConfig.TypeName);
            var tokenFileAuth = TypeLookup.Find(compilation, KubernetesSink.TokenFileAuth.TypeName);
            return configuration is null && tokenFileAuth is null ? null : new KubernetesSinks(configuration, tokenFileAuth);
        }

        public bool TryMatch(IOperation operation, out SinkMatch match)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: { Name: "InClusterConfig" } method } when _configuration is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _configuration):
                    match = new SinkMatch(operation, null, KubernetesSink.InClusterConfig);
                    return true;

                case IObjectCreationOperation creation when _tokenFileAuth is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _tokenFileAuth)
                    && (SinkResolver.Argument(creation.Arguments, "tokenFile") ?? SinkResolver.Argument(creation.Arguments, "token_file")) is { } path:
                    match = new SinkMatch(operation, path, KubernetesSink.TokenFileAuth, creation.Arguments);
                    return true;

                default:
                    match = default;
                    return false;
            }
        }

        public bool Accepts(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken) => true;

        public bool TryDefer(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken, out ValueSet template, out SinkRow row)
        {
            template = ValueSet.Unknown;
            row = null!;
            return false;
        }
    }
}
