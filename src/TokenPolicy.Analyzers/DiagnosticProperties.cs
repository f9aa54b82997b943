using System;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers
{
    /// <summary>What a code fix can do with a finding: the analyzer-to-fixer contract, carried in <see cref="DiagnosticProperties.FixKind"/>.</summary>
    public enum FixKind
    {
        /// <summary>No sound rewrite: the rule page says why.</summary>
        None,

        /// <summary>TP0001: the flagged call returns the token file's text (<c>File.ReadAllText(Async)</c>, or a helper that returns it); replace it with the resolved token.</summary>
        FileText,

        /// <summary>TP0001: the flagged creation is a <c>StreamReader</c> over the token file; replace the reader read to its end.</summary>
        FileReader,

        /// <summary>TP0002: the <c>parameter</c> of <c>new AuthenticationHeaderValue(scheme, parameter)</c>; replace the whole creation.</summary>
        HeaderValueParameter,

        /// <summary>TP0002: the argument of <c>AuthenticationHeaderValue.Parse</c>; replace the invocation.</summary>
        HeaderValueParse,

        /// <summary>TP0002: a string holding a full header value (<c>Bearer x</c>); replace it with the header's string form.</summary>
        HeaderString,

        /// <summary>TP0002: a raw token (Octokit <c>new Credentials(token)</c>); replace it with the resolved token.</summary>
        RawToken,

        /// <summary>TP0001: the flagged call returns the token file's bytes (<c>File.ReadAllBytes(Async)</c>); replace it with <c>Encoding.UTF8.GetBytes(token)</c>.</summary>
        FileBytes,

        /// <summary>TP0001: the flagged call returns the token file's lines (<c>File.ReadAllLines(Async)</c>, <c>File.ReadLines</c>); replace it with the token as the one line.</summary>
        FileLines,

        /// <summary>TP0001: the flagged call opens a stream over the token file; the fixer decides whether it is only read, and only used as a <c>Stream</c>.</summary>
        FileStream,

        /// <summary>TP0004: the request's Authorization value (<see cref="DiagnosticProperties.HeaderLocation"/>); replace it with the resolver's header.</summary>
        RequestHeader,

        /// <summary>TP0004: the request's Authorization header string (<c>Headers.Add("Authorization", "Bearer " + x)</c>, at <see cref="DiagnosticProperties.HeaderLocation"/>); replace it with the resolver header's string form.</summary>
        RequestHeaderString,
    }

    /// <summary>Keys of <see cref="Diagnostic.Properties"/> that code fixes and tools read.</summary>
    public static class DiagnosticProperties
    {
        /// <summary>Metadata name of the sink's type plus member (<c>System.IO.File.ReadAllText</c>, <c>System.Net.Http.Headers.AuthenticationHeaderValue..ctor</c>).</summary>
        public const string SinkMember = "SinkMember";

        /// <summary>A <see cref="Analyzers.FixKind"/> member name: what the fix replaces. Read it with <see cref="GetFixKind"/>.</summary>
        public const string FixKind = "FixKind";

        /// <summary>TP0004: the endpoint pattern the request URL matched.</summary>
        public const string Endpoint = "Endpoint";

        /// <summary>TP0004: where the unsanctioned Authorization value is set, as <c>start:length</c> in the finding's file (the fix rewrites it); absent when there is none.</summary>
        public const string HeaderLocation = "HeaderLocation";

        /// <summary><c>true</c> when the diagnostic is at a call that passes the value into a method that reaches the sink.</summary>
        public const string ViaCall = "ViaCall";

        /// <summary>The diagnostic's fix kind; <see cref="Analyzers.FixKind.None"/> when absent or unknown.</summary>
        public static FixKind GetFixKind(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(FixKind, out var text) && Enum.TryParse<FixKind>(text, out var kind) ? kind : Analyzers.FixKind.None;
    }
}
