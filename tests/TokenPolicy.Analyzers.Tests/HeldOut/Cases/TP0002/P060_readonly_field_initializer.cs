// Shape: readonly instance field initialised with a token, used in the header
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed class Uploader
{
    private readonly string _token = "$$NPM$$";
    private readonly HttpClient _http = new();

    public void Authorize() => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:_token|});
}
