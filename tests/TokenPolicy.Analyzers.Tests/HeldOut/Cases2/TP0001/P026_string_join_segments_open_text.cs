// Shape: string.Join("/", ...) of segments starting with an empty one, opened with File.OpenText
using System.IO;

namespace Quotas.Service;

public static class QuotaAuth
{
    public static string Read()
    {
        var path = string.Join("/", "", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "token");
        using var reader = {|TP0001:File.OpenText(path)|};
        return reader.ReadLine() ?? "";
    }
}
