// Shape: primary constructor optional token defaulting to the empty string
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Pipelines.Trigger;

public sealed class AnonymousRegistration(HttpClient http, string token = "")
{
    public HttpClient Authorized()
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
