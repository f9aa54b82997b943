// Shape: generic read-and-parse helper called with ca.crt
using System;
using System.IO;

namespace Runner.Auth;

public static class Loader
{
    public static T Load<T>(string path, Func<string, T> parse) => parse(File.ReadAllText(path));
}

public sealed class CaHolder
{
    public int Length { get; } = Loader.Load("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", s => s.Length);
}
