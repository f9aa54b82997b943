using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// How a hardcoded token reaches the sink (through the shared evaluator) and which values are never reported.
/// The diagnostic is always at the sink, never at the constant's declaration.
/// </summary>
public class ValueFlowTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Top_level_statements() => VerifyProgramAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;

        const string Token = "{{Jwt}}";
        var fallback = "{{GitHub}}";
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
        client.DefaultRequestHeaders.Add("Authorization", {|TP0002:$"token {fallback}"|});
        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + args[0]);
        """);

    private static Task VerifyProgramAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Const_across_classes_and_files() => Verify.VerifyAsync(
        new[]
        {
            $$"""
            namespace App.Secrets
            {
                public static class Tokens
                {
                    public const string Ci = "{{Jwt}}";
                    public const string Header = "Bearer " + Ci;
                    public static readonly string Bot = "{{GitHub}}";
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using App.Secrets;
            class C
            {
                void M(HttpRequestMessage request)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Tokens.Ci|});
                    request.Headers.Add("Authorization", {|TP0002:Tokens.Header|});
                    request.Headers.Authorization = new AuthenticationHeaderValue("token", {|TP0002:Tokens.Bot|});
                }
            }
            """,
        },
        editorConfig: null);

    [Fact]
    public Task Partial_classes_across_files() => Verify.VerifyAsync(
        new[]
        {
            $$"""
            partial class Client
            {
                private static readonly string Token = "{{Jwt}}";
            }
            """,
            """
            using System.Net.Http;
            using System.Net.Http.Headers;
            partial class Client
            {
                void M(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
            }
            """,
        },
        editorConfig: null);

    [Fact]
    public Task Primary_constructors() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class Client(HttpClient http, string token)
        {
            private readonly string _fallback = "{{Jwt}}";
            void A() => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:_fallback|});
            void B() => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // Followed through the method summary of Client's primary constructor: reported at the argument.
        class Hardcoded() : Client(new HttpClient(), {|TP0002:"{{Jwt}}"|});
        """);

    [Fact]
    public Task Lambdas_and_local_functions() => Verify.VerifyAsync($$"""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpRequestMessage request)
            {
                Func<AuthenticationHeaderValue> make = () => new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});
                Action<string> set = t => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t);
                Local();

                void Local()
                {
                    var token = "{{GitHub}}";
                    request.Headers.Add("Authorization", {|TP0002:"token " + token|});
                }
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_members() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            private static string Token => "{{Jwt}}";
            public AuthenticationHeaderValue Header => new("Bearer", {|TP0002:Token|});
            public AuthenticationHeaderValue Method() => AuthenticationHeaderValue.Parse({|TP0002:$"Bearer {Token}"|});
        }
        """);

    [Fact]
    public Task Optional_parameters_with_a_hardcoded_default_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue A(string token = "{{Jwt}}") => new("Bearer", {|TP0002:token|});
            AuthenticationHeaderValue B(string? token = null) => new("Bearer", token);
            AuthenticationHeaderValue D(string token = "<token>") => new("Bearer", token);
            AuthenticationHeaderValue E(string scheme = "Bearer", string token = "{{GitHub}}") => new(scheme, {|TP0002:token|});
        }
        """);

    [Fact]
    public Task Coalesce_and_conditional_fallback_to_a_hardcoded_token_is_reported() => Verify.VerifyAsync($$"""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            const string Fallback = "{{Jwt}}";
            void M(HttpRequestMessage request, string? caller, bool dev)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Environment.GetEnvironmentVariable("BOT_TOKEN") ?? Fallback|});
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:dev ? "{{GitHub}}" : caller|});
                var token = caller;
                token ??= "{{Jwt}}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
            }
        }
        """);

    [Fact]
    public Task Interpolation_and_concatenation_of_a_hardcoded_token() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            const string Token = "{{Jwt}}";
            static readonly string Scheme = "Bearer";
            void M(HttpRequestMessage request)
            {
                request.Headers.Add("Authorization", {|TP0002:$"Bearer {Token}"|});
                request.Headers.Add("Authorization", {|TP0002:Scheme + " " + Token|});
                request.Headers.Add("Authorization", {|TP0002:string.Concat("Bearer ", Token)|});
            }
        }
        """);

    [Fact]
    public Task Environment_configuration_parameters_and_calls_are_not_reported() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            private readonly IReadOnlyDictionary<string, string> _config = new Dictionary<string, string>();
            private string _token = "";
            void M(HttpRequestMessage request, string token, Func<string> resolve)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("BOT_TOKEN"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _config["Token"]);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resolve());
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText("/var/run/secrets/ambient/bot-token").Trim());
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                request.Headers.Add("Authorization", "Bearer " + Environment.GetEnvironmentVariable("BOT_TOKEN"));
                request.Headers.Add("Authorization", $"Bearer {token}");
            }
            void Refresh(string fresh) => _token = fresh;
        }
        """);

    [Fact]
    public Task Prefix_checks_messages_and_unused_literals_are_not_reported_but_a_constant_format_is() => Verify.VerifyAsync($$"""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            const string Sample = "{{Jwt}}";
            const string Format = "Bearer {0}";
            void M(HttpRequestMessage request, string header, string token)
            {
                if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    header = header.Substring("Bearer ".Length);
                }

                request.Headers.Add("Authorization", string.Format(Format, token));
                request.Headers.Add("Authorization", {|TP0002:string.Format("Bearer {0}", Sample)|});
                Console.WriteLine("Sending Authorization: Bearer " + Sample);
                var parsed = Sample.Split('.');
                var h = new AuthenticationHeaderValue("Bearer", header);
                throw new InvalidOperationException($"Token {Sample} was refused");
            }
        }
        """);

    [Fact]
    public Task A_token_is_reported_once_per_sink_at_the_sink() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            const string A = "{{Jwt}}";
            const string B = "{{TestTokens.Jwt2}}";
            void M(HttpRequestMessage request, bool first)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:first ? A : B|});
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:A|});
            }
        }
        """);

    [Fact]
    public Task Locals_union_every_assignment() => Verify.VerifyAsync($$"""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpRequestMessage request)
            {
                var token = Environment.GetEnvironmentVariable("BOT_TOKEN");
                if (string.IsNullOrEmpty(token))
                {
                    token = "{{GitHub}}";
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});

                var other = Environment.GetEnvironmentVariable("OTHER");
                if (other is null)
                {
                    other = "<token>";
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", other);
            }
        }
        """);
}
