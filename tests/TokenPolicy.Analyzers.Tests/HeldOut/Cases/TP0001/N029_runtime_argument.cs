// Shape: path from the command line
using System;
using System.IO;

namespace Runner.Cli;

public static class Program2
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: inspect <file>");
            return 2;
        }

        Console.WriteLine(File.ReadAllText(args[0]).Length);
        return 0;
    }
}
