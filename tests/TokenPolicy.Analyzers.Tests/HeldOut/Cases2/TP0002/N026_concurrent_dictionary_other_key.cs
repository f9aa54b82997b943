// Shape: ConcurrentDictionary header cache with a token-like value under X-Signature
using System.Collections.Concurrent;

namespace Edge.Cache;

public sealed class SignatureCache
{
    private readonly ConcurrentDictionary<string, string> _headers = new();

    public void Seed() => _headers.TryAdd("X-Signature", "$$HEX40$$");
}
