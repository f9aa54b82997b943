// Shape: File.OpenHandle with RandomAccess.Read into a buffer
using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Runner.Native;

public static class HandleTokenReader
{
    private const string TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Read()
    {
        using SafeFileHandle handle = {|TP0001:File.OpenHandle(TokenFile, FileMode.Open, FileAccess.Read)|};
        var length = (int)RandomAccess.GetLength(handle);
        var buffer = new byte[length];
        RandomAccess.Read(handle, buffer, 0);
        return Encoding.ASCII.GetString(buffer).Trim();
    }
}
