using System;
using System.Collections.Generic;
using System.Linq;

namespace TokenPolicy.Credentials;

/// <summary>
/// The exfiltration guard: the hosts a token may be sent to. Exact names match exactly (case-insensitive);
/// <c>*.suffix</c> matches any host under the suffix but not the suffix itself.
/// </summary>
internal sealed class HostAllowlist
{
    private readonly string[] _exact;
    private readonly string[] _suffixes;

    private HostAllowlist(string[] exact, string[] suffixes)
    {
        _exact = exact;
        _suffixes = suffixes;
    }

    public static HostAllowlist Create(IEnumerable<string> patterns)
    {
        var exact = new List<string>();
        var suffixes = new List<string>();
        foreach (var raw in patterns)
        {
            if (!IsValidPattern(raw))
            {
                continue;
            }

            var pattern = raw.Trim();
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                suffixes.Add(Normalize(pattern.Substring(1)));
            }
            else
            {
                exact.Add(Normalize(pattern));
            }
        }

        return new HostAllowlist(exact.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), suffixes.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
    }

    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var p = pattern!.Trim();
        if (p.StartsWith("*.", StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }

        if (p.Length == 0 || p.Contains('*') || p.Contains('/') || p.Contains('@') || p.Contains(' '))
        {
            return false;
        }

        return true;
    }

    public bool IsAllowed(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        return IsAllowedHost(uri.IdnHost);
    }

    public bool IsAllowedHost(string host)
    {
        // Allocation-free: brackets of an IPv6 literal and one trailing dot are ignored, case too.
        var h = host.AsSpan().Trim();
        if (h.Length >= 2 && h[0] == '[' && h[^1] == ']')
        {
            h = h[1..^1];
        }

        h = h.TrimEnd('.');
        if (h.Length == 0)
        {
            return false;
        }

        foreach (var exact in _exact)
        {
            if (h.Equals(exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var suffix in _suffixes)
        {
            // suffix is ".svc.cluster.local": the host must be longer than it (a label before the dot).
            if (h.Length > suffix.Length && h.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string host)
    {
        var h = host.Trim();
        if (h.StartsWith('[') && h.EndsWith(']'))
        {
            h = h.Substring(1, h.Length - 2);
        }

        return h.TrimEnd('.').ToLowerInvariant();
    }
}

/// <summary>Thrown when a token would be sent to a host outside the allowlist; nothing was sent.</summary>
public sealed class CredentialHostNotAllowedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">The refused host.</param>
    public CredentialHostNotAllowedException(string host)
        : base($"Refusing to send a token to host '{host}': it is not in {CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.AllowedBackendHosts)}. Nothing was sent.")
    {
        Host = host;
    }

    /// <summary>Creates the exception with the reason the host was refused.</summary>
    /// <param name="host">The refused host.</param>
    /// <param name="reason">Why (no secrets).</param>
    public CredentialHostNotAllowedException(string host, string reason)
        : base($"Refusing a token's way to host '{host}': {reason}.")
    {
        Host = host;
    }

    /// <summary>The refused host.</summary>
    public string Host { get; }
}
