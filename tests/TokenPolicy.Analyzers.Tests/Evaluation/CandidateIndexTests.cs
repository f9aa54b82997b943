using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;
using TokenPolicy.Analyzers.Tests.Rules.TP0002;
using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>
/// The analysis core's gates: candidate filters, the candidate index (may a value hold a candidate?) and the sink reach
/// (may a call reach a sink?). Each "no" must be exact (a finding can never depend on a value the gate dismissed), each
/// answer independent of the order of questions, and a tree's facts shared across compilations without going stale.
/// </summary>
public class CandidateIndexTests
{
    private const string Sa = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static readonly TokenPathCandidates Paths = new(TokenPolicyOptions.Default);
    private static readonly TokenLiteralCandidates Tokens = new(TokenPolicyOptions.Default);

    [Theory]
    [InlineData(Sa, true)]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount", true)]
    [InlineData("token", true)]
    [InlineData("/var/run/secrets/tokens/", true)]
    [InlineData("azure-identity-token", true)]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE", true)]
    [InlineData("dapr-api-token", false)]
    [InlineData("DAPR_API_TOKEN", false)]
    [InlineData("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", true)]
    [InlineData("Bearer token", false)]
    [InlineData("cancellationToken", false)]
    [InlineData("/etc/app/settings.json", false)]
    public void Token_path_candidates(string literal, bool expected) => Assert.Equal(expected, Paths.IsCandidate(literal));

    [Fact]
    public void Configured_paths_and_variables_add_candidates()
    {
        var filter = new TokenPathCandidates(TokenPolicyOptionsFor(("TP0001.extra_token_paths", "/etc/runner/sa.jwt"), ("TP0001.extra_token_env_vars", "RUNNER_SA_FILE")));
        Assert.True(filter.IsCandidate("sa.jwt"));
        Assert.True(filter.IsCandidate("RUNNER_SA_FILE"));
        Assert.False(Paths.IsCandidate("sa.jwt"));
    }

    [Fact]
    public void Token_literal_candidates()
    {
        Assert.True(Tokens.IsCandidate(TestTokens.Jwt));
        Assert.True(Tokens.IsCandidate("Bearer " + TestTokens.GitHub));
        Assert.True(Tokens.IsCandidate("Authorization: Bearer " + TestTokens.Jwt));
        Assert.True(Tokens.IsCandidate(TestTokens.HighEntropy));
        Assert.True(Tokens.IsCandidate("ghp_"), "the first piece of a token assembled from several");
        Assert.False(Tokens.IsCandidate("Bearer <token>"));
        Assert.False(Tokens.IsCandidate("DaprSecretsManagementClient"), "an identifier: no digit");
        Assert.False(Tokens.IsCandidate("The request failed with " + TestTokens.HighEntropy + " as its id, retry later"), "prose");
        Assert.False(Tokens.IsCandidate("Bearer "));
    }

