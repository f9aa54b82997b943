// Shape: derived client passes a configured token to its base constructor
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Vendors.Sdk;

public abstract class ApiClientBase
{
    private readonly string _token;

    protected ApiClientBase(string token) => _token = token;

    protected void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
}

public sealed class ConfiguredStatusClient : ApiClientBase
{
    public ConfiguredStatusClient(IReadOnlyDictionary<string, string> settings)
        : base(settings["StatusPage:Token"])
    {
    }
}
