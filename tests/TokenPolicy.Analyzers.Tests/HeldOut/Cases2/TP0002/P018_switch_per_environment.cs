// Shape: switch expression per environment name; one arm is a hardcoded staging token
using System.Net.Http.Headers;

namespace Deploy.Hooks;

public static class HookAuth
{
    private const string StagingToken = "$$RAND32$$";

    public static AuthenticationHeaderValue? For(string environment, string? injected)
    {
        var token = environment switch
        {
            "staging" => StagingToken,
            "production" => injected,
            _ => null,
        };
        return token is null ? null : new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
    }
}