    [Fact]
    public void The_text_scan_finds_the_candidate_literals_a_syntax_walk_finds_whatever_the_literal_form()
    {
        // Plain literals are decided from their text alone; escaped, verbatim, interpolated, raw and UTF-8 ones (and text
        // next to a char literal quote) through their tokens. Both must find exactly what a walk over every token finds.
        var token = TestTokens.HighEntropy;
        var source = $$""""
            class C
            {
                const string Plain = "{{token}}";
                const string Header = "Bearer {{TestTokens.GitHub}}";
                const string Escaped = "{{token}}\n";
                const string Tabbed = "Bearer\t{{token}}";
                const string Verbatim = @"{{token}}";
                const string Doubled = @"x""{{token}}""";
                static readonly string Interpolated = $"{{token}}";
                const string Raw = """{{token}}""";
                static readonly byte[] Utf8 = "{{token}}"u8.ToArray();
                const char Quote = '"'; const string AfterChar = "{{token}}";
                const string Url = "https://example.com/repos/1234567890abcdef/{{token.Substring(0, 8)}}";
                const string Prose = "the id {{token}} was not found";
                const string Placeholder = "Bearer <your-token-1234567890>";
            }
            """";
        var tree = CSharpSyntaxTree.ParseText(source);
        var expected = tree.GetRoot().DescendantTokens()
            .Where(t => t.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken
                or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken)
            .Where(t => Tokens.IsCandidate(t.ValueText))
            .Select(t => t.SpanStart)
            .ToArray();

        Assert.Equal(9, expected.Length);
        Assert.Equal(expected, TreeCandidates.Get(tree, Tokens, default));
    }

    [Theory]
    [InlineData("var gistId = 1;", true)]
    [InlineData("var x = gistId;", true)]
    [InlineData("gistId", true)]
    [InlineData("// mentions gistId in a comment", true)]
    [InlineData("var gistIdx = 1;", false)]
    [InlineData("var myGistId = _gistId + gistId2 + gistid;", false)]
    [InlineData("var x = 1; // nothing here", false)]
    public void A_few_names_are_searched_for_as_whole_words_like_the_word_filter(string text, bool expected)
    {
        var words = new WordSet(new[] { "gistId", "knownKeyId" });
        var direct = CSharpSyntaxTree.ParseText(text);
        Assert.Equal(expected, words.MayOccurIn(direct, default));
        Assert.Equal(expected, words.Occurrences(text, default).Count > 0);

        // Once the tree's word filter exists it answers instead; its "no" is exact, so it agrees on every "no".
        var filtered = CSharpSyntaxTree.ParseText(text);
        _ = WordIndex.MayContainAny(filtered, new[] { "unrelated" }, default);
        Assert.True(WordIndex.IsBuilt(filtered));
        Assert.False(WordIndex.IsBuilt(direct));
        if (expected)
        {
            Assert.True(words.MayOccurIn(filtered, default));
        }
    }

    [Fact]
    public void A_value_each_filter_accepts_passes_its_cheap_test_too()
    {
        // The scan skips a piece the cheap test rejects, and plain literals are answered from the scan's positions: the
        // precise test may only accept what the cheap one lets through.
        var filters = new CandidateFilter[] { Paths, Tokens, new CredentialEndpointCandidates(TokenPolicyOptions.Default) };
        var values = new[]
        {
            Sa, "token", "/var/run/secrets/tokens/", "AWS_WEB_IDENTITY_TOKEN_FILE", TestTokens.Jwt, TestTokens.GitHub,
            TestTokens.HighEntropy, "Bearer " + TestTokens.GitHub, "Authorization: Bearer " + TestTokens.Jwt, "ghp_",
            " \t" + TestTokens.HighEntropy + "\u00A0", "token " + TestTokens.GitHub, "Bot " + TestTokens.HighEntropy,
            "/api/ambient/v1/credentials/", "https://backend/api/ambient/v1/projects/p/credentials/c/token",
            "application/json", "The request failed, retry later", "x", "",
        };
        foreach (var filter in filters)
        {
            foreach (var value in values)
            {
                Assert.True(!filter.IsCandidate(value) || filter.MayContain(value.AsSpan()), filter.Key + ": " + value);
            }
        }

        Assert.Contains(values, v => Tokens.IsCandidate(v));
        Assert.Contains(values, v => Paths.IsCandidate(v));
        Assert.Contains(values, v => filters[2].IsCandidate(v));
    }

    [Fact]
    public void A_constant_carries_a_candidate_exactly_when_the_filter_accepts_its_value_whatever_its_form()
    {
        // Plain one-line literals are answered from the scan's candidate positions, every other constant by the filter's
        // own test: both must agree with the filter on the constant's value, also where the scan cannot see the literal
        // (a line of a multi-line verbatim literal with no quote on it) and for constants folded from pieces.
        var token = TestTokens.HighEntropy;
        var half = token.Length / 2;
        var forms = new[]
        {
            $"\"{token}\"",
            $"\"Bearer {TestTokens.GitHub}\"",
            "\"application/json\"",
            "\"The request failed, retry later\"",
            $"\"{token}\\n\"",
            $"\"a\\\"{token}\"",
            $"@\"{token}\"",
            $"@\"\n{token}\n\"",
            $"\"{token[..half]}\" + \"{token[half..]}\"",
            "\"x\"",
            "\"\"",
        };
        foreach (var form in forms)
        {
            var (compilation, value) = Compile($$"""
                class C
                {
                    string M() => [|{{form}}|];
                    string N() => "{{TestTokens.Jwt}}";
                }
                """);
            var expected = value.ConstantValue.Value is string text && Tokens.IsCandidate(text);
            Assert.True(expected == Index(compilation, Tokens).MayCarry(value, default), form);
        }
    }

    [Fact]
    public void A_value_without_any_candidate_in_the_compilation_carries_none()
    {
        var (compilation, value) = Compile("""
            class C
            {
                static string Dir = "/etc/app";
                string M(string name) => [|System.IO.Path.Combine(Dir, name)|];
            }
            """);
        var index = Index(compilation, Paths);
        Assert.False(index.MayCarry(value, default));
        Assert.Equal(0, index.GetClosure(default).Literals);
    }

    [Fact]
    public void A_field_from_another_file_carries_its_candidate_and_an_unrelated_one_does_not()
    {
        var (compilation, value) = Compile(
            $$"""
            static class Paths
            {
                public static readonly string Root = "/var/run/secrets/kubernetes.io/serviceaccount";
                public static readonly string Other = "/etc/app";
            }
            """,
            """
            class C
            {
                string M() => [|System.IO.Path.Combine(Paths.Root, "x")|];
                string N() => System.IO.Path.Combine(Paths.Other, "x");
            }
            """);
        var index = Index(compilation, Paths);
        Assert.True(index.MayCarry(value, default));
        Assert.Contains("Root", index.GetClosure(default).Members);
        Assert.DoesNotContain("Other", index.GetClosure(default).Members);
    }

    [Fact]
    public void A_tree_that_names_no_tainted_member_has_no_value_that_carries_one_but_its_constants()
    {
        // Tainted member names are looked for in every tree's text while the closure is built: a tree where none occurs
        // (and with no candidate literal or tainted local) cannot read one, so only its constants are tested.
        var (compilation, value) = Compile(
            $$"""
            static class Paths
            {
                public static readonly string Root = "{{Sa}}";
            }
            """,
            """
            class Reader
            {
                string M() => System.IO.Path.Combine(Paths.Root, "x");
            }
            """,
            """
            static class Names
            {
                public const string Folded = "to" + "ken";
                public static string Other = "/etc/app";
            }

