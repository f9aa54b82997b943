using Microsoft.Extensions.DependencyInjection;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class ResolverTests : LeakCheckedTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenpolicy-resolver-").FullName;

    public override void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        base.Dispose();
    }

    private CredentialTokenResolver Create(string? file = null, string? environmentToken = null, IOidcTokenSource? oidc = null)
    {
        var options = new CredentialClientOptions
        {
            BotTokenFilePath = file ?? Path.Combine(_directory, "absent"),
            BotToken = environmentToken,
            BotTokenFileCheckInterval = TimeSpan.Zero,
        };
        return new CredentialTokenResolver(AsyncLocalCallerTokenAccessor.Instance, options, oidc);
    }

    [Fact]
    public async Task CallerTokenComesFirst()
    {
        var caller = LeakCapture.NewToken("caller");
        var bot = LeakCapture.NewToken("bot");
        var resolver = Create(environmentToken: bot);
        using (CallerTokenContext.Begin("Bearer " + caller, "u1"))
        {
            var token = await resolver.ResolveAsync();
            Assert.Equal(TokenSource.Caller, token.Source);
            Assert.Equal(caller, token.Value);
            Assert.Equal("u1", token.UserId);
            Assert.Equal(caller, resolver.Resolve().Value);
        }

        var after = resolver.Resolve();
        Assert.Equal(TokenSource.ControlPlaneOidc, after.Source);
        Assert.Equal("Bearer", after.Scheme);
        Assert.Equal(bot, after.Value);
    }

    [Fact]
    public void RepeatedResolutionsReuseOneTokenUntilItChanges()
    {
        var first = LeakCapture.NewToken("memo1");
        var source = new SettableTokenSource { Token = first };
        var resolver = Create(oidc: source);

        var a = resolver.Resolve();
        Assert.Same(a, resolver.Resolve());
        Assert.Equal(first, a.Value);

        var second = LeakCapture.NewToken("memo2");
        source.Token = second;
        var b = resolver.Resolve();
        Assert.NotSame(a, b);
        Assert.Equal(second, b.Value);

        var caller = LeakCapture.NewToken("memo-caller");
        using (CallerTokenContext.Begin("Bearer " + caller, "u1"))
        {
            var c = resolver.Resolve();
            Assert.Same(c, resolver.Resolve());
            Assert.Equal(caller, c.Value);
        }

        using (CallerTokenContext.Begin("Bearer " + caller, "u2"))
        {
            Assert.Equal("u2", resolver.Resolve().UserId);
        }
    }

    private sealed class SettableTokenSource : IOidcTokenSource
    {
        public string? Token { get; set; }

        public string Description => "test token source";

        private OidcToken? _current;

        public OidcToken? Cached => Token is null ? null : _current is { } c && c.Value == Token ? c : _current = new OidcToken(Token);

        public ValueTask<OidcToken> GetTokenAsync(OidcToken? refused, CancellationToken cancellationToken = default)
            => Cached is { } token ? new ValueTask<OidcToken>(token) : throw new InvalidOperationException("no token");
    }

    [Fact]
    public async Task FileBeatsEnvironmentAndIsTrimmedAndReReadWhenItChanges()
    {
        var file = Path.Combine(_directory, "bot-token");
        var first = LeakCapture.NewToken("file1");
        var env = LeakCapture.NewToken("env");
        await File.WriteAllTextAsync(file, "  " + first + "\n");
        var resolver = Create(file, env);

        Assert.Equal(first, resolver.Resolve().Value);
        Assert.Equal(first, (await resolver.ResolveAsync()).Value);

        // Rotation: new content (and a new modification time).
        var second = LeakCapture.NewToken("file2-rotated");
        await File.WriteAllTextAsync(file, second + "\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(second, resolver.Resolve().Value);

        // The file disappears: BOT_TOKEN is the last source.
        File.Delete(file);
        Assert.Equal(env, resolver.Resolve().Value);
    }

    [Fact]
    public async Task RotationThroughASymlinkSwapIsSeen()
    {
        var dataA = Directory.CreateDirectory(Path.Combine(_directory, "..a")).FullName;
        var dataB = Directory.CreateDirectory(Path.Combine(_directory, "..b")).FullName;
        var first = LeakCapture.NewToken("link1");
        var second = LeakCapture.NewToken("link2");
        await File.WriteAllTextAsync(Path.Combine(dataA, "bot-token"), first);
        await File.WriteAllTextAsync(Path.Combine(dataB, "bot-token"), second);
        var link = Path.Combine(_directory, "bot-token");
        File.CreateSymbolicLink(link, Path.Combine(dataA, "bot-token"));
        var resolver = Create(link);
        Assert.Equal(first, resolver.Resolve().Value);

        File.Delete(link);
        File.CreateSymbolicLink(link, Path.Combine(dataB, "bot-token"));
        Assert.Equal(second, resolver.Resolve().Value);
    }

    [Fact]
    public async Task NoSourceFailsClosedNamingEverySourceTried()
    {
        var resolver = Create();
        var sync = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => resolver.Resolve()));
        var async = await Throws<CredentialTokenUnavailableException>(() => resolver.ResolveAsync().AsTask());

        foreach (var e in new[] { sync, async })
        {
            Assert.Contains("caller token", e.Message);
            Assert.Contains("bot-token file", e.Message);
            Assert.Contains(Path.Combine(_directory, "absent"), e.Message);
            Assert.Contains("BOT_TOKEN", e.Message);
            Assert.Contains("control-plane exchange", e.Message);
            Assert.Equal(4, e.SourcesTried.Count);
        }
    }

    [Fact]
    public void EmptyFileIsSkipped()
    {
        var file = Path.Combine(_directory, "bot-token");
        File.WriteAllText(file, "  \n");
        var env = LeakCapture.NewToken("env");
        Assert.Equal(env, Create(file, env).Resolve().Value);
        var e = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => Create(file).Resolve()));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void CreateFromEnvironmentReadsThePlatformVariables()
    {
        var bot = LeakCapture.NewToken("envbot");
        var variables = new Dictionary<string, string?> { ["BOT_TOKEN"] = " " + bot + " " };
        var resolver = CredentialTokenResolver.CreateFromEnvironment(name => variables.GetValueOrDefault(name));
        // The default file path does not exist on a test machine; if it did, it would win, which is also correct.
        if (!File.Exists(CredentialClientOptions.DefaultBotTokenFilePath))
        {
            var token = resolver.Resolve();
            Assert.Equal(bot, token.Value);
            Assert.Equal("Bearer " + bot, token.ToAuthorizationHeader().ToString());
        }

        var bad = new Dictionary<string, string?> { ["AMBIENT_CP_TOKEN_URL"] = "ftp://cp.svc/token", ["SESSION_ID"] = "s" };
        var e = LeakCapture.Observe(Assert.Throws<InvalidOperationException>(() => CredentialTokenResolver.CreateFromEnvironment(n => bad.GetValueOrDefault(n))));
        Assert.Contains("AMBIENT_CP_TOKEN_URL", e.Message);
        Assert.Contains("AMBIENT_CP_TOKEN_PUBLIC_KEY", e.Message);
    }

    [Fact]
    public async Task DefaultIsOneLazilyBuiltInstanceAcrossThreadsAndUsesTheAmbientCaller()
    {
        var instances = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => CredentialTokenResolver.Default)));
        Assert.All(instances, i => Assert.Same(instances[0], i));

        var caller = LeakCapture.NewToken("default-caller");
        using (CallerTokenContext.Begin("Bearer " + caller, "carol"))
        {
            var token = CredentialTokenResolver.Default.Resolve();
            Assert.Equal(TokenSource.Caller, token.Source);
            Assert.Equal(caller, token.Value);
        }
    }

    [Fact]
    public void DependencyInjectionRegistersOneResolverBehindTheInterface()
    {
        var bot = LeakCapture.NewToken("di");
        using var provider = BuildServices(null, o => o.BotToken = bot);
        var resolver = provider.GetRequiredService<ICredentialTokenResolver>();
        Assert.Same(provider.GetRequiredService<CredentialTokenResolver>(), resolver);
        Assert.Equal(bot, resolver.Resolve().Value);
    }
}
