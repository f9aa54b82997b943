// Shape: AuthenticationHeaderValue.Parse of an incoming header value (runtime) forwarded downstream
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Legacy.Bridge;

public static class Forwarder
{
    public static void Forward(HttpRequestMessage outgoing, string incomingAuthorization)
        => outgoing.Headers.Authorization = AuthenticationHeaderValue.Parse(incomingAuthorization);
}
