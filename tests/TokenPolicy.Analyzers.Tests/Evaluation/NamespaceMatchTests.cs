using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenPolicy.Analyzers.Requests;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>The namespace test the request and evaluator paths use instead of building a display string.</summary>
public class NamespaceMatchTests
{
    [Theory]
    [InlineData("A.B.C", "A.B.C", true)]
    [InlineData("A.B.C", "B.C", false)]
    [InlineData("A.B.C", "A.B", false)]
    [InlineData("A.B.C", "X.A.B.C", false)]
    [InlineData("A.B.C", "AA.B.C", false)]
    [InlineData("A.B.C", "A.BB.C", false)]
    [InlineData("A", "A", true)]
    [InlineData("A", "", false)]
    [InlineData("", "A", false)]
    public void A_namespace_matches_its_full_dotted_name_only(string declared, string asked, bool expected)
    {
        var source = declared.Length == 0 ? "class T { }" : $"namespace {declared} {{ class T {{ }} }}";
        var compilation = CSharpCompilation.Create("n", new[] { CSharpSyntaxTree.ParseText(source) });
        var type = compilation.GetSymbolsWithName("T").OfType<INamedTypeSymbol>().Single();
        Assert.Equal(expected, ScopeFacts.IsNamespace(type.ContainingNamespace, asked));
        Assert.Equal(expected, declared.Length > 0 && type.ContainingNamespace.ToDisplayString() == asked);
    }
}
