// Shape: TryAddWithoutValidation(name, values) with a collection expression holding a "token" scheme value
using System.Net.Http;

namespace Docs.Publisher;

public sealed class WikiSync
{
    private static readonly string Pat = "$$GITHUB_PAT$$";

    public HttpRequestMessage Create()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.github.com/repos/acme/wiki");
        request.Headers.TryAddWithoutValidation("Authorization", [{|TP0002:$"token {Pat}"|}]);
        return request;
    }
}
