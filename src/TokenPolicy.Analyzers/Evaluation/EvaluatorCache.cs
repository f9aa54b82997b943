using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>One <see cref="ValueEvaluator"/> per compilation, shared by every TokenPolicy analyzer.</summary>
    internal static class EvaluatorCache
    {
        private static readonly ConditionalWeakTable<Compilation, ValueEvaluator> Evaluators = new();

        public static ValueEvaluator Get(Compilation compilation)
            => Evaluators.GetValue(compilation, static c => new ValueEvaluator(c, new WellKnownTypes(c)));
    }
}
