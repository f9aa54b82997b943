namespace TokenPolicy.Analyzers
{
    /// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that code fixes read.</summary>
    public static class DiagnosticProperties
    {
        /// <summary>Metadata name of the sink's type plus member (<c>System.IO.File.ReadAllText</c>, <c>System.Net.Http.Headers.AuthenticationHeaderValue..ctor</c>).</summary>
        public const string SinkMember = "SinkMember";

        /// <summary><c>true</c> when the flagged read returns the file's text.</summary>
        public const string YieldsText = "YieldsText";

        /// <summary>TP0002: how the token enters the sink (the name of a <c>Sinks.AuthSinkKind</c> member).</summary>
        /// <remarks>
        /// Values, and where the diagnostic's location is:
        /// <list type="bullet">
        /// <item><c>HeaderValueParameter</c>: the <c>parameter</c> argument value of <c>new AuthenticationHeaderValue(scheme, parameter)</c>; the fix replaces the whole creation.</item>
        /// <item><c>HeaderValueParse</c>: the argument of <c>AuthenticationHeaderValue.Parse</c>; the fix replaces the invocation.</item>
        /// <item><c>HeaderValueTryParse</c>: the argument of <c>AuthenticationHeaderValue.TryParse</c>; no fix.</item>
        /// <item><c>HeaderString</c>: a string expression holding a full header value (<c>"Bearer x"</c>) passed to header collections
        /// (<c>Add</c>/<c>TryAddWithoutValidation</c>), string-keyed dictionaries (initializer, indexer, <c>Add</c>), gRPC metadata or
        /// <c>KeyValuePair</c>; the fix replaces it with the header's string form.</item>
        /// <item><c>RawToken</c>: the raw token expression (Octokit <c>new Credentials(token)</c>).</item>
        /// <item><c>Attribute</c>: an attribute argument holding an <c>Authorization: scheme token</c> line; no fix.</item>
        /// </list>
        /// TP0002 diagnostics also carry <see cref="SinkMember"/>.
        /// </remarks>
        public const string SinkKind = "SinkKind";
    

        /// <summary><c>true</c> when the diagnostic is at a call that passes the value into a method that reaches the sink.</summary>
        public const string ViaCall = "ViaCall";
    }
}
