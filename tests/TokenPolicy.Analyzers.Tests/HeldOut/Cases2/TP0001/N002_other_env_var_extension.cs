// Shape: extension method reading the file named by AZURE_CLIENT_CERTIFICATE_PATH (not a token-file variable)
using System;
using System.IO;

namespace Contoso.Identity;

public static class CertificateFiles
{
    public static byte[] LoadClientCertificate(this AppDomain _)
        => File.ReadAllBytes(Environment.GetEnvironmentVariable("AZURE_CLIENT_CERTIFICATE_PATH")!);
}
