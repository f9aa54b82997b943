namespace TokenPolicy.Analyzers
{
    /// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that code fixes read.</summary>
    public static class DiagnosticProperties
    {
        /// <summary>Metadata name of the sink's type plus member (<c>System.IO.File.ReadAllText</c>).</summary>
        public const string SinkMember = "SinkMember";

        /// <summary><c>true</c> when the flagged read returns the file's text.</summary>
        public const string YieldsText = "YieldsText";

        /// <summary>TP0002: the kind of sink (see <c>AuthSinkKind</c>).</summary>
        public const string SinkKind = "SinkKind";
    }
}
