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

    /// <summary>How the token value is converted to the type the original read produced.</summary>
    internal enum ValueConversion
    {
        /// <summary>The value as it is (text, a header, its string form).</summary>
        None,

        /// <summary>The file's bytes: <c>Encoding.UTF8.GetBytes(token)</c> (a <c>byte[]</c>).</summary>
        Utf8Bytes,

        /// <summary>The file's lines as an array: <c>new[] { token }</c> (a <c>string[]</c>).</summary>
        LineArray,

        /// <summary>The file's lines as a sequence: <c>Enumerable.Repeat(token, 1)</c> (an <c>IEnumerable&lt;string&gt;</c>).</summary>
        LineSequence,

        /// <summary>A read-only stream over the file: <c>new MemoryStream(Encoding.UTF8.GetBytes(token), writable: false)</c>.</summary>
        ReadOnlyStream,
    }

    /// <summary>The task an asynchronous read returned when it is not awaited right there: the value is wrapped in one of the same type.</summary>
    internal enum TaskWrapper
    {
        /// <summary>The value itself.</summary>
        None,

        /// <summary><c>Task.FromResult(value)</c>.</summary>
        Task,

        /// <summary><c>ValueTask.FromResult(value)</c>.</summary>
        ValueTask,
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

        /// <summary>The conversion applied to the token value (only with <see cref="ReplacementKind.TokenValue"/>).</summary>
        public ValueConversion Conversion { get; set; }

        /// <summary>The task the converted value is wrapped in (an asynchronous read whose task is used as a task).</summary>
        public TaskWrapper Wrapper { get; set; }

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
