// Shape: pattern variable `is string p` on AWS_WEB_IDENTITY_TOKEN_FILE, read inside the if
using System;
using System.IO;

namespace Acme.Uploads;

public sealed class IdentityProbe
{
    public string Describe()
    {
        if (Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE") is string tokenFile)
        {
            var jwt = {|TP0001:File.ReadAllText(tokenFile)|};
            return $"web identity ({jwt.Length} chars)";
        }

        return "static credentials";
    }
}
