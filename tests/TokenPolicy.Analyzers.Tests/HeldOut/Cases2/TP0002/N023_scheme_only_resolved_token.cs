// Shape: the scheme alone is a const; the credential is resolved at run time by a method of another assembly
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Crm.Export;

public static class ResolvedAuth
{
    private const string Scheme = "Bearer";

    public static void Apply(HttpRequestMessage request, Func<string> resolve)
        => request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, resolve());
}
