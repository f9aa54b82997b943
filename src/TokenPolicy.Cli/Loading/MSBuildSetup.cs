using System;
using System.Linq;
using Microsoft.Build.Locator;

namespace TokenPolicy.Cli.Loading;

/// <summary>
/// Registers the MSBuild of the installed .NET SDK (Microsoft.Build.Locator). This class must not touch
/// any Microsoft.Build or Microsoft.CodeAnalysis.MSBuild type: it runs before they may be loaded.
/// </summary>
internal static class MSBuildSetup
{
    private static readonly object Gate = new();
    private static string? s_failure;

    /// <summary>Why registration failed, or null when MSBuild is registered.</summary>
    public static string? Failure
    {
        get
        {
            lock (Gate)
            {
                return MSBuildLocator.IsRegistered ? null : s_failure ?? "MSBuild is not registered";
            }
        }
    }

    /// <summary>Registers the default MSBuild instance once; returns false (and records why) when none is found.</summary>
    public static bool TryRegister()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return true;
            }

            try
            {
                if (!MSBuildLocator.QueryVisualStudioInstances().Any())
                {
                    s_failure = "no .NET SDK was found (project and solution loading needs the .NET SDK; a folder of loose .cs files does not)";
                    return false;
                }

                if (!MSBuildLocator.CanRegister)
                {
                    s_failure = "MSBuild assemblies were loaded before Microsoft.Build.Locator could register the SDK's MSBuild";
                    return false;
                }

                MSBuildLocator.RegisterDefaults();
                return true;
            }
            catch (Exception ex)
            {
                s_failure = "could not register the .NET SDK's MSBuild: " + ex.Message;
                return false;
            }
        }
    }
}
