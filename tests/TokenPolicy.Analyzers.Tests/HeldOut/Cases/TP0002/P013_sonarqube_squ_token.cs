// Shape: SonarQube squ_ token in a Bearer header value string
using System.Net.Http;

namespace Quality.Gate;

public sealed class SonarGate
{
    private readonly HttpClient _http = new();

    public SonarGate()
    {
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|TP0002:"Bearer $$SQU$$"|});
    }
}
