// Shape: generic helper reads a file and parses it, called with the token path
using System;
using System.IO;

namespace Runner.Auth;

public static class Files
{
    public static T Load<T>(string path, Func<string, T> parse) => parse(File.ReadAllText(path));
}

public sealed class TokenHolder
{
    public string Token { get; } = {|TP0001:Files.Load("/var/run/secrets/kubernetes.io/serviceaccount/token", s => s.Trim())|};
}
