// Shape: KeyValuePair headers in a list initializer handed to a transport
using System.Collections.Generic;

namespace Ci.Sync;

public sealed class JiraTransport
{
    public static IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders { get; } = new List<KeyValuePair<string, string>>
    {
        new KeyValuePair<string, string>("Accept", "application/json"),
        new KeyValuePair<string, string>("Authorization", {|TP0002:"Bearer $$RAND48$$"|}),
    };
}
