using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TokenPolicy.Client.Tests;

/// <summary>What a <see cref="LoopbackServer"/> received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? CurrentUser, string Host);

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, answering with a test's delegate.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            server._requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
                context.Request.Headers.TryGetValue("X-Runner-Current-User", out var user) ? user.ToString() : null,
                context.Request.Host.Host));
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync();
    }

    /// <summary>
    /// A handler whose every connection, whatever the URL's host, goes to this server: a request that the guard let
    /// through would be seen here.
    /// </summary>
    public SocketsHttpHandler CreateRedirectingHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>
    /// A handler as an application would configure it (redirects followed, the default proxy) whose connections go to
    /// the loopback server named for the host in <paramref name="hosts"/>, so that host names outside the allowlist can
    /// be served on loopback.
    /// </summary>
    public static SocketsHttpHandler CreateNameMappingHandler(IReadOnlyDictionary<string, LoopbackServer> hosts) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var port = hosts.TryGetValue(context.DnsEndPoint.Host, out var server) ? server.Port : context.DnsEndPoint.Port;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
