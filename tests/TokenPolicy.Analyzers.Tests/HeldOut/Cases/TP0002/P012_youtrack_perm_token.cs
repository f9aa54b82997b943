// Shape: YouTrack permanent token (perm:...) as Bearer
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Tracker.Sync;

public static class YouTrack
{
    public static HttpClient Create()
    {
        var client = new HttpClient { BaseAddress = new Uri("https://tracker.invalid/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"$$PERM$$"|});
        return client;
    }
}
