// Shape: incoming header prefix check and strip
using System;

namespace Partner.Api;

public static class Incoming
{
    private const string Prefix = "Bearer ";

    public static string? Token(string? header)
        => header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..] : null;
}
