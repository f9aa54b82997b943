// Shape: header added under "AUTHORIZATION", token uppercased scheme "BEARER"
using System.Net.Http;

namespace Partner.Api;

public static class Shouting
{
    public static void Apply(HttpRequestMessage request)
        => request.Headers.TryAddWithoutValidation("AUTHORIZATION", {|TP0002:"BEARER $$GLPAT$$"|});
}
