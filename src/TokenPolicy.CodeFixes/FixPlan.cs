using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenPolicy.CodeFixes
{
    /// <summary>What the replacement evaluates to.</summary>
    internal enum ReplacementKind
    {
        /// <summary>The token text: <c>resolver.Resolve().Value</c> (a <c>string</c>).</summary>
        TokenValue,

        /// <summary>The header: <c>resolver.Resolve().ToAuthorizationHeader()</c> (an <c>AuthenticationHeaderValue</c>).</summary>
        Header,

        /// <summary>The header's string form: <c>resolver.Resolve().ToAuthorizationHeader().ToString()</c>.</summary>
        HeaderString,
    }

    /// <summary>One fix, computed on the original document: what to replace, what it becomes and where the resolver comes from.</summary>
    internal sealed class FixPlan
    {
        public FixPlan(ExpressionSyntax target, ReplacementKind kind)
        {
            Target = target;
            Kind = kind;
        }

        /// <summary>The expression replaced (the read, including an absorbed <c>await</c> and <c>Trim()</c>, or the header).</summary>
        public ExpressionSyntax Target { get; }

        public ReplacementKind Kind { get; }

        /// <summary>The cancellation token the original asynchronous read passed, reused by <c>ResolveAsync</c>.</summary>
        public ExpressionSyntax? OriginalCancellationToken { get; set; }

        /// <summary>The argument of the original <c>ConfigureAwait(...)</c>, kept on <c>ResolveAsync</c>.</summary>
        public ExpressionSyntax? ConfigureAwaitArgument { get; set; }

        /// <summary>A <c>StreamReader</c> local declaration whose only use was the replaced read: removed.</summary>
        public SyntaxNode? RemovedStatement { get; set; }

        /// <summary>A <c>using (var reader = ...)</c> statement whose only use of the reader was the replaced read: unwrapped.</summary>
        public UsingStatementSyntax? UnwrappedUsing { get; set; }

        /// <summary>Where the resolver comes from and how the call is made; set by <see cref="ResolverScope"/>.</summary>
        public ResolverScope Scope { get; set; } = null!;
    }
}
