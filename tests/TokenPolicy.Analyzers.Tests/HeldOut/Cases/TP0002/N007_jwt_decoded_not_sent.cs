// Shape: a JWT constant decoded for claims, never sent
using System;
using System.Text;

namespace Partner.Api;

public static class ClaimsPeek
{
    private const string Sample = "$$JWT$$";

    public static string Payload()
    {
        var part = Sample.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(part));
    }
}