            class Elsewhere
            {
                string A(string name) => [|System.IO.Path.Combine(Names.Other, name)|];
                string B() => Names.Folded;
            }
            """);
        var index = Index(compilation, Paths);
        var trees = compilation.SyntaxTrees.ToArray();
        Assert.True(index.MayCarryIn(trees[0], default), "the tree with the candidate literal");
        Assert.True(index.MayCarryIn(trees[1], default), "the tree that reads Root");
        Assert.Equal(new[] { "M", "Root" }, index.GetClosure(default).Members.OrderBy(m => m, StringComparer.Ordinal));
        Assert.False(index.MayCarryIn(trees[2], default), "no candidate literal, no tainted local, neither M nor Root in its text");
        Assert.False(index.MayCarry(value, default));

        // A value of that tree that is itself a constant is still tested by the filter: a constant folded from pieces that
        // are no candidates alone, which the scan cannot see.
        Assert.False(Paths.IsCandidate("to") || Paths.IsCandidate("ken"));
        Assert.True(Paths.IsCandidate("token"));
        var folded = trees[2].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax>().Last().Expression;
        Assert.True(index.MayCarry(compilation.GetSemanticModel(trees[2]).GetOperation(folded), default));
    }

    [Theory]
    [InlineData("readonly string", "", false)]
    [InlineData("private static readonly string", "", false)]
    [InlineData("const string", "", false)]
    [InlineData("string Name { get; } =", "", false)]
    [InlineData("internal static readonly string", "", true)]
    [InlineData("protected readonly string", "", true)]
    [InlineData("private protected readonly string", "", true)]
    [InlineData("readonly string", "partial ", true)]
    public void A_private_member_of_a_type_in_one_part_is_read_in_its_own_tree_only(string declaration, string partial, bool otherTreeMayRead)
    {
        // Another tree cannot read a private member of a type declared in one part: its name there is another member's.
        var name = declaration.EndsWith('=') ? "Name" : "root";
        var member = declaration.EndsWith('=') ? $"{declaration} \"{Sa}\";" : $"{declaration} {name} = \"{Sa}\";";
        var (compilation, value) = Compile(
            $$"""
            {{partial}}class Holder
            {
                {{member}}
                string M() => [|System.IO.Path.Combine({{name}}, "x")|];
            }
            """,
            $$"""
            class Other
            {
                public static string {{name}} = "/etc/app";
                string N() => System.IO.Path.Combine({{name}}, "y");
            }
            """);
        var index = Index(compilation, Paths);
        var trees = compilation.SyntaxTrees.ToArray();
        Assert.Contains(name, index.GetClosure(default).Members);
        Assert.True(index.MayCarryIn(trees[0], default));
        Assert.True(index.MayCarry(value, default), "the member's own reader");
        Assert.Equal(otherTreeMayRead, index.MayCarryIn(trees[1], default));
    }

    [Fact]
    public void A_name_tainted_as_private_and_as_visible_is_looked_for_everywhere()
    {
        // The same name tainted privately in one tree and as a visible member in another: every tree may read the latter.
        var (compilation, _) = Compile(
            $$"""
            class Holder
            {
                readonly string root = "{{Sa}}";
                string M() => [|System.IO.Path.Combine(root, "x")|];
            }
            """,
            $$"""
            public static class Shared
            {
                public static string root = "{{Sa}}";
            }
            """,
            """
            class Reader
            {
                string N() => System.IO.Path.Combine(Shared.root, "y");
            }
            """);
        var index = Index(compilation, Paths);
        Assert.True(index.MayCarryIn(compilation.SyntaxTrees.Last(), default));
    }

    [Fact]
    public void A_tainted_indexer_may_be_read_in_any_tree()
    {
        // An indexer is read without its name in the text (`store["k"]`), so a tainted indexer opens every tree.
        var (compilation, value) = Compile(
            $$"""
            class Store
            {
                public string this[string key] => "{{Sa}}";
            }
            """,
            """
            class Reader
            {
                string M(Store store) => [|System.IO.Path.Combine(store["k"], "x")|];
            }
            """);
        var index = Index(compilation, Paths);
        Assert.Contains("this[]", index.GetClosure(default).Members);
        Assert.True(index.MayCarryIn(compilation.SyntaxTrees.Last(), default));
        Assert.True(index.MayCarry(value, default));
    }

    [Fact]
    public void Locals_are_tainted_in_their_own_member_only()
    {
        var (compilation, value) = Compile($$"""
            class C
            {
                string A() { var path = "{{Sa}}"; return path; }
                string B() { var path = "/etc/app"; return [|path|]; }
            }
            """);
        var index = Index(compilation, Paths);
        Assert.False(index.MayCarry(value, default), "B's path is another local than A's");
        Assert.Contains("A", index.GetClosure(default).Members);
        Assert.DoesNotContain("B", index.GetClosure(default).Members);
    }

    [Fact]
    public void Candidates_flow_through_string_operations_collections_and_returns()
    {
        var (compilation, value) = Compile($$"""
            using System.Linq;
            class C
            {
                static string[] Candidates() => new[] { "/etc/app/token.bak", "{{Sa}}" };
                string M() { var first = Candidates().First(); var trimmed = first.Trim(); return [|trimmed|]; }
            }
            """);
        Assert.True(Index(compilation, Paths).MayCarry(value, default));
    }

    [Fact]
    public void A_compilation_with_too_many_candidates_answers_maybe_everywhere()
    {
        var fields = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"    static string F{i} = \"/var/run/secrets/tokens/t{i}\";"));
        var (compilation, value) = Compile("class C\n{\n" + fields + "\n    string M(string x) => [|x + \"/etc\"|];\n}\n");
        var index = Index(compilation, Paths);
        Assert.True(index.GetClosure(default).Saturated);
        Assert.True(index.MayCarry(value, default), "saturated: the evaluator decides");
    }

    [Fact]
    public void The_closure_does_not_depend_on_the_order_of_questions()
    {
        string[] sources =
        {
            $$"""static class K { public const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount"; public static string File = Dir + "/token"; }""",
            """class C { string A() => [|K.File|]; string B() => K.Dir; string D(string s) => s; }""",
        };
        var (first, firstValue) = Compile(sources);
        var (second, _) = Compile(sources);

