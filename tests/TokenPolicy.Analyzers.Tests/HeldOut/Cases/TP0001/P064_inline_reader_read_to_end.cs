// Shape: new StreamReader(path).ReadToEnd() inline
using System.IO;

namespace Runner.Auth;

public static class InlineReader
{
    public static string Read() => {|TP0001:new StreamReader("/var/run/secrets/kubernetes.io/serviceaccount/token")|}.ReadToEnd();
}
