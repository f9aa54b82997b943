// Shape: List<string> filled with Add in the method, FirstOrDefault(File.Exists), then a StreamReader
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Billing.Jobs;

public sealed class JobCredentialReader
{
    public string? Read()
    {
        var paths = new List<string>();
        paths.Add("/run/secrets/kubernetes.io/serviceaccount/token");
        paths.Add("/var/run/secrets/kubernetes.io/serviceaccount/token");
        var found = paths.FirstOrDefault(File.Exists);
        if (found is null)
        {
            return null;
        }

        using var reader = {|TP0001:new StreamReader(found)|};
        return reader.ReadToEnd();
    }
}
