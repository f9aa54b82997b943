// Shape: ReadAllLinesAsync of the EKS token
using System.IO;
using System.Threading.Tasks;

namespace Runner.Aws;

public static class LinesAsync
{
    public static async Task<string> ReadAsync()
    {
        var lines = await {|TP0001:File.ReadAllLinesAsync("/var/run/secrets/eks.amazonaws.com/serviceaccount/token")|};
        return string.Concat(lines);
    }
}
