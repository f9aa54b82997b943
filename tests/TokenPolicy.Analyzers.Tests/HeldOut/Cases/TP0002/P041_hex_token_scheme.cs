// Shape: 40-hex API token with the "token" scheme in a header string
using System.Net.Http;

namespace Ci.Sync;

public sealed class GiteaSync
{
    private const string AccessToken = "$$HEX40$$";
    private readonly HttpClient _http = new();

    public GiteaSync() => _http.DefaultRequestHeaders.Add("Authorization", {|TP0002:"token " + AccessToken|});
}
