using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Candidates
{
    /// <summary>
    /// Candidates of the token-path rules (TP0001, TP0003): literals that can be part of a service-account or
    /// workload-identity token path, or name a variable that holds one. Every default token path has a
    /// <c>serviceaccount</c> directory, a <c>token</c> file, a <c>tokens</c> directory or the <c>azure-identity-token</c>
    /// file, and every default variable has <c>TOKEN</c> in its name; a literal holding none of these pieces (nor a
    /// configured fragment) cannot be part of one, unless a piece is itself split across literals (knowingly not followed).
    /// </summary>
    internal sealed class TokenPathCandidates : CandidateFilter
    {
        public const string Family = "token-path";

        private readonly ImmutableArray<string> _fragments;
        private readonly ImmutableArray<string> _envVars;

        /// <summary>Variables whose name has no <c>token</c> in it: the only ones the fragment test could miss.</summary>
        private readonly ImmutableArray<string> _otherEnvVars;

        /// <summary>The letters of each fragment and of each such variable (<see cref="CandidateFilter.Letters"/>).</summary>
        private readonly ImmutableArray<ulong> _fragmentLetters;
        private readonly ImmutableArray<ulong> _otherEnvVarLetters;

        public TokenPathCandidates(TokenPolicyOptions options)
        {
            var fragments = ImmutableArray.CreateBuilder<string>();
            fragments.Add("token");
            fragments.Add("serviceaccount");
            foreach (var glob in options.ExtraTokenPaths)
            {
                // Any literal piece of a configured path may be the one literal in the code (its directory or its file).
                foreach (var run in LiteralRuns(glob))
                {
                    if (run.Length >= 3 && !fragments.Contains(run))
                    {
                        fragments.Add(run);
                    }
                }
            }

            _fragments = fragments.ToImmutable();
            _envVars = TokenPathMatcher.DefaultTokenEnvVars.AddRange(options.ExtraTokenEnvVars);
            _otherEnvVars = _envVars.RemoveAll(name => name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0);
            _fragmentLetters = _fragments.Select(f => Letters(f.AsSpan()) & Folded).ToImmutableArray();
            _otherEnvVarLetters = _otherEnvVars.Select(f => Letters(f.AsSpan()) & Folded).ToImmutableArray();
            Key = Family + "|" + string.Join(",", _fragments) + "|" + string.Join(",", _envVars);
        }

        public override string Key { get; }

        [MethodImpl(HotPath.Optimized)]
        public override bool MayContain(ReadOnlySpan<char> quotedText)
        {
            // A text shorter than a fragment cannot hold it (most quoted pieces are short): no search is set up for it.
            foreach (var fragment in _fragments)
            {
                if (quotedText.Length >= fragment.Length && quotedText.IndexOf(fragment.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            foreach (var name in _otherEnvVars)
            {
                if (quotedText.Length >= name.Length && quotedText.IndexOf(name.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same searches, each only when the text has every letter of its word.</summary>
        public override bool MayContain(ReadOnlySpan<char> quotedText, ulong letters)
            => HoldsAny(quotedText, letters, _fragments, _fragmentLetters) || HoldsAny(quotedText, letters, _otherEnvVars, _otherEnvVarLetters);

        public override bool IsCandidate(string value)
        {
            if (value.Length < 4 || !MayContain(value.AsSpan()))
            {
                return false;
            }

            foreach (var name in _envVars)
            {
                if (value.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            for (var i = 2; i < _fragments.Length; i++)
            {
                if (value.IndexOf(_fragments[i], StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            if (value.IndexOf("serviceaccount", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            // A path piece: the "token" file, the "tokens" directory, or Azure's "azure-identity-token" file.
            foreach (var segment in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = segment.Trim();
                if (trimmed.Equals("token", StringComparison.OrdinalIgnoreCase)
                    || trimmed.Equals("tokens", StringComparison.OrdinalIgnoreCase)
                    || trimmed.Equals("azure-identity-token", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly char[] Separators = { '/', '\\' };

        /// <summary>The runs of literal characters of a glob, between separators and wildcards.</summary>
        private static string[] LiteralRuns(string glob) => glob.Split(new[] { '/', '\\', '*', '?' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
