// Shape: AWS_WEB_IDENTITY_TOKEN_FILE with a literal fallback
using System;
using System.IO;

namespace Runner.Aws;

public sealed class StsAssumeRole
{
    public string ReadWebIdentityToken()
    {
        var file = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE")
            ?? "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
        return {|TP0001:File.ReadAllText(file)|};
    }
}
