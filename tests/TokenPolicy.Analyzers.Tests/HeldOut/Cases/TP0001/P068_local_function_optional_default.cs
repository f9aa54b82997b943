// Shape: local function with an optional path parameter defaulting to the token file
using System.IO;

namespace Runner.Auth;

public static class LocalDefault
{
    public static string Read()
    {
        return ReadFile();

        static string ReadFile(string path = "/var/run/secrets/tokens/runner-api") => {|TP0001:File.ReadAllText(path)|};
    }
}
