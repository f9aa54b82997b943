namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary><c>Path.Combine</c> and <c>Path.Join</c> over symbolic values. Separators are written as '/'.</summary>
    internal static class PathValues
    {
        private static readonly StringValue Separator = StringValue.Literal("/");

        public static StringValue Combine(StringValue left, StringValue right)
        {
            if (right.Segments.Length == 0)
            {
                return left;
            }

            // A rooted later part replaces everything before it.
            if (left.Segments.Length == 0 || StartsRooted(right))
            {
                return right;
            }

            // A later part that does not start with known text may be rooted itself: then nothing before it counts.
            if (right.Segments[0].Kind != SegmentKind.Literal)
            {
                return StringValue.Unknown;
            }

            return EndsWithSeparator(left) ? left.Append(right) : left.Append(Separator).Append(right);
        }

        /// <summary>
        /// <see cref="Combine"/> for open values: when the later part starts with a parameter (which may be rooted), the
        /// combination waits until a call site binds it.
        /// </summary>
        public static StringValue CombineOpen(StringValue left, StringValue right)
            => right.Segments.Length > 0 && right.Segments[0].Kind is SegmentKind.Parameter or SegmentKind.Transformed && left.Segments.Length > 0
                ? StringValue.Deferred(left, StringTransform.CombineWith(right))
                : Combine(left, right);

        public static StringValue Join(StringValue left, StringValue right)
        {
            if (left.Segments.Length == 0)
            {
                return right;
            }

            if (right.Segments.Length == 0)
            {
                return left;
            }

            return EndsWithSeparator(left) || StartsWithSeparator(right) ? left.Append(right) : left.Append(Separator).Append(right);
        }

        public static bool IsSeparator(char c) => c is '/' or '\\';

        /// <summary>A rooted path: a leading separator or a drive letter.</summary>
        public static bool IsRooted(string text)
            => text.Length > 0 && (IsSeparator(text[0]) || (text.Length >= 2 && text[1] == ':' && char.IsLetter(text[0])));

        private static bool StartsRooted(StringValue value)
        {
            var first = value.Segments[0];
            if (first.Kind != SegmentKind.Literal || first.Text.Length == 0)
            {
                return false;
            }

            var text = first.Text;
            return IsSeparator(text[0]) || (text.Length >= 2 && text[1] == ':' && char.IsLetter(text[0]));
        }

        private static bool StartsWithSeparator(StringValue value)
        {
            var first = value.Segments[0];
            return first.Kind == SegmentKind.Literal && first.Text.Length > 0 && IsSeparator(first.Text[0]);
        }

        private static bool EndsWithSeparator(StringValue value)
        {
            var last = value.Segments[value.Segments.Length - 1];
            return last.Kind == SegmentKind.Literal && last.Text.Length > 0 && IsSeparator(last.Text[last.Text.Length - 1]);
        }
    }
}
