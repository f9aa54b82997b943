// Shape: TokenFileAuth with a path from an application environment variable (unknown)
using System;
using k8s.Authentication;

namespace Operators.Backup;

public static class EnvTokenAuth
{
    public static TokenFileAuth Create() => new(Environment.GetEnvironmentVariable("KUBE_TOKEN_PATH") ?? "/etc/kube/token");
}
