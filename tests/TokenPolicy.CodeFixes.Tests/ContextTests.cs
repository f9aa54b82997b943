using Microsoft.CodeAnalysis;
using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>Where the resolver comes from, when the call is awaited, and where the using directive goes.</summary>
public class ContextTests
{
    private const string SaPath = "\"/var/run/secrets/kubernetes.io/serviceaccount/token\"";
    private static readonly string Jwt = TestTokens.Jwt;

    [Fact]
    public Task Field_in_scope_is_used_and_no_using_is_needed() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver;

            public C(ICredentialTokenResolver resolver) => _resolver = resolver;

            string Read() => {|TP0001:File.ReadAllText({{SaPath}})|};

            AuthenticationHeaderValue Header() => new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});

            static string Static() => {|TP0001:File.ReadAllText({{SaPath}})|};
        }
        """, """
        using System.IO;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver;

            public C(ICredentialTokenResolver resolver) => _resolver = resolver;

            string Read() => _resolver.Resolve().Value;

            AuthenticationHeaderValue Header() => _resolver.Resolve().ToAuthorizationHeader();

            static string Static() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """, Verify.BothRules);

    [Fact]
    public Task Parameter_and_property_in_scope() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            public ICredentialTokenResolver Resolver { get; } = CredentialTokenResolver.Default;

            string FromProperty() => {|TP0001:File.ReadAllText({{SaPath}})|};

            static async Task<string> FromParameterAsync(ICredentialTokenResolver tokens, CancellationToken ct)
                => await {|TP0001:File.ReadAllTextAsync({{SaPath}}, ct)|};
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            public ICredentialTokenResolver Resolver { get; } = CredentialTokenResolver.Default;

            string FromProperty() => Resolver.Resolve().Value;

            static async Task<string> FromParameterAsync(ICredentialTokenResolver tokens, CancellationToken ct)
                => (await tokens.ResolveAsync(ct)).Value;
        }
        """);

    [Fact]
    public Task Primary_constructor_parameter_is_used_also_in_initializers() => Verify.VerifyAsync($$"""
        using System.IO;
        using TokenPolicy.Credentials;

        class C(ICredentialTokenResolver resolver)
        {
            private readonly string _token = {|TP0001:File.ReadAllText({{SaPath}})|};

            public string Read() => {|TP0001:File.ReadAllText({{SaPath}})|};

            public string Token => _token;
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C(ICredentialTokenResolver resolver)
        {
            private readonly string _token = resolver.Resolve().Value;

            public string Read() => resolver.Resolve().Value;

            public string Token => _token;
        }
        """);

    [Fact]
    public Task Field_is_preferred_over_the_primary_constructor_parameter_it_stores() => Verify.VerifyAsync($$"""
        using System.IO;
        using TokenPolicy.Credentials;

        class C(ICredentialTokenResolver resolver)
        {
            private readonly ICredentialTokenResolver _resolver = resolver;

            public string Read() => {|TP0001:File.ReadAllText({{SaPath}})|};
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C(ICredentialTokenResolver resolver)
        {
            private readonly ICredentialTokenResolver _resolver = resolver;

            public string Read() => _resolver.Resolve().Value;
        }
        """);

    [Fact]
    public Task Lambdas_and_local_functions_decide_for_themselves() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver = CredentialTokenResolver.Default;

            void Register(CancellationToken outer)
            {
                Func<string> sync = () => {|TP0001:File.ReadAllText({{SaPath}})|};
                Func<CancellationToken, Task<string>> async = async ct => await {|TP0001:File.ReadAllTextAsync({{SaPath}})|};
                Func<Task<string>> isolated = static async () => await {|TP0001:File.ReadAllTextAsync({{SaPath}})|};

                async Task<string> LocalAsync() => (await {|TP0001:File.ReadAllTextAsync({{SaPath}})|}).Trim();

                static string LocalStatic() => {|TP0001:File.ReadAllText({{SaPath}})|};
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver = CredentialTokenResolver.Default;

            void Register(CancellationToken outer)
            {
                Func<string> sync = () => _resolver.Resolve().Value;
                Func<CancellationToken, Task<string>> async = async ct => (await _resolver.ResolveAsync(ct)).Value;
                Func<Task<string>> isolated = static async () => (await CredentialTokenResolver.Default.ResolveAsync()).Value;

                async Task<string> LocalAsync() => (await _resolver.ResolveAsync(outer)).Value;

                static string LocalStatic() => CredentialTokenResolver.Default.Resolve().Value;
            }
        }
        """);

    [Fact]
    public Task Lazy_factories_and_static_initializers_use_what_their_context_can_reach() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private const string P = {{SaPath}};
            private static readonly string s_token = {|TP0001:File.ReadAllText(P)|};
            private static readonly Lazy<string> s_lazy = new(() => {|TP0001:File.ReadAllText(P)|}.Trim());
            private readonly ICredentialTokenResolver _resolver = CredentialTokenResolver.Default;
            private readonly Lazy<string> _lazy = new Lazy<string>(() => {|TP0001:File.ReadAllText(P)|});
            private readonly Lazy<Task<string>> _lazyAsync = new(async () => await {|TP0001:File.ReadAllTextAsync(P)|});
            private readonly Lazy<Task<byte[]>> _lazyBytes = new(() => {|TP0001:File.ReadAllBytesAsync(P)|});

            public static string Static { get; } = {|TP0001:File.ReadAllText(P)|};

            public string Token => s_token + _lazy.Value + s_lazy.Value;

            string InMethod()
            {
                var lazy = new Lazy<string>(() => {|TP0001:File.ReadAllText(P)|});
                string Local() => {|TP0001:File.ReadAllText(P)|};
                return lazy.Value + Local();
            }
        }

        class D(ICredentialTokenResolver resolver)
        {
            private readonly Lazy<string> _token = new(() => {|TP0001:File.ReadAllText({{SaPath}})|});

            public string Token => _token.Value;
        }
        """, """
        using System;
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            private static readonly string s_token = CredentialTokenResolver.Default.Resolve().Value;
            private static readonly Lazy<string> s_lazy = new(() => CredentialTokenResolver.Default.Resolve().Value);
            private readonly ICredentialTokenResolver _resolver = CredentialTokenResolver.Default;
            private readonly Lazy<string> _lazy = new Lazy<string>(() => CredentialTokenResolver.Default.Resolve().Value);
            private readonly Lazy<Task<string>> _lazyAsync = new(async () => (await CredentialTokenResolver.Default.ResolveAsync()).Value);
            private readonly Lazy<Task<byte[]>> _lazyBytes = new(() => Task.FromResult(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value)));

            public static string Static { get; } = CredentialTokenResolver.Default.Resolve().Value;

            public string Token => s_token + _lazy.Value + s_lazy.Value;

            string InMethod()
            {
                var lazy = new Lazy<string>(() => _resolver.Resolve().Value);
                string Local() => _resolver.Resolve().Value;
                return lazy.Value + Local();
            }
        }

        class D(ICredentialTokenResolver resolver)
        {
            private readonly Lazy<string> _token = new(() => resolver.Resolve().Value);

            public string Token => _token.Value;
        }
        """, Verify.AllScopes);

    [Fact]
    public Task Static_initializers_use_only_static_resolvers_initialized_before_them() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            private static readonly string s_early = {|TP0001:File.ReadAllText({{SaPath}})|};
            private static readonly ICredentialTokenResolver s_resolver = CredentialTokenResolver.Default;
            private static readonly string s_late = {|TP0001:File.ReadAllText({{SaPath}})|};
            private static readonly Lazy<string> s_lazy = new(() => {|TP0001:File.ReadAllText({{SaPath}})|});
            private readonly string _instance = {|TP0001:File.ReadAllText({{SaPath}})|};

            public static string Early { get; } = {|TP0001:File.ReadAllText({{SaPath}})|} + s_early + s_late + s_lazy.Value;
        }

        static class Settings
        {
            public static string Token { get; } = {|TP0001:File.ReadAllText({{SaPath}})|};
            public static ICredentialTokenResolver Resolver { get; } = CredentialTokenResolver.Default;
        }
        """, """
        using System;
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            private static readonly string s_early = CredentialTokenResolver.Default.Resolve().Value;
            private static readonly ICredentialTokenResolver s_resolver = CredentialTokenResolver.Default;
            private static readonly string s_late = s_resolver.Resolve().Value;
            private static readonly Lazy<string> s_lazy = new(() => s_resolver.Resolve().Value);
            private readonly string _instance = s_resolver.Resolve().Value;

            public static string Early { get; } = s_resolver.Resolve().Value + s_early + s_late + s_lazy.Value;
        }

        static class Settings
        {
            public static string Token { get; } = CredentialTokenResolver.Default.Resolve().Value;
            public static ICredentialTokenResolver Resolver { get; } = CredentialTokenResolver.Default;
        }
        """);

    [Fact]
    public Task Constructors_use_a_resolver_member_only_once_it_is_set() => Verify.VerifyAsync($$"""
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver;
            private readonly ICredentialTokenResolver _initialized = CredentialTokenResolver.Default;
            private readonly string _before;
            private readonly string _after;

            public C()
            {
                _before = {|TP0001:File.ReadAllText({{SaPath}})|};
                _resolver = CredentialTokenResolver.CreateFromEnvironment();
                _after = {|TP0001:File.ReadAllText({{SaPath}})|} + _before;
            }

            public string Token => _after;
        }

        class D
        {
            private static readonly string s_token;
            private static ICredentialTokenResolver? s_unset;
            private static readonly ICredentialTokenResolver s_resolver;

            static D()
            {
                s_token = {|TP0001:File.ReadAllText({{SaPath}})|};
                s_resolver = CredentialTokenResolver.Default;
            }

            public static string Token => s_token;
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly ICredentialTokenResolver _resolver;
            private readonly ICredentialTokenResolver _initialized = CredentialTokenResolver.Default;
            private readonly string _before;
            private readonly string _after;

            public C()
            {
                _before = _initialized.Resolve().Value;
                _resolver = CredentialTokenResolver.CreateFromEnvironment();
                _after = _resolver.Resolve().Value + _before;
            }

            public string Token => _after;
        }

        class D
        {
            private static readonly string s_token;
            private static ICredentialTokenResolver? s_unset;
            private static readonly ICredentialTokenResolver s_resolver;

            static D()
            {
                s_token = CredentialTokenResolver.Default.Resolve().Value;
                s_resolver = CredentialTokenResolver.Default;
            }

            public static string Token => s_token;
        }
        """);

    [Fact]
    public Task Top_level_statements_without_await_stay_synchronous() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;

        var token = {|TP0001:File.ReadAllText({{SaPath}})|}.Trim();
        Console.WriteLine(token.Length);
        return 0;
        """, """
        using System;
        using System.IO;
        using TokenPolicy.Credentials;

        var token = CredentialTokenResolver.Default.Resolve().Value;
        Console.WriteLine(token.Length);
        return 0;
        """, Verify.Executable);

    [Fact]
    public Task Top_level_statements_with_await_use_ResolveAsync() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        using var source = new CancellationTokenSource();
        var cancellationToken = source.Token;
        await Task.Yield();
        using (var reader = {|TP0001:new StreamReader({{SaPath}})|})
        {
            Console.WriteLine(reader.ReadToEnd().Length);
        }

        var header = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});
        Console.WriteLine(header.Scheme);
        """, """
        using System;
        using System.IO;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        using var source = new CancellationTokenSource();
        var cancellationToken = source.Token;
        await Task.Yield();
        Console.WriteLine((await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).Value.Length);

        var header = (await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).ToAuthorizationHeader();
        Console.WriteLine(header.Scheme);
        """, test =>
        {
            Verify.Executable(test);
            Verify.BothRules(test);
            Verify.AllScopes(test);
        });

    [Fact]
    public Task File_scoped_namespace_and_sorted_usings() => Verify.VerifyAsync($$"""
        using System.IO;
        using Zeta;

        namespace App.Runner;

        internal sealed class C
        {
            public string Read() => {|TP0001:File.ReadAllText({{SaPath}})|};
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;
        using Zeta;

        namespace App.Runner;

        internal sealed class C
        {
            public string Read() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """, test =>
        {
            test.TestState.Sources.Add(("/0/Zeta.cs", "namespace Zeta { internal static class Z { } }"));
            test.FixedState.Sources.Add(("/0/Zeta.cs", "namespace Zeta { internal static class Z { } }"));
            test.BatchFixedState.Sources.Add(("/0/Zeta.cs", "namespace Zeta { internal static class Z { } }"));
        });

    [Fact]
    public Task Global_using_means_no_using_is_added() => Verify.VerifyAsync($$"""
        namespace App;

        internal sealed class C
        {
            public string Read() => {|TP0001:System.IO.File.ReadAllText({{SaPath}})|};
        }
        """, """
        namespace App;

        internal sealed class C
        {
            public string Read() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """, test =>
        {
            const string globals = "global using TokenPolicy.Credentials;\n";
            test.TestState.Sources.Add(("/0/Globals.cs", globals));
            test.FixedState.Sources.Add(("/0/Globals.cs", globals));
            test.BatchFixedState.Sources.Add(("/0/Globals.cs", globals));
        });
}
