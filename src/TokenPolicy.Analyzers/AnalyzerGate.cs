using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Configuration;

namespace TokenPolicy.Analyzers
{
    /// <summary>Per-tree options and the generated-code decision, shared by every rule.</summary>
    internal static class AnalyzerGate
    {
        /// <summary>The options for the operation's tree, or null when the tree must not be analysed (generated code).</summary>
        public static TokenPolicyOptions? GetOptions(OperationAnalysisContext context)
        {
            var tree = context.Operation.Syntax.SyntaxTree;
            var options = TokenPolicyOptions.Get(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            return context.IsGeneratedCode && !options.AnalyzeGeneratedCode ? null : options;
        }
    }
}
