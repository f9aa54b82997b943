// Shape: classic using statement around a StreamReader
using System.IO;

namespace Runner.Auth;

public static class UsingStatement
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Read()
    {
        string token;
        using (var reader = {|TP0001:new StreamReader(TokenPath)|})
        {
            token = reader.ReadToEnd();
        }

        return token.Trim();
    }
}
