// Shape: File.ReadLines with LINQ First
using System.IO;
using System.Linq;

namespace Runner.Auth;

public static class LinesToken
{
    public static string Read() => {|TP0001:File.ReadLines("/var/run/secrets/kubernetes.io/serviceaccount/token")|}.First();
}
