using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules;

public class TP0001SmokeTests
{
    [Fact]
    public Task ReadAllText_of_constant_path_is_reported() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            string Read() => {|TP0001:File.ReadAllText(Path.Combine(Dir, "token"))|};
            string Namespace() => File.ReadAllText(Path.Combine(Dir, "namespace"));
        }
        """);
}
