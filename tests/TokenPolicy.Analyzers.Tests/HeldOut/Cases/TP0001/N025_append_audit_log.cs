// Shape: appends an audit line mentioning the token path
using System;
using System.IO;

namespace Runner.Audit;

public static class AuditLog
{
    public static void Record(string user)
        => File.AppendAllText("/var/log/runner/audit.log", $"{DateTime.UtcNow:o} {user} denied read of /var/run/secrets/kubernetes.io/serviceaccount/token{Environment.NewLine}");
}
