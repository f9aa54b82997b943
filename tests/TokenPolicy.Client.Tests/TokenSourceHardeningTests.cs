using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>Issue 14, defects 4 and 6: every token source bounded, typed, and falling back on any failure.</summary>
public sealed class TokenSourceHardeningTests : LeakCheckedTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenpolicy-hardening-").FullName;

    public override void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        base.Dispose();
    }

    private CredentialTokenResolver Resolver(string file, string? environmentToken = null, IOidcTokenSource? oidc = null) =>
        new(null, new CredentialClientOptions { BotTokenFilePath = file, BotToken = environmentToken, BotTokenFileCheckInterval = TimeSpan.Zero }, oidc);

    [Fact]
    public async Task AHugeBotTokenFileIsNotReadAndTheNextSourceIsUsed()
    {
        var file = Path.Combine(_directory, "bot-token");
        using (var stream = File.Create(file))
        {
            stream.SetLength(100L * 1024 * 1024); // sparse: 100 MB without writing them
        }

        var env = LeakCapture.NewToken("env");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var token = await Resolver(file, env).ResolveAsync();
        Assert.Equal(env, token.Value);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "the file was read");

        var e = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => Resolver(file).Resolve()));
        Assert.Contains("larger than 65536 bytes", e.Message);
    }

    [Fact]
    public async Task AFifoAtTheBotTokenPathDoesNotBlock()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fifo = Path.Combine(_directory, "bot-token");
        Assert.Equal(0, mkfifo(fifo, Convert.ToUInt32("600", 8)));
        var env = LeakCapture.NewToken("env");

        var resolve = Task.Run(() => Resolver(fifo, env).ResolveAsync().AsTask());
        var token = await resolve.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(env, token.Value);
        var e = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => Resolver(fifo).Resolve()));
        Assert.Contains("not a regular file", e.Message);
    }

    [DllImport("libc", SetLastError = true)]
    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification =
        "libc takes a UTF-8 char*, marshalled explicitly as LPUTF8Str; the rule only accepts UTF-16, which would be wrong here.")]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [Theory]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount/token")]
    [InlineData("/run/secrets/kubernetes.io/serviceaccount/token")]
    [InlineData("/var/run/secrets/tokens/vault-token")]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/token")]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount/../serviceaccount/token")]
    public void TheKubeletTokenIsRefusedAsBotTokenPath(string path)
    {
        var settings = CredentialSettings.Parse(new CredentialClientOptions { BotTokenFilePath = path });
        Assert.Contains(settings.ErrorTexts, t => t.Contains("BotTokenFilePath") && t.Contains("service-account token"));
        LeakCapture.Observe(Assert.Throws<OptionsValidationException>(() => new CredentialTokenResolver(null, new CredentialClientOptions { BotTokenFilePath = path })));
    }

    [Fact]
    public void ASymlinkToTheKubeletTokenIsRefusedAtStartUpAndWhenSwappedLater()
    {
        var link = Path.Combine(_directory, "bot-token");
        File.CreateSymbolicLink(link, "/var/run/secrets/kubernetes.io/serviceaccount/token");
        var settings = CredentialSettings.Parse(new CredentialClientOptions { BotTokenFilePath = link });
        Assert.Contains(settings.ErrorTexts, t => t.Contains("resolves") && t.Contains("service-account token"));

        // A folder link on the way.
        var folder = Path.Combine(_directory, "secrets");
        Directory.CreateSymbolicLink(folder, "/var/run/secrets/kubernetes.io/serviceaccount");
        settings = CredentialSettings.Parse(new CredentialClientOptions { BotTokenFilePath = Path.Combine(folder, "token") });
        Assert.Contains(settings.ErrorTexts, t => t.Contains("service-account token"));

        // Valid at start-up, swapped to the SA token afterwards: refused when read.
        var real = Path.Combine(_directory, "real-token");
        File.WriteAllText(real, LeakCapture.NewToken("real"));
        var swapped = Path.Combine(_directory, "swapped");
        File.CreateSymbolicLink(swapped, real);
        var env = LeakCapture.NewToken("env");
        var resolver = Resolver(swapped, env);
        Assert.NotEqual(env, resolver.Resolve().Value);
        File.Delete(swapped);
        File.CreateSymbolicLink(swapped, "/var/run/secrets/kubernetes.io/serviceaccount/token");
        Assert.Equal(env, resolver.Resolve().Value);
    }

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\u00e9")]
    [InlineData(" inner space")]
    public void InvalidCharactersInTheBotTokenFileSkipToTheNextSource(string bad)
    {
        var file = Path.Combine(_directory, "bot-token");
        var secret = LeakCapture.NewToken("file");
        File.WriteAllText(file, secret + bad + "\n");
        var env = LeakCapture.NewToken("env");
        Assert.Equal(env, Resolver(file, env).Resolve().Value);
        var e = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => Resolver(file).Resolve()));
        Assert.Contains("unusable", e.Message);
    }

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\u00e9")]
    public void InvalidCharactersInBotTokenFailAtStartUpNamingTheVariable(string bad)
    {
        var secret = LeakCapture.NewToken("env");
        var e = LeakCapture.Observe(Assert.Throws<OptionsValidationException>(() => new CredentialTokenResolver(null, new CredentialClientOptions { BotToken = secret + bad, BotTokenFilePath = "/nonexistent/x" })));
        Assert.Contains("BOT_TOKEN", e.Message);
    }

    [Theory]
    [InlineData("\\r\\nX-Injected: 1")]
    [InlineData("\\u00e9")]
    [InlineData("   ")]
    public async Task InvalidCharactersInTheExchangeAnswerFallBackToTheFileAndEnvironment(string bad)
    {
        await using var plane = await FakeControlPlane.StartAsync();
        var secret = LeakCapture.NewToken("cp");
        plane.Body = () => "{\"token\":\"" + (bad == "   " ? bad : secret + bad) + "\"}";
        var env = LeakCapture.NewToken("env");
        using var provider = BuildServices(null, o =>
        {
            plane.Configure(o);
            o.BotToken = env;
        });

        var token = await provider.GetRequiredService<CredentialTokenResolver>().ResolveAsync();
        Assert.Equal(env, token.Value);
        Assert.Equal(1, plane.Attempts); // an unusable answer is not transient
    }

    [Fact]
    public async Task AHugeExchangeAnswerIsCappedAndFallsBack()
    {
        await using var huge = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            try
            {
                await context.Response.WriteAsync("{\"token\":\"", context.RequestAborted);
                for (var i = 0; i < 300 * 16 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
            }
        });
        var env = LeakCapture.NewToken("env");
        using var provider = BuildServices(null, o =>
        {
            o.ControlPlane.TokenUrl = huge.BaseAddress.ToString();
            o.ControlPlane.PublicKeyPem = TestKeys.PublicKeyPem;
            o.ControlPlane.SessionId = "s1";
            o.ControlPlane.RetryDelay = TimeSpan.Zero;
            o.BotToken = env;
        });

        var watch = Stopwatch.StartNew();
        var token = await provider.GetRequiredService<CredentialTokenResolver>().ResolveAsync();
        Assert.Equal(env, token.Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains(Logs.Entries, l => l.EventId.Id == 21 && l.Text.Contains("longer than 65536 bytes"));
        Assert.Equal(1, huge.RequestCount); // too large is not transient
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("-5")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e20")]
    [InlineData("\"12abc\"")]
    public async Task HostileExpiresInIsClampedAndTheTokenIsUsed(string expiresIn)
    {
        var token = LeakCapture.NewToken("cc");
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, $"{{\"access_token\":\"{token}\",\"expires_in\":{expiresIn}}}"));
        var clock = new ManualTimeProvider();
        using var http = new HttpClient();
        using var source = new ClientCredentialsTokenSource(new ClientCredentialsOptions { TokenUrl = server.BaseAddress.ToString(), ClientId = "c", ClientSecret = LeakCapture.NewToken("secret") }, http, clock);

        var got = await source.GetTokenAsync(null);
        Assert.Equal(token, got.Value);
        Assert.InRange(got.ExpiresAt!.Value, clock.GetUtcNow().AddSeconds(1), clock.GetUtcNow().AddHours(24));
    }

    [Fact]
    public async Task AnyFailureOfTheOidcSourceFallsBackToTheFileAndEnvironment()
    {
        var env = LeakCapture.NewToken("env");
        var resolver = Resolver(Path.Combine(_directory, "absent"), env, new ThrowingSource());
        Assert.Equal(env, (await resolver.ResolveAsync()).Value);
        Assert.Equal(env, (await resolver.TryResolveBotTokenAsync())!.Value);
    }

    [Fact]
    public async Task ClientCredentialsFailuresOfEveryKindFallBack()
    {
        var env = LeakCapture.NewToken("env");
        var answers = new Queue<Func<HttpContext, Task>>(new Func<HttpContext, Task>[]
        {
            c => LoopbackServer.Json(c, 200, "{\"access_token\":\"bad\\r\\nX: y\",\"expires_in\":60}"),
            c => LoopbackServer.Json(c, 200, "not json"),
            c => { c.Abort(); return Task.CompletedTask; },
        });
        await using var server = await LoopbackServer.StartAsync(c => answers.Dequeue()(c));
        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var provider = BuildServices(null, o =>
            {
                o.ClientCredentials.TokenUrl = server.BaseAddress.ToString();
                o.ClientCredentials.ClientId = "c";
                o.ClientCredentials.ClientSecret = LeakCapture.NewToken("secret");
                o.ClientCredentials.MaxAttempts = 1;
                o.BotToken = env;
            });
            Assert.Equal(env, (await provider.GetRequiredService<CredentialTokenResolver>().ResolveAsync()).Value);
        }
    }

    [Theory]
    [InlineData("http://cp.attacker.example/token", "AMBIENT_CP_TOKEN_URL")]
    public void TokenEndpointsOutsideTheirAllowlistAreRefusedAtStartUp(string url, string named)
    {
        var cp = CredentialSettings.Parse(new CredentialClientOptions { ControlPlane = { TokenUrl = url, PublicKeyPem = TestKeys.PublicKeyPem, SessionId = "s" } });
        Assert.Contains(cp.ErrorTexts, t => t.Contains(named) && t.Contains("AllowedTokenEndpointHosts"));
        var cc = CredentialSettings.Parse(new CredentialClientOptions { ClientCredentials = { TokenUrl = url, ClientId = "c", ClientSecret = "s" } });
        Assert.Contains(cc.ErrorTexts, t => t.Contains("OIDC_TOKEN_URL") && t.Contains("AllowedTokenEndpointHosts"));

        using var http = new HttpClient();
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => new ControlPlaneTokenExchange(new ControlPlaneExchangeOptions { TokenUrl = url, PublicKeyPem = TestKeys.PublicKeyPem, SessionId = "s" }, http)));
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => new ClientCredentialsTokenSource(new ClientCredentialsOptions { TokenUrl = url, ClientId = "c", ClientSecret = "s" }, http)));

        // Allowed when configured.
        var allowed = new CredentialClientOptions { ControlPlane = { TokenUrl = url, PublicKeyPem = TestKeys.PublicKeyPem, SessionId = "s" } };
        allowed.AllowedTokenEndpointHosts.Add("cp.attacker.example");
        Assert.Empty(CredentialSettings.Parse(allowed).Errors);
    }

    [Fact]
    public async Task TheTokenEndpointClientDoesNotFollowRedirects()
    {
        await using var collector = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{\"token\":\"x\"}"));
        await using var plane = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = collector.BaseAddress.ToString();
            return Task.CompletedTask;
        });
        var env = LeakCapture.NewToken("env");
        using var provider = BuildServices(null, o =>
        {
            o.ControlPlane.TokenUrl = plane.BaseAddress.ToString();
            o.ControlPlane.PublicKeyPem = TestKeys.PublicKeyPem;
            o.ControlPlane.SessionId = "s1";
            o.BotToken = env;
        });

        Assert.Equal(env, (await provider.GetRequiredService<CredentialTokenResolver>().ResolveAsync()).Value);
        Assert.Equal(0, collector.RequestCount);
    }

    private sealed class ThrowingSource : IOidcTokenSource
    {
        public string Description => "throwing test source";

        public OidcToken? Cached => null;

        public ValueTask<OidcToken> GetTokenAsync(OidcToken? refused, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not an OidcTokenException");
    }
}
