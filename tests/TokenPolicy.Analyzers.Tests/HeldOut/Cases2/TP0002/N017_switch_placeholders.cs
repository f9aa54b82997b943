// Shape: switch per environment whose arms are placeholders, empty and a runtime value
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Deploy.Hooks;

public static class HookAuthTemplates
{
    public static AuthenticationHeaderValue For(string environment, string injected)
    {
        var token = environment switch
        {
            "local" => "YOUR_TOKEN",
            "ci" => "",
            _ => injected,
        };
        return new AuthenticationHeaderValue("Bearer", token);
    }
}
