// Shape: `is string p` pattern on an application variable (SERVICE_TOKEN_FILE) that is not a token-file variable
using System;
using System.IO;

namespace Acme.Uploads;

public sealed class UploadTokenProbe
{
    public string? Read()
        => Environment.GetEnvironmentVariable("SERVICE_TOKEN_FILE") is string file ? File.ReadAllText(file) : null;
}
