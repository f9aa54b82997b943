// Shape: Lazy<string> whose factory lambda reads a const path
using System;
using System.IO;

namespace Notifications.Push;

public sealed class PushAuth
{
    private const string TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private readonly Lazy<string> _token = new(() => {|TP0001:File.ReadAllText(TokenFile)|}.Trim());

    public string Token => _token.Value;
}
