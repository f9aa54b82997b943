// Shape: ConcurrentDictionary<string, string> header cache with TryAdd("Authorization", ...)
using System.Collections.Concurrent;

namespace Edge.Cache;

public sealed class UpstreamHeaderCache
{
    private readonly ConcurrentDictionary<string, string> _headers = new();

    public void Seed()
    {
        _headers.TryAdd("Accept", "application/json");
        _headers.TryAdd("Authorization", {|TP0002:"Bearer $$SK$$"|});
    }

    public ConcurrentDictionary<string, string> Headers => _headers;
}
