// Shape: string.Format("Bearer {0}", runtime) for the header
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Packages.Mirror;

public static class MirrorAuth
{
    public static void Apply(HttpRequestMessage request, string token)
        => request.Headers.Add("Authorization", string.Format("Bearer {0}", token));
}
