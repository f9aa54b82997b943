namespace TokenPolicy.Package.Tests;

/// <summary>A fact that is skipped, with the reason, while the repository has no code-fix project.</summary>
public sealed class RequiresCodeFixesFactAttribute : FactAttribute
{
    public RequiresCodeFixesFactAttribute()
    {
        if (!PackageFixture.CodeFixesExist)
        {
            Skip = "src/TokenPolicy.CodeFixes does not exist yet, so the package carries no code-fix assembly to apply.";
        }
    }
}
