// Shape: lambda builds the request and sets the header from a constant
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed class Poller
{
    private const string Token = "$$JWT$$";

    public Func<string, HttpRequestMessage> Factory { get; } = url =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
        return request;
    };
}
