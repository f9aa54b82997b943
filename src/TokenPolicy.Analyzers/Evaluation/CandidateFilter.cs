using System;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// Which string literals a rule cares about ("candidates"): a token path fragment, a token-like string. The engine
    /// knows nothing of rules; each rule family hands it one filter. Candidates are rare in real code, and every finding
    /// needs one to reach a sink, so the engine spends its flow analysis only where a candidate can flow.
    /// </summary>
    internal abstract class CandidateFilter
    {
        /// <summary>Identifies the filter's behaviour (family and settings): per-tree results are shared by equal keys.</summary>
        public abstract string Key { get; }

        private string? _memoKey;

        /// <summary>The key of this filter's candidate literals in a tree's memo (asked per value on the hot path: built once).</summary>
        public string MemoKey => _memoKey ??= "candidates:" + Key;

        /// <summary>
        /// A cheap test on raw source text between two quotes on one line (it may be code between two literals, or part of
        /// a literal cut at an escaped quote). False only when no literal with this text can be a candidate.
        /// </summary>
        public abstract bool MayContain(ReadOnlySpan<char> quotedText);

        /// <summary>
        /// The precise test on a literal's (or constant's) value. True only where <see cref="MayContain"/> is true of the
        /// same text: the scan skips a piece the cheap test rejects, and the candidate index answers a plain literal from
        /// the scan's positions.
        /// </summary>
        public abstract bool IsCandidate(string value);
    }
}
