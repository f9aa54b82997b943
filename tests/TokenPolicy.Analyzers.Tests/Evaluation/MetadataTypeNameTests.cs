using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>
/// The sink tables' type names, matched against symbols by name (no lookup): every answer must be the one
/// <see cref="Compilation.GetTypeByMetadataName"/> gives for the same name.
/// </summary>
public class MetadataTypeNameTests
{
    private const string Source = @"
class Top { class Inner { } }
namespace A.B
{
    class T { }
    class G<X> { }
    class G<X, Y> { }
    class Outer { class Inner { } class Nested<Z> { class Deep { } } }
}
namespace A { class T { } }
namespace AA.B { class T { } }
";

    [Theory]
    [InlineData("A.B.T")]
    [InlineData("A.T")]
    [InlineData("AA.B.T")]
    [InlineData("A.B.G`1")]
    [InlineData("A.B.G`2")]
    [InlineData("A.B.Outer+Inner")]
    [InlineData("A.B.Outer+Nested`1+Deep")]
    [InlineData("Top")]
    [InlineData("Top+Inner")]
    public void A_name_matches_exactly_the_type_a_lookup_finds(string metadataName)
    {
        var compilation = CSharpCompilation.Create("m", new[] { CSharpSyntaxTree.ParseText(Source) });
        var expected = compilation.GetTypeByMetadataName(metadataName);
        Assert.NotNull(expected);
        var name = MetadataTypeName.Parse(metadataName);
        var matching = AllTypes(compilation.GlobalNamespace).Where(name.Matches).ToList();
        Assert.Equal(new[] { expected }, matching, SymbolEqualityComparer.Default);
    }

    [Theory]
    [InlineData("B.T")]
    [InlineData("A.B.G")]
    [InlineData("A.B.G`3")]
    [InlineData("A.B.Inner")]
    [InlineData("Outer+Inner")]
    [InlineData("A.B.Outer+Deep")]
    [InlineData("Inner")]
    [InlineData("X.A.B.T")]
    public void A_name_of_no_type_matches_none(string metadataName)
    {
        var compilation = CSharpCompilation.Create("m", new[] { CSharpSyntaxTree.ParseText(Source) });
        Assert.Null(compilation.GetTypeByMetadataName(metadataName));
        var name = MetadataTypeName.Parse(metadataName);
        Assert.DoesNotContain(AllTypes(compilation.GlobalNamespace), name.Matches);
    }

    [Fact]
    public void A_framework_type_matches_by_name_without_a_lookup()
    {
        var compilation = CSharpCompilation.Create("m", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var list = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")!;
        Assert.True(MetadataTypeName.Parse("System.Collections.Generic.List`1").Matches(list));
        Assert.False(MetadataTypeName.Parse("System.Collections.Generic.List`2").Matches(list));
        Assert.False(MetadataTypeName.Parse("System.Collections.List`1").Matches(list));
        Assert.False(MetadataTypeName.Parse("System.Collections.Generic.List`1").Matches(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A.")]
    [InlineData("A.B+")]
    public void A_malformed_name_is_refused(string metadataName)
        => Assert.Throws<ArgumentException>(() => MetadataTypeName.Parse(metadataName));

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in AllTypes(child))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var inner in WithNested(nested))
            {
                yield return inner;
            }
        }
    }
}
