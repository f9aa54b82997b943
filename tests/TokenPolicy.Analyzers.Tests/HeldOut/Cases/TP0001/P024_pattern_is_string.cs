// Shape: `is string p` pattern on the AWS web identity token file variable
using System;
using System.IO;

namespace Runner.Aws;

public static class WebIdentity
{
    public static string? Token()
    {
        if (Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE") is string p)
        {
            return {|TP0001:File.ReadAllText(p)|};
        }

        return null;
    }
}
