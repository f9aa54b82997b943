// Shape: Dictionary<string, string> of default headers with an indexer initializer for Authorization
using System.Collections.Generic;

namespace Analytics.Ingest;

public static class IngestDefaults
{
    public static Dictionary<string, string> Headers() => new()
    {
        ["Accept"] = "application/json",
        ["Authorization"] = {|TP0002:"Bearer $$HF$$"|},
    };
}
