using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers;

namespace TokenPolicy.Cli.Analysis;

/// <summary>
/// The analyzers and code-fix providers the tool runs, found by reflection over the rule assemblies
/// (every concrete DiagnosticAnalyzer / CodeFixProvider with a public parameterless constructor),
/// so the tool runs whatever rules and fixes exist without listing them.
/// </summary>
internal sealed class RuleCatalog
{
    private const string CodeFixesAssemblyName = "TokenPolicy.CodeFixes";

    private RuleCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers, ImmutableArray<string> loadErrors)
    {
        Analyzers = analyzers;
        Fixers = fixers;
        LoadErrors = loadErrors;
        Descriptors = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    /// <summary>One descriptor per rule ID, ordered by ID.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>Types that could not be instantiated (reported as notices).</summary>
    public ImmutableArray<string> LoadErrors { get; }

    public DiagnosticDescriptor? Descriptor(string id) => Descriptors.FirstOrDefault(d => d.Id == id);

    public IEnumerable<CodeFixProvider> FixersFor(string id) => Fixers.Where(f => f.FixableDiagnosticIds.Contains(id));

    /// <summary>The bundled rule assemblies: TokenPolicy.Analyzers and, once it exists, TokenPolicy.CodeFixes.</summary>
    public static IReadOnlyList<Assembly> BundledAssemblies()
    {
        var assemblies = new List<Assembly> { typeof(RuleIdentifiers).Assembly };
        var codeFixes = TryLoadCodeFixes();
        if (codeFixes is not null)
        {
            assemblies.Add(codeFixes);
        }

        return assemblies;
    }

    public static RuleCatalog Load(IReadOnlyList<Assembly>? assemblies)
    {
        assemblies ??= BundledAssemblies();
        var analyzers = new List<DiagnosticAnalyzer>();
        var fixers = new List<CodeFixProvider>();
        var errors = new List<string>();
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || type.IsGenericTypeDefinition || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            try
            {
                if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && SupportsCSharp(type))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
                else if (typeof(CodeFixProvider).IsAssignableFrom(type) && SupportsCSharpFix(type))
                {
                    fixers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                }
            }
            catch (Exception ex)
            {
                errors.Add($"could not create {type.FullName}: {(ex is TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message)}");
            }
        }

        return new RuleCatalog(analyzers.ToImmutableArray(), fixers.ToImmutableArray(), errors.ToImmutableArray());
    }

    private static bool SupportsCSharp(Type type)
    {
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>(inherit: false);
        return attribute is null || attribute.Languages.Contains(LanguageNames.CSharp);
    }

    private static bool SupportsCSharpFix(Type type)
    {
        var attribute = type.GetCustomAttribute<ExportCodeFixProviderAttribute>(inherit: false);
        return attribute is null || attribute.Languages.Contains(LanguageNames.CSharp);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null)!;
        }
    }

    private static Assembly? TryLoadCodeFixes()
    {
        try
        {
            return Assembly.Load(new AssemblyName(CodeFixesAssemblyName));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
        }

        var beside = Path.Combine(AppContext.BaseDirectory, CodeFixesAssemblyName + ".dll");
        if (File.Exists(beside))
        {
            try
            {
                return Assembly.LoadFrom(beside);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
            }
        }

        return null;
    }
}