        var a = Index(first, Paths);
        Assert.True(a.MayCarry(firstValue, default));
        var b = Index(second, Paths);
        var closureB = b.GetClosure(default);
        Assert.Equal(a.GetClosure(default).Members.OrderBy(n => n), closureB.Members.OrderBy(n => n));
        Assert.Equal(a.GetClosure(default).Scoped.Count, closureB.Scoped.Count);
    }

    [Fact]
    public void Threads_that_ask_while_the_closure_is_built_get_the_closure_a_single_thread_builds()
    {
        // A thread that finds the closure being built scans trees for it from the other end instead of waiting; what it
        // keeps per tree is what the builder would compute, so the closure is the one a single thread builds.
        string[] Sources() => Enumerable.Range(0, 40).Select(i => i % 7 == 0
            ? $$"""static class K{{i}} { public static string P = "{{Sa}}"; }"""
            : $$"""class C{{i}} { string M(string s) => System.IO.Path.Combine(s, "x{{i}}"); string N() => K0.P; }""").ToArray();
        var single = Index(CompileAll(Sources()), Paths).GetClosure(default);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var index = Index(CompileAll(Sources()), Paths);
            var closures = new CandidateIndex.Closure[4];
            Parallel.For(0, closures.Length, t => closures[t] = index.GetClosure(default));
            Assert.All(closures, c => Assert.Same(closures[0], c));
            Assert.Equal(single.Literals, closures[0].Literals);
            Assert.Equal(single.Members.OrderBy(n => n, StringComparer.Ordinal), closures[0].Members.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(single.Scoped.Count, closures[0].Scoped.Count);
        }
    }

    private static Compilation CompileAll(string[] sources)
        => CSharpCompilation.Create(
            "threads",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/0/T{i}.cs")),
            Compile("class Z { string M() => [|\"z\"|]; }").Compilation.References);

    [Fact]
    public void A_tree_kept_across_compilations_shares_its_facts_and_an_edited_tree_is_read_again()
    {
        var (compilation, value) = Compile("""class C { static string P = "/etc/app"; string M() => [|P|]; }""");
        Assert.False(Index(compilation, Paths).MayCarry(value, default));

        var tree = compilation.SyntaxTrees.Single();
        var edited = tree.WithChangedText(tree.GetText().Replace(tree.GetText().ToString().IndexOf("/etc/app", StringComparison.Ordinal), "/etc/app".Length, Sa));
        var next = compilation.ReplaceSyntaxTree(tree, edited);
        var model = next.GetSemanticModel(edited);
        var reference = edited.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax>().Single().Expression;
        Assert.True(Index(next, Paths).MayCarry(model.GetOperation(reference), default));
    }

    [Fact]
    public void Compilations_over_the_same_trees_share_one_closure_and_a_changed_tree_set_builds_its_own()
    {
        var (compilation, _) = Compile($$"""class C { static string P = "{{Sa}}"; string M() => [|P|]; }""");
        var clone = compilation.WithAssemblyName("Clone");
        var first = Index(compilation, Paths).GetClosure(default);
        Assert.Same(first, Index(clone, Paths).GetClosure(default));

        var other = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var third = Index(other, Paths).GetClosure(default);
        Assert.NotSame(first, third);
        Assert.Equal(first.Members.OrderBy(n => n), third.Members.OrderBy(n => n));
    }

    [Fact]
    public void Sink_reach_follows_helpers_by_name_and_constructors_of_types_that_read()
    {
        var (compilation, _) = Compile("""
            using System.IO;
            class Files
            {
                public static string Read(string path) => File.ReadAllText(path);
                public static string Outer(string path) => Read(path);
                public static int Unrelated(string path) => path.Length;
            }
            class Holder
            {
                private readonly string _path;
                public Holder(string path) { _path = path; }
                public string Load() => File.ReadAllText(_path);
            }
            class Plain { public Plain(string name) { } }
            class Use { string M() => [|Files.Outer("x")|]; }
            """);
        var reach = new SinkReach(compilation, ReadSinks.Needles, token => ReadSinks.IsSinkName(token.ValueText));
        IMethodSymbol Method(string type, string name)
            => name == ".ctor"
                ? compilation.GetTypeByMetadataName(type)!.InstanceConstructors.Single()
                : compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().Single();

        Assert.True(reach.InReach(Method("Files", "Read"), default));
        Assert.True(reach.InReach(Method("Files", "Outer"), default));
        Assert.True(reach.InReach(Method("Holder", ".ctor"), default), "stores what Load reads");
        Assert.False(reach.InReach(Method("Files", "Unrelated"), default));
        Assert.False(reach.InReach(Method("Plain", ".ctor"), default));
    }

    [Fact]
    public void Sink_reach_is_built_only_once_more_callees_ask_than_their_summaries_cost()
    {
        var methods = string.Join("\n", Enumerable.Range(0, SinkReach.DirectCallees + 1).Select(i => $"public static int M{i}(string s) => s.Length;"));
        var (compilation, _) = Compile("using System.IO;\nclass Many\n{\n" + methods + "\npublic static string Read(string p) => File.ReadAllText(p);\n}\nclass Use { int U() => [|Many.M0(\"x\")|]; }\n");
        var reach = new SinkReach(compilation, ReadSinks.Needles, token => ReadSinks.IsSinkName(token.ValueText));
        var type = compilation.GetTypeByMetadataName("Many")!;
        IMethodSymbol M(int i) => type.GetMembers("M" + i).OfType<IMethodSymbol>().Single();

        // The first callees are answered yes without reading any tree (their summaries, empty here, decide).
        for (var i = 0; i < SinkReach.DirectCallees; i++)
        {
            Assert.True(reach.MayReach(M(i), default));
        }

        Assert.True(reach.MayReach(M(0), default), "a callee asked before is answered the same");
        Assert.False(reach.IsBuilt);

        // One more distinct callee: the names are built and decide from then on.
        Assert.False(reach.MayReach(M(SinkReach.DirectCallees), default));
        Assert.True(reach.IsBuilt);
        Assert.True(reach.MayReach(type.GetMembers("Read").OfType<IMethodSymbol>().Single(), default));
        Assert.False(reach.MayReach(M(1), default));
    }

    private static CandidateIndex Index(Compilation compilation, CandidateFilter filter)
        => new(compilation, filter);

    private static TokenPolicyOptions TokenPolicyOptionsFor(params (string Key, string Value)[] entries)
        => TokenPolicyOptions.Get(new DictionaryOptions(entries.ToDictionary(e => e.Key, e => e.Value)));

    private sealed class DictionaryOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }

    [Fact]
    public void An_object_initializer_member_does_not_taint_its_name_everywhere()
    {
        // `Path = ...` inside `new UriBuilder { ... }` belongs to the new object; tainting the name "Path" would follow
        // every Path.Combine of the compilation and saturate the index (it did, on the generated corpus).
        var (compilation, value) = Compile(
            $$"""
            using System;
            using System.IO;
            class C
            {
                Uri U() => new UriBuilder("http://backend") { Path = "/var/run/secrets/kubernetes.io/serviceaccount/token" }.Uri;
                string M(string a) => [|Path.Combine(a, "x")|];
            }
            """);
        var index = Index(compilation, Paths);
        Assert.DoesNotContain("Path", index.GetClosure(default).Members);
        Assert.False(index.GetClosure(default).Saturated);
        Assert.False(index.MayCarry(value, default));
    }
}
