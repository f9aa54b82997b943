// Shape: ClientWebSocket.Options.SetRequestHeader("Authorization", ...)
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace Stream.Listener;

public static class EventStream
{
    public static async Task<ClientWebSocket> ConnectAsync(CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", {|TP0002:"Bearer $$JWT$$"|});
        await socket.ConnectAsync(new Uri("wss://events.invalid/stream"), ct);
        return socket;
    }
}
