// Shape: a JWT literal split and decoded in a parsing helper, never put in a header
using System;
using System.Text;

namespace Auth.Debug;

public static class JwtPeek
{
    private const string Sample = "$$JWT$$";

    public static string Payload()
    {
        var part = Sample.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(part));
    }
}
