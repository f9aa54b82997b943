using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;
namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;
/// <summary>A hardcoded token passed to a subclass of a sink type, whose constructor hands it to the base constructor.</summary>
public class BaseConstructorTests
{
    [Fact]
    public Task Explicit_base_constructor_call() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        public class BearerValue : AuthenticationHeaderValue
        {
            public BearerValue(string token) : base("Bearer", token) { }
        }
        public static class Subclassed
        {
            public static void Apply(HttpClient client)
                => client.DefaultRequestHeaders.Authorization = new BearerValue({|TP0002:"{{TestTokens.GitHub}}"|});
        }
        """);
    [Fact]
    public Task Primary_constructor_base_call() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        public class BearerValue(string token) : AuthenticationHeaderValue("Bearer", token)
        {
        }
        public static class Subclassed
        {
            public static void Apply(HttpClient client)
                => client.DefaultRequestHeaders.Authorization = new BearerValue({|TP0002:"{{TestTokens.GitHub}}"|});
        }
        """);
}
