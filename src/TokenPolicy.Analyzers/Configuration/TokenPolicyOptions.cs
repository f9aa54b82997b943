using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TokenPolicy.Analyzers.Configuration
{
    /// <summary>
    /// The <c>.editorconfig</c> options of TokenPolicy, parsed once per distinct options object.
    /// </summary>
    /// <remarks>
    /// Keys (lists are comma-separated; in .editorconfig a ';' or '#' starts a comment, so a ';' ends the list):
    /// <list type="bullet">
    /// <item><c>tokenpolicy.analyze_generated_code = true</c>: also report in generated code.</item>
    /// <item><c>TP0001.extra_token_paths</c>: more token-file globs (<c>*</c>, <c>**</c>, <c>?</c>).</item>
    /// <item><c>TP0001.extra_token_env_vars</c>: more environment variables that name a token file.</item>
    /// <item><c>TP0001.sanctioned_paths</c>: globs that are never reported.</item>
    /// <item><c>TP0002.entropy_threshold</c>: Shannon entropy (bits per character) above which a random-looking string is a token (default 3.5).</item>
    /// <item><c>TP0002.min_length</c>: shortest random-looking string considered (default 16).</item>
    /// <item><c>tokenpolicy.credential_endpoints</c>: more credential-endpoint URL patterns for TP0004 (<c>{name}</c> stands for one path segment, a leading <c>{name}</c> for any base address).</item>
    /// </list>
    /// </remarks>
    internal sealed class TokenPolicyOptions
    {
        public const string AnalyzeGeneratedCodeKey = "tokenpolicy.analyze_generated_code";
        public const string ExtraTokenPathsKey = "TP0001.extra_token_paths";
        public const string ExtraTokenEnvVarsKey = "TP0001.extra_token_env_vars";
        public const string SanctionedPathsKey = "TP0001.sanctioned_paths";
        public const string EntropyThresholdKey = "TP0002.entropy_threshold";
        public const string MinLengthKey = "TP0002.min_length";
        public const string CredentialEndpointsKey = "tokenpolicy.credential_endpoints";

        public const double DefaultEntropyThreshold = 3.5;
        public const int DefaultMinLength = 16;

        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, TokenPolicyOptions> Cache = new();

        public static readonly TokenPolicyOptions Default = new(false, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, DefaultEntropyThreshold, DefaultMinLength, ImmutableArray<string>.Empty);

        private TokenPolicyOptions(
            bool analyzeGeneratedCode,
            ImmutableArray<string> extraTokenPaths,
            ImmutableArray<string> extraTokenEnvVars,
            ImmutableArray<string> sanctionedPaths,
            double entropyThreshold,
            int minLength,
            ImmutableArray<string> credentialEndpoints)
        {
            CredentialEndpoints = credentialEndpoints;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            ExtraTokenPaths = extraTokenPaths;
            ExtraTokenEnvVars = extraTokenEnvVars;
            SanctionedPaths = sanctionedPaths;
            EntropyThreshold = entropyThreshold;
            MinLength = minLength;
            PathMatcher = extraTokenPaths.IsEmpty && extraTokenEnvVars.IsEmpty && sanctionedPaths.IsEmpty
                ? TokenPathMatcher.Default
                : new TokenPathMatcher(extraTokenPaths, extraTokenEnvVars, sanctionedPaths);
        }

        public bool AnalyzeGeneratedCode { get; }

        public ImmutableArray<string> ExtraTokenPaths { get; }

        public ImmutableArray<string> ExtraTokenEnvVars { get; }

        public ImmutableArray<string> SanctionedPaths { get; }

        public double EntropyThreshold { get; }

        public int MinLength { get; }

        public TokenPathMatcher PathMatcher { get; }

        /// <summary>TP0004: credential-endpoint patterns beyond the two defaults.</summary>
        public ImmutableArray<string> CredentialEndpoints { get; }

        public static TokenPolicyOptions Get(AnalyzerConfigOptions options)
            => Cache.GetValue(options, Parse);

        /// <summary>
        /// Options that find every candidate either finds: the union of the extra paths and variables, the lower entropy
        /// threshold and minimum length. (Sanctioned paths only ever remove findings, so they are not merged.)
        /// </summary>
        public static TokenPolicyOptions Merge(TokenPolicyOptions left, TokenPolicyOptions right)
        {
            if (ReferenceEquals(left, right) || ReferenceEquals(right, Default))
            {
                return left;
            }

            if (ReferenceEquals(left, Default))
            {
                return right;
            }

            return new TokenPolicyOptions(
                left.AnalyzeGeneratedCode || right.AnalyzeGeneratedCode,
                Union(left.ExtraTokenPaths, right.ExtraTokenPaths),
                Union(left.ExtraTokenEnvVars, right.ExtraTokenEnvVars),
                ImmutableArray<string>.Empty,
                Math.Min(left.EntropyThreshold, right.EntropyThreshold),
                Math.Min(left.MinLength, right.MinLength),
                Union(left.CredentialEndpoints, right.CredentialEndpoints));
        }

        private static ImmutableArray<string> Union(ImmutableArray<string> left, ImmutableArray<string> right)
        {
            var builder = left.ToBuilder();
            foreach (var item in right)
            {
                if (!builder.Contains(item))
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }

        private static TokenPolicyOptions Parse(AnalyzerConfigOptions options)
        {
            var generated = options.TryGetValue(AnalyzeGeneratedCodeKey, out var generatedText)
                && bool.TryParse(generatedText.Trim(), out var analyze) && analyze;
            var paths = List(options, ExtraTokenPathsKey);
            var envVars = List(options, ExtraTokenEnvVarsKey);
            var sanctioned = List(options, SanctionedPathsKey);
            var threshold = options.TryGetValue(EntropyThresholdKey, out var thresholdText)
                && double.TryParse(thresholdText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t > 0
                ? t
                : DefaultEntropyThreshold;
            var minLength = options.TryGetValue(MinLengthKey, out var minText)
                && int.TryParse(minText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0
                ? m
                : DefaultMinLength;

            var endpoints = List(options, CredentialEndpointsKey);

            if (!generated && paths.IsEmpty && envVars.IsEmpty && sanctioned.IsEmpty
                && threshold == DefaultEntropyThreshold && minLength == DefaultMinLength && endpoints.IsEmpty)
            {
                return Default;
            }

            return new TokenPolicyOptions(generated, paths, envVars, sanctioned, threshold, minLength, endpoints);
        }

        private static ImmutableArray<string> List(AnalyzerConfigOptions options, string key)
        {
            if (!options.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }
    }
}
