// Shape: File.OpenHandle on the AKS token, read with RandomAccess into a buffer
using System;
using System.IO;
using System.Text;

namespace Aks.Identity;

public static class AksAssertion
{
    private static readonly string TokenPath = "/var/run/secrets/azure/tokens/azure-identity-token";

    public static string Read()
    {
        using var handle = {|TP0001:File.OpenHandle(TokenPath)|};
        var length = RandomAccess.GetLength(handle);
        var buffer = new byte[length];
        RandomAccess.Read(handle, buffer, 0);
        return Encoding.UTF8.GetString(buffer);
    }
}
