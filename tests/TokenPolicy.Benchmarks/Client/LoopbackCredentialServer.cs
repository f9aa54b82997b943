using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TokenPolicy.Benchmarks.Client;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on 127.0.0.1 (an ephemeral port, never another address) that answers the
/// credential endpoint with a fixed JSON body; requests without a bearer Authorization header get 401. Allocation-free
/// per request, so the client-side difference dominates. Stops when disposed.
/// </summary>
public sealed class LoopbackCredentialServer : IAsyncDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] AuthorizationBearer = "\r\nAuthorization: Bearer "u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _expectedRequestLine;
    private readonly byte[] _ok;
    private readonly byte[] _unauthorized = Encoding.ASCII.GetBytes("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
    private readonly byte[] _notFound = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    private readonly List<Task> _connections = new();
    private Task? _accept;
    private long _requests;
    private long _refused;

    public LoopbackCredentialServer(string path, string jsonBody)
    {
        _expectedRequestLine = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\n");
        var body = Encoding.UTF8.GetBytes(jsonBody);
        _ok = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    public int Port { get; private set; }

    public long Requests => Interlocked.Read(ref _requests);

    public long Refused => Interlocked.Read(ref _refused);

    public void Start()
    {
        _listener.Start(64);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            client.NoDelay = true;
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                int end;
                while ((end = buffer.AsSpan(0, filled).IndexOf(HeadEnd)) >= 0)
                {
                    var head = buffer.AsSpan(0, end + HeadEnd.Length);
                    byte[] response;
                    if (!head.StartsWith(_expectedRequestLine))
                    {
                        response = _notFound;
                    }
                    else if (head.IndexOf(AuthorizationBearer) < 0)
                    {
                        response = _unauthorized;
                        Interlocked.Increment(ref _refused);
                    }
                    else
                    {
                        response = _ok;
                    }

                    Interlocked.Increment(ref _requests);
                    var consumed = end + HeadEnd.Length;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;
                    await stream.WriteAsync(response, _stop.Token).ConfigureAwait(false);
                }

                if (filled == buffer.Length)
                {
                    return; // a head larger than the buffer: not something the clients here send
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        if (_accept is not null)
        {
            await _accept.ConfigureAwait(false);
        }

        Task[] connections;
        lock (_connections)
        {
            connections = _connections.ToArray();
        }

        try
        {
            await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }
}
