// Shape: "Bearer " + a runtime parameter in TryAddWithoutValidation
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Pipelines.Trigger;

public static class TriggerRequests
{
    public static HttpRequestMessage Build(string url, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + accessToken);
        return request;
    }
}
