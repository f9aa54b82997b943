// Shape: Headers.Add(name, values) with an explicit string[] holding a hardcoded bearer value
using System.Net.Http;

namespace Docs.Publisher;

public static class PublisherHttp
{
    private const string PublishToken = "$$GLPAT$$";

    public static void Configure(HttpClient client)
        => client.DefaultRequestHeaders.Add("Authorization", new[] { {|TP0002:"Bearer " + PublishToken|} });
}
