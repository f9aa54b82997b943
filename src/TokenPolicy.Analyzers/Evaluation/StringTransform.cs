using System;
using System.Collections.Generic;
using System.Text;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>What a <see cref="StringTransform"/> does.</summary>
    internal enum TransformKind
    {
        Trim,
        TrimStart,
        TrimEnd,
        Replace,
        ToLower,
        ToUpper,

        /// <summary><c>Path.GetFullPath</c>: dot segments resolved; a relative path gets an unknown current directory.</summary>
        FullPath,

        /// <summary><c>Path.Combine(value, operand)</c> where the operand starts with a parameter (it may be rooted).</summary>
        Combine,

        /// <summary><c>Environment.GetEnvironmentVariable(value)</c>: the variable's value once its name is known.</summary>
        EnvironmentVariable,
    }

    /// <summary>
    /// A string operation that keeps a path or token recognisable (<c>Trim</c>, <c>Replace</c>, <c>ToLowerInvariant</c>,
    /// <c>Path.GetFullPath</c>), applied to symbolic values. Known text is transformed exactly; unknown parts stay unknown;
    /// a value with parameter parts is transformed when a call site binds them (<see cref="StringValue.Deferred"/>), so a
    /// helper that trims or rewrites its argument is judged on what it really produces.
    /// </summary>
    internal sealed class StringTransform : IEquatable<StringTransform>
    {
        private StringTransform(TransformKind kind, string? first, string? second, StringValue? operand = null)
        {
            Kind = kind;
            First = first;
            Second = second;
            Operand = operand;
        }

        /// <summary>The right-hand value of a <see cref="TransformKind.Combine"/>.</summary>
        public StringValue? Operand { get; }

        public TransformKind Kind { get; }

        /// <summary>The characters to trim (null: white space), or the text to replace.</summary>
        public string? First { get; }

        /// <summary>The replacement text.</summary>
        public string? Second { get; }

        public string Name => Kind.ToString();

        public static StringTransform Trim(TransformKind kind, string? characters)
            => new(kind, characters is { Length: 0 } ? null : characters, null);

        public static StringTransform Replace(string oldValue, string newValue) => new(TransformKind.Replace, oldValue, newValue);

        public static StringTransform Case(bool upper) => new(upper ? TransformKind.ToUpper : TransformKind.ToLower, null, null);

        public static readonly StringTransform FullPath = new(TransformKind.FullPath, null, null);

        public static readonly StringTransform EnvironmentVariable = new(TransformKind.EnvironmentVariable, null, null);

        public static StringTransform CombineWith(StringValue operand) => new(TransformKind.Combine, null, null, operand);

        /// <summary>The transform applied to substituted values: <paramref name="inner"/> and, for a combine, the operand's values.</summary>
        public ValueSet Substituted(ValueSet inner, Func<StringValue, ValueSet> substitute)
            => Operand is null ? inner.Map(Apply) : ValueSet.Combine(inner, substitute(Operand), PathValues.CombineOpen);

        /// <summary>The transformed value; deferred while <paramref name="value"/> has parameter parts.</summary>
        public StringValue Apply(StringValue value)
        {
            if (value.ContainsParameter || Operand?.ContainsParameter == true)
            {
                return StringValue.Deferred(value, this);
            }

            if (Kind == TransformKind.Combine)
            {
                return PathValues.Combine(value, Operand!);
            }

            if (Kind == TransformKind.EnvironmentVariable)
            {
                return value.ConstantText is { Length: > 0 } name ? StringValue.EnvironmentVariable(name) : StringValue.Unknown;
            }

            var constant = value.ConstantText;
            if (constant is not null)
            {
                return Kind == TransformKind.FullPath ? FullPathOf(value) : StringValue.Literal(ApplyText(constant));
            }

            switch (Kind)
            {
                case TransformKind.Trim:
                case TransformKind.TrimStart:
                case TransformKind.TrimEnd:
                    return TrimEdges(value);
                case TransformKind.FullPath:
                    return FullPathOf(value);
                default:
                    // Known parts transformed; an environment variable's value is not known text, so it becomes unknown. A
                    // match across a part boundary is missed, which can only make the value less recognisable.
                    var segments = new List<Segment>(value.Segments.Length);
                    foreach (var segment in value.Segments)
                    {
                        segments.Add(segment.Kind == SegmentKind.Literal
                            ? new Segment(SegmentKind.Literal, ApplyText(segment.Text))
                            : new Segment(SegmentKind.Unknown, string.Empty));
                    }

                    return StringValue.FromSegments(segments);
            }
        }

        private string ApplyText(string text)
        {
            switch (Kind)
            {
                case TransformKind.Trim:
                    return First is null ? text.Trim() : text.Trim(First.ToCharArray());
                case TransformKind.TrimStart:
                    return First is null ? text.TrimStart() : text.TrimStart(First.ToCharArray());
                case TransformKind.TrimEnd:
                    return First is null ? text.TrimEnd() : text.TrimEnd(First.ToCharArray());
                case TransformKind.Replace:
                    return First!.Length == 0 ? text : text.Replace(First, Second ?? string.Empty);
                case TransformKind.ToLower:
                    return text.ToLowerInvariant();
                case TransformKind.ToUpper:
                    return text.ToUpperInvariant();
                default:
                    return text;
            }
        }

        /// <summary>Trims the known text at the edges; an unknown edge may hold trimmed characters, which stay unknown.</summary>
        private StringValue TrimEdges(StringValue value)
        {
            var segments = new List<Segment>(value.Segments);
            if (Kind != TransformKind.TrimEnd && segments.Count > 0 && segments[0].Kind == SegmentKind.Literal)
            {
                var text = First is null ? segments[0].Text.TrimStart() : segments[0].Text.TrimStart(First.ToCharArray());
                segments[0] = new Segment(SegmentKind.Literal, text);
            }

            var last = segments.Count - 1;
            if (Kind != TransformKind.TrimStart && last >= 0 && segments[last].Kind == SegmentKind.Literal)
            {
                var text = First is null ? segments[last].Text.TrimEnd() : segments[last].Text.TrimEnd(First.ToCharArray());
                segments[last] = new Segment(SegmentKind.Literal, text);
            }

            return StringValue.FromSegments(segments);
        }

        /// <summary>
        /// A rooted path with its dot segments resolved (separators as '/'); a relative one below an unknown current
        /// directory; a value whose known text cannot be resolved without its unknown parts becomes unknown.
        /// </summary>
        private static StringValue FullPathOf(StringValue value)
        {
            var constant = value.ConstantText;
            if (constant is not null)
            {
                return PathValues.IsRooted(constant) ? StringValue.Literal(Normalize(constant)) : StringValue.Unknown.Append(StringValue.Literal("/" + Normalize(constant)));
            }

            // An environment variable that names a file (AWS_WEB_IDENTITY_TOKEN_FILE) is an absolute path already.
            if (value.EnvironmentVariableName is not null)
            {
                return value;
            }

            foreach (var segment in value.Segments)
            {
                if (segment.Kind == SegmentKind.Literal && (segment.Text.Contains("/.") || segment.Text.Contains("\\.") || segment.Text.StartsWith(".", StringComparison.Ordinal)))
                {
                    return StringValue.Unknown;
                }
            }

            var first = value.Segments[0];
            return first.Kind == SegmentKind.Literal && PathValues.IsRooted(first.Text) ? value : StringValue.Unknown;
        }

        private static string Normalize(string path)
        {
            var rooted = path.Length > 0 && PathValues.IsSeparator(path[0]);
            var parts = new List<string>();
            foreach (var part in path.Split('/', '\\'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }

                    continue;
                }

                parts.Add(part);
            }

            var builder = new StringBuilder();
            if (rooted)
            {
                builder.Append('/');
            }

            builder.Append(string.Join("/", parts));
            return builder.ToString();
        }

        public bool Equals(StringTransform? other)
            => other is not null && Kind == other.Kind && string.Equals(First, other.First, StringComparison.Ordinal)
               && string.Equals(Second, other.Second, StringComparison.Ordinal) && Equals(Operand, other.Operand);

        public override bool Equals(object? obj) => Equals(obj as StringTransform);

        public override int GetHashCode()
            => ((int)Kind * 397) ^ (First is null ? 0 : StringComparer.Ordinal.GetHashCode(First)) ^ (Second is null ? 0 : StringComparer.Ordinal.GetHashCode(Second) * 31);

        public override string ToString() => Name;
    }
}
