// Shape: ClientWebSocket header other than Authorization
using System.Net.WebSockets;

namespace Stream.Listener;

public static class Protocols
{
    public static ClientWebSocket Create()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Client-Build", "$$HEX40$$");
        socket.Options.AddSubProtocol("graphql-transport-ws");
        return socket;
    }
}
