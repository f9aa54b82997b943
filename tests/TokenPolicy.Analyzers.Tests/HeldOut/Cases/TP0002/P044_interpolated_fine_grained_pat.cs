// Shape: interpolated "Bearer {token}" with a fine-grained GitHub PAT
using System.Net.Http;

namespace Release.Tools;

public static class FineGrained
{
    private const string Pat = "$$GITHUB_PAT$$";

    public static void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", {|TP0002:$"Bearer {Pat}"|});
}
