// Shape: a private static Env(name) helper wrapping GetEnvironmentVariable, called with AWS_WEB_IDENTITY_TOKEN_FILE, then read
using System;
using System.IO;

namespace Storage.S3Compat;

public sealed class WebIdentityProvider
{
    private static string? Env(string name) => Environment.GetEnvironmentVariable(name);

    public Func<string> TokenProvider()
    {
        var file = Env("AWS_WEB_IDENTITY_TOKEN_FILE") ?? throw new InvalidOperationException("no web identity token file");
        return () => {|TP0001:File.ReadAllText(file)|};
    }
}
