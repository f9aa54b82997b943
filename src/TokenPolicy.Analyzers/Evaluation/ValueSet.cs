using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>
    /// The strings an expression can be: a bounded set of <see cref="StringValue"/>s. A set that would grow
    /// past <see cref="MaxSize"/> becomes <see cref="Unknown"/>: the evaluator never guesses which values to drop.
    /// An empty set means the expression can only be null (or has no string value at all).
    /// </summary>
    internal sealed class ValueSet
    {
        public const int MaxSize = 32;

        public static readonly ValueSet Unknown = new(ImmutableArray.Create(StringValue.Unknown));

        public static readonly ValueSet Null = new(ImmutableArray<StringValue>.Empty);

        private ValueSet(ImmutableArray<StringValue> values)
        {
            Values = values;
        }

        public ImmutableArray<StringValue> Values { get; }

        public bool IsEmpty => Values.IsEmpty;

        /// <summary>True when the only possibility is "anything".</summary>
        public bool IsUnknown => Values.Length == 1 && Values[0].IsFullyUnknown;

        public static ValueSet Of(StringValue value) => new(ImmutableArray.Create(value));

        public static ValueSet Literal(string text) => Of(StringValue.Literal(text));

        public static ValueSet Union(ValueSet left, ValueSet right)
        {
            if (left.IsEmpty)
            {
                return right;
            }

            if (right.IsEmpty)
            {
                return left;
            }

            var builder = new Builder();
            builder.AddRange(left);
            builder.AddRange(right);
            return builder.ToValueSet();
        }

        /// <summary>Every value of <paramref name="left"/> followed by every value of <paramref name="right"/>.</summary>
        public static ValueSet Concat(ValueSet left, ValueSet right)
            => Combine(left, right, static (a, b) => a.Append(b));

        /// <summary>Pairwise combination, bounded like every other set operation.</summary>
        public static ValueSet Combine(ValueSet left, ValueSet right, Func<StringValue, StringValue, StringValue> combine)
        {
            // A null operand of a string concatenation is the empty string.
            if (left.IsEmpty)
            {
                left = Of(StringValue.Empty);
            }

            if (right.IsEmpty)
            {
                right = Of(StringValue.Empty);
            }

            if ((long)left.Values.Length * right.Values.Length > MaxSize)
            {
                return Unknown;
            }

            var builder = new Builder();
            foreach (var a in left.Values)
            {
                foreach (var b in right.Values)
                {
                    builder.Add(combine(a, b));
                }
            }

            return builder.ToValueSet();
        }

        /// <summary>True when some value has a symbolic parameter part.</summary>
        public bool ContainsParameter
        {
            get
            {
                foreach (var value in Values)
                {
                    if (value.ContainsParameter)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Replaces every parameter part: with <paramref name="bind"/>'s values where it has them, otherwise with what
        /// any caller may pass (the parameter's default value, or anything). The result has no parameter parts left
        /// except those the bound values themselves carry.
        /// </summary>
        public ValueSet Substitute(Func<IParameterSymbol, ValueSet?>? bind) => Substitute(bind, keepUnbound: false);

        /// <summary>
        /// Replaces the parameter parts <paramref name="bind"/> has values for and keeps the others symbolic: a call to a
        /// method of the compilation, evaluated inside a body whose own parameters must stay open.
        /// </summary>
        public ValueSet Bind(Func<IParameterSymbol, ValueSet?> bind) => Substitute(bind, keepUnbound: true);

        private ValueSet Substitute(Func<IParameterSymbol, ValueSet?>? bind, bool keepUnbound)
        {
            if (!ContainsParameter)
            {
                return this;
            }

            var builder = new Builder();
            foreach (var value in Values)
            {
                if (!value.ContainsParameter)
                {
                    builder.Add(value);
                    continue;
                }

                var expanded = Of(StringValue.Empty);
                foreach (var segment in value.Segments)
                {
                    ValueSet part = segment.Kind switch
                    {
                        SegmentKind.Literal => Literal(segment.Text),
                        SegmentKind.EnvironmentVariable => Of(StringValue.EnvironmentVariable(segment.Text)),
                        SegmentKind.Parameter => bind?.Invoke(segment.Parameter!) ?? (keepUnbound ? Of(StringValue.ParameterValue(segment.Parameter!)) : AnyArgument(segment.Parameter!)),
                        SegmentKind.Transformed => segment.Transform!.Substituted(Of(segment.Inner!).Substitute(bind, keepUnbound), operand => Of(operand).Substitute(bind, keepUnbound)),
                        _ => Unknown,
                    };
                    expanded = Concat(expanded, part);
                }

                builder.AddRange(expanded);
            }

            return builder.ToValueSet();
        }

        /// <summary>Every value mapped through <paramref name="map"/> (a string operation), bounded like every set operation.</summary>
        public ValueSet Map(Func<StringValue, StringValue> map)
        {
            if (IsUnknown || IsEmpty)
            {
                return this;
            }

            var builder = new Builder();
            foreach (var value in Values)
            {
                builder.Add(map(value));
            }

            return builder.ToValueSet();
        }

        /// <summary>Every parameter part replaced by what any caller may pass: <see cref="Substitute"/> with nothing bound.</summary>
        public ValueSet Close() => Substitute(null);

        /// <summary>Only the values that have a part from <paramref name="parameter"/>.</summary>
        public ValueSet WhereDependsOn(Func<IParameterSymbol, bool> parameter)
        {
            var builder = new Builder();
            foreach (var value in Values)
            {
                if (value.DependsOn(parameter))
                {
                    builder.Add(value);
                }
            }

            return builder.ToValueSet();
        }

        /// <summary>What a caller outside the analysed code may pass: anything, the explicit default being one possibility.</summary>
        private static ValueSet AnyArgument(IParameterSymbol parameter)
            => parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is string text
                ? Union(Literal(text), Unknown)
                : Unknown;

        public override string ToString() => "{" + string.Join(", ", Values) + "}";

        /// <summary>Collects distinct values; overflows to <see cref="Unknown"/>.</summary>
        internal sealed class Builder
        {
            private readonly HashSet<StringValue> _seen = new();
            private readonly ImmutableArray<StringValue>.Builder _values = ImmutableArray.CreateBuilder<StringValue>();
            private bool _overflow;

            public void Add(StringValue value)
            {
                if (_overflow || !_seen.Add(value))
                {
                    return;
                }

                if (_values.Count == MaxSize)
                {
                    _overflow = true;
                    return;
                }

                _values.Add(value);
            }

            public void AddRange(ValueSet set)
            {
                foreach (var value in set.Values)
                {
                    Add(value);
                }
            }

            public ValueSet ToValueSet()
            {
                if (_overflow)
                {
                    return Unknown;
                }

                if (_values.Count == 1 && _values[0].IsFullyUnknown)
                {
                    return Unknown;
                }

                return _values.Count == 0 ? Null : new ValueSet(_values.ToImmutable());
            }
        }
    }
}
