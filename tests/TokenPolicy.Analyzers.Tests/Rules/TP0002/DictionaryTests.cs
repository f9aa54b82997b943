using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>TP0002 at the <c>"Authorization"</c> entry of string-keyed dictionaries and name/value collections.</summary>
public class DictionaryTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Dictionary_initializers_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        class C
        {
            Dictionary<string, string> A() => new Dictionary<string, string> { ["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|}, ["Accept"] = "*/*" };
            Dictionary<string, string> B() => new() { { "Authorization", {|TP0002:"token {{GitHub}}"|} } };
            IDictionary<string, object> D() => new Dictionary<string, object> { ["authorization"] = {|TP0002:"Bearer {{Jwt}}"|} };
        }
        """);

    [Fact]
    public Task Indexer_assignments_and_Add_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        class C
        {
            void M(IDictionary<string, string> headers, Dictionary<string, string> more, ConcurrentDictionary<string, string> concurrent, SortedDictionary<string, string> sorted)
            {
                headers["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                headers.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                more.Add(value: {|TP0002:"Bearer {{Jwt}}"|}, key: "Authorization");
                more.TryAdd("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                concurrent.TryAdd("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                sorted["Authorization"] = {|TP0002:"Bearer {{GitHub}}"|};
            }
        }
        """);

    [Fact]
    public Task Custom_string_keyed_dictionaries_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        class Headers : Dictionary<string, string> { }
        class C
        {
            Headers A() => new Headers { ["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|} };
            void B(Headers h) => h["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
        }
        """);

    [Fact]
    public Task Name_value_collections_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Specialized;
        using System.Net;
        class C
        {
            void M(NameValueCollection collection, WebHeaderCollection web)
            {
                collection["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                collection.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                web["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                web.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                web.Set("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
            }
        }
        """);

    [Fact]
    public Task Other_keys_and_other_dictionaries_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        class C
        {
            void M(Dictionary<string, string> d, Dictionary<int, string> byId, List<string> list)
            {
                d["X-Api-Version"] = "Bearer {{Jwt}}";
                d.Add("Token", "{{Jwt}}");
                byId[1] = "Bearer {{Jwt}}";
                list.Add("Authorization");
                list.Add("Bearer {{Jwt}}");
                var s = d["Authorization"];
                d["Authorization"] = "Bearer <token>";
                d["Authorization"] = "Basic dXNlcm5hbWU6cGFzc3dvcmQxMjM0NQ==";
            }
        }
        """);

    [Fact]
    public Task Key_value_pairs_with_the_authorization_key_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        class C
        {
            KeyValuePair<string, string>[] Headers() => new[]
            {
                new KeyValuePair<string, string>("Authorization", {|TP0002:"Bearer {{Jwt}}"|}),
                new KeyValuePair<string, string>("Accept", "Bearer {{Jwt}}"),
            };
        }
        """);

    [Fact]
    public Task String_converted_to_a_header_value_type_is_seen_through() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        namespace Microsoft.Extensions.Primitives
        {
            public readonly struct StringValues
            {
                public StringValues(string value) { }
                public static implicit operator StringValues(string value) => new StringValues(value);
            }
        }
        namespace App
        {
            using Microsoft.Extensions.Primitives;
            class C
            {
                void M(IDictionary<string, StringValues> headers)
                {
                    headers["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                    headers.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                }
            }
        }
        """);
}
