// Shape: switch statement with `case string p when ...` on a local that may be the kubelet token path
using System;
using System.IO;

namespace Alerts.Router;

public static class RouterToken
{
    public static string Load()
    {
        object configured = Environment.GetEnvironmentVariable("ROUTER_MODE") == "cluster"
            ? "/var/run/secrets/kubernetes.io/serviceaccount/token"
            : "";
        switch (configured)
        {
            case string path when path.Length > 0:
                return {|TP0001:File.ReadAllText(path)|};
            default:
                return "";
        }
    }
}
