// Shape: partial class, the path field is declared in one part and read in the other part of the same file
using System.IO;

namespace Reports.Api;

public partial class ClusterCaller
{
    private static readonly string s_tokenPath = Path.Combine("/var/run/secrets/kubernetes.io/serviceaccount", "token");
}

public partial class ClusterCaller
{
    public string LoadBearer() => {|TP0001:File.ReadAllText(s_tokenPath)|};
}
