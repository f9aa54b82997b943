using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>The second action: "Inject ICredentialTokenResolver through the constructor".</summary>
public class InjectTests
{
    private const string SaPath = "\"/var/run/secrets/kubernetes.io/serviceaccount/token\"";
    private static readonly string Jwt = TestTokens.Jwt;

    [Fact]
    public Task Class_without_constructor_gets_field_and_constructor() => Verify.VerifyInjectAsync($$"""
        using System.IO;

        public class C
        {
            private const string P = {{SaPath}};

            public string Read() => {|TP0001:File.ReadAllText(P)|};
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        public class C
        {
            private const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public C(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
            }

            public string Read() => _credentialTokenResolver.Resolve().Value;
        }
        """);

    [Fact]
    public Task Converted_reads_use_the_injected_resolver() => Verify.VerifyInjectAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        public class C
        {
            private const string P = {{SaPath}};

            public byte[] Bytes() => {|TP0001:File.ReadAllBytes(P)|};
            public Stream Open() => {|TP0001:File.OpenRead(P)|};
            public Task<string[]> Lines() => {|TP0001:File.ReadAllLinesAsync(P)|};
        }
        """, $$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        public class C
        {
            private const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public C(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
            }

            public byte[] Bytes() => Encoding.UTF8.GetBytes(_credentialTokenResolver.Resolve().Value);
            public Stream Open() => {|TP0001:File.OpenRead(P)|};
            public Task<string[]> Lines() => {|TP0001:File.ReadAllLinesAsync(P)|};
        }
        """, """
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        public class C
        {
            private const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public C(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
            }

            public byte[] Bytes() => Encoding.UTF8.GetBytes(_credentialTokenResolver.Resolve().Value);
            public Stream Open() => new MemoryStream(Encoding.UTF8.GetBytes(_credentialTokenResolver.Resolve().Value), writable: false);
            public Task<string[]> Lines() => Task.FromResult(new[] { _credentialTokenResolver.Resolve().Value });
        }
        """, test => test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.FixOne);

    [Fact]
    public Task Every_constructor_takes_the_parameter_and_chained_ones_pass_it_on() => Verify.VerifyInjectAsync($$"""
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;

        public sealed class Fetcher
        {
            private readonly HttpClient _http;
            private readonly string _name;

            public Fetcher(HttpClient http, string name)
            {
                _http = http;
                _name = name;
            }

            public Fetcher(HttpClient http) : this(http, "default")
            {
            }

            public Fetcher() => _http = new HttpClient();

            public void Authorize(HttpRequestMessage request)
                => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});
        }
        """, $$"""
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        public sealed class Fetcher
        {
            private readonly HttpClient _http;
            private readonly string _name;
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public Fetcher(HttpClient http, string name, ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
                _http = http;
                _name = name;
            }

            public Fetcher(HttpClient http, ICredentialTokenResolver credentialTokenResolver) : this(http, "default", credentialTokenResolver: credentialTokenResolver)
            {
            }

            public Fetcher(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
                _http = new HttpClient();
            }

            public void Authorize(HttpRequestMessage request)
                => request.Headers.Authorization = _credentialTokenResolver.Resolve().ToAuthorizationHeader();
        }
        """);

    [Fact]
    public Task Primary_constructor_gets_the_parameter_and_no_field() => Verify.VerifyInjectAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        public class Runner(string name)
        {
            public Runner() : this("runner")
            {
            }

            public string Name => name;

            public async Task<string> ReadAsync(CancellationToken cancellationToken)
                => await {|TP0001:File.ReadAllTextAsync({{SaPath}}, cancellationToken)|};
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        public class Runner(string name, ICredentialTokenResolver credentialTokenResolver)
        {
            public Runner(ICredentialTokenResolver credentialTokenResolver) : this("runner", credentialTokenResolver: credentialTokenResolver)
            {
            }

            public string Name => name;

            public async Task<string> ReadAsync(CancellationToken cancellationToken)
                => (await credentialTokenResolver.ResolveAsync(cancellationToken)).Value;
        }
        """);

    [Fact]
    public Task FixAll_injects_once_per_class() => Verify.VerifyInjectAsync($$"""
        using System.IO;

        public class C
        {
            public string A() => {|TP0001:File.ReadAllText({{SaPath}})|};

            public string B() => {|TP0001:File.ReadAllText({{SaPath}})|}.Trim();
        }
        """, $$"""
        using System.IO;
        using TokenPolicy.Credentials;

        public class C
        {
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public C(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
            }

            public string A() => _credentialTokenResolver.Resolve().Value;

            public string B() => {|TP0001:File.ReadAllText({{SaPath}})|}.Trim();
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        public class C
        {
            private readonly ICredentialTokenResolver _credentialTokenResolver;

            public C(ICredentialTokenResolver credentialTokenResolver)
            {
                _credentialTokenResolver = credentialTokenResolver;
            }

            public string A() => _credentialTokenResolver.Resolve().Value;

            public string B() => _credentialTokenResolver.Resolve().Value;
        }
        """, test =>
        {
            Verify.AllScopes(test);
            test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.FixOne;
        });

    [Fact]
    public async Task Inject_is_offered_second_and_only_where_it_can_work()
    {
        var document = Harness.CreateDocument($$"""
            using System.IO;
            using TokenPolicy.Credentials;

            public class Plain
            {
                public string Instance() => File.ReadAllText({{SaPath}});
                public static string Static() => File.ReadAllText({{SaPath}});
                private readonly string _initializer = File.ReadAllText({{SaPath}});
            }

            public class WithResolver(ICredentialTokenResolver resolver)
            {
                public string Instance() => File.ReadAllText({{SaPath}});
            }

            public struct Value
            {
                public string Instance() => File.ReadAllText({{SaPath}});
            }

            public class Optional
            {
                public Optional(int retries = 3) { }
                public string Instance() => File.ReadAllText({{SaPath}});
            }
            """);

        var offered = (await Harness.GetActionsAsync(document))
            .Select(x => string.Join(" | ", x.Actions.Select(a => a.EquivalenceKey)))
            .ToArray();

        Assert.Equal(
            new[]
            {
                "TokenPolicy.UseResolver | TokenPolicy.InjectResolver", // instance method
                "TokenPolicy.UseResolver", // static method: an instance field cannot be used there
                "TokenPolicy.UseResolver", // instance field initializer without a primary constructor
                "TokenPolicy.UseResolver", // a resolver is already in scope
                "TokenPolicy.UseResolver", // struct
                "TokenPolicy.UseResolver", // a required parameter cannot follow an optional one
            },
            offered);
    }
}
