using System.Diagnostics;

namespace TokenPolicy.Cli.Tests;

/// <summary>Bad input: each has a clear outcome and exit code.</summary>
public sealed class InputTests
{
    [Fact]
    public async Task Missing_path_exits_2_naming_the_path()
    {
        using var dir = new TempDir();

        var run = await Cli.RunAsync(dir.Path, "check", "no/such/folder");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("error: path not found: 'no/such/folder' (no such file or folder)", run.Err.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Empty_folder_exits_2_saying_there_is_nothing_to_analyse()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["empty/bin"]);
        dir.Write("empty/bin/Ignored.cs", Sources.TokenReader); // build output is never scanned

        var run = await Cli.RunAsync(dir.Path, "check", "empty");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("error: nothing to analyse: no C# projects or .cs files under 'empty'", run.Err.Trim());
    }

    [Fact]
    public async Task Unsupported_file_exits_2()
    {
        using var dir = new TempDir();
        dir.Write("notes.txt", "hello");

        var run = await Cli.RunAsync(dir.Path, "check", "notes.txt");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("error: unsupported file 'notes.txt': expected a .sln, .slnx, .csproj or .cs file, or a folder", run.Err);
    }

    [Fact]
    public async Task Binary_file_named_cs_is_skipped_with_a_notice_and_the_rest_is_analysed()
    {
        using var dir = new TempDir();
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(dir["Blob.cs"], bytes);
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", ".");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains($"note: skipped '{dir["Blob.cs"]}': binary content (NUL bytes), not C# source", run.Err);
        Assert.Contains("TokenReader.cs:7:36: warning TP0001", run.Out);
        Assert.Contains("1 file analysed", run.Out);
    }

    [Fact]
    public async Task Unreadable_file_exits_2_naming_the_file_and_why()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        File.CreateSymbolicLink(dir["Dangling.cs"], dir["missing-target.cs"]);

        var run = await Cli.RunAsync(dir.Path, "check", ".");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"error: cannot read '{dir["Dangling.cs"]}': ", run.Err);
        Assert.Contains("TokenReader.cs:7:36: warning TP0001", run.Out); // the rest is still reported
    }

    [Fact]
    public async Task File_of_50000_lines_is_analysed_in_bounded_time()
    {
        using var dir = new TempDir();
        var code = new System.Text.StringBuilder("using System.IO;\n\npublic static class Big\n{\n");
        for (var i = 0; i < 9_999; i++)
        {
            code.Append("    public static int M").Append(i).Append("(int x)\n    {\n        return x + ").Append(i).Append(";\n    }\n\n");
        }

        code.Append("    public static string Read() => File.ReadAllText(\"").Append(Sources.ServiceAccountPath).Append("\");\n}\n");
        var text = code.ToString();
        var lineCount = text.Count(c => c == '\n');
        Assert.InRange(lineCount, 50_000, 50_010);
        dir.Write("Big.cs", text);

        var clock = Stopwatch.StartNew();
        var run = await Cli.RunAsync(dir.Path, "check", ".");
        clock.Stop();

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains($"Big.cs:{lineCount - 1}:36: warning TP0001", run.Out);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--severity", "fatal")]
    [InlineData("check", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Usage_errors_exit_2_with_a_hint(params string[] args)
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), args);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("error: ", run.Err);
        Assert.Contains("--help", run.Err);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), "check", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--write-baseline", run.Out);
        Assert.Contains("text|json|sarif|github", run.Out);
    }

    [Fact]
    public async Task Project_that_fails_to_load_exits_2_naming_it_and_why()
    {
        using var dir = new TempDir();
        var project = dir.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n");
        dir.Write("Broken/Program.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", "Broken");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"error: cannot load '{project}': 'dotnet restore' failed", run.Err);
        Assert.Contains("Broken.csproj", run.Err);
        Assert.Contains("MSB4025", run.Err); // the project file could not be loaded (malformed XML)
        Assert.Equal("", run.Out);

        // Nothing was analysed, so no baseline is recorded (an empty one would accept every finding later).
        var write = await Cli.RunAsync(dir.Path, "check", "Broken", "--write-baseline", "b.json");
        Assert.Equal(ExitCodes.Error, write.ExitCode);
        Assert.False(File.Exists(dir["b.json"]), write.ToString());
    }
}
