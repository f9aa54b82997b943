using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Analyzers.Evaluation
{
    /// <summary>What one piece of a symbolic string is.</summary>
    internal enum SegmentKind
    {
        /// <summary>Known text.</summary>
        Literal,

        /// <summary>The value of an environment variable, named by <see cref="Segment.Text"/>.</summary>
        EnvironmentVariable,

        /// <summary>Anything: a value the evaluator cannot know.</summary>
        Unknown,

        /// <summary>
        /// Whatever callers pass for a parameter (<see cref="Segment.Parameter"/>): kept symbolic so that method
        /// summaries can substitute the arguments of each call site. Closed to "default value or unknown" before any
        /// rule looks at a value (<see cref="ValueEvaluator.Evaluate"/>).
        /// </summary>
        Parameter,

        /// <summary>
        /// A string operation (<see cref="Segment.Transform"/>) applied to a value that still has parameter parts
        /// (<see cref="Segment.Inner"/>): applied when the parameters are substituted (<see cref="ValueSet.Substitute"/>).
        /// </summary>
        Transformed,
    }

    /// <summary>One piece of a symbolic string.</summary>
    internal readonly struct Segment : IEquatable<Segment>
    {
        public Segment(SegmentKind kind, string text, IParameterSymbol? parameter = null)
        {
            Kind = kind;
            Text = text;
            Parameter = parameter;
            Inner = null;
            Transform = null;
        }

        public Segment(StringValue inner, StringTransform transform)
        {
            Kind = SegmentKind.Transformed;
            Text = string.Empty;
            Parameter = null;
            Inner = inner;
            Transform = transform;
        }

        public SegmentKind Kind { get; }

        /// <summary>The literal text, the environment variable's name, or the parameter's name.</summary>
        public string Text { get; }

        /// <summary>The parameter (original definition) of a <see cref="SegmentKind.Parameter"/> segment.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The value a <see cref="SegmentKind.Transformed"/> segment transforms.</summary>
        public StringValue? Inner { get; }

        /// <summary>The operation of a <see cref="SegmentKind.Transformed"/> segment.</summary>
        public StringTransform? Transform { get; }

        public bool Equals(Segment other)
            => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal)
               && SymbolEqualityComparer.Default.Equals(Parameter, other.Parameter)
               && Equals(Inner, other.Inner) && Equals(Transform, other.Transform);

        public override bool Equals(object? obj) => obj is Segment other && Equals(other);

        public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Text);
    }

    /// <summary>
    /// One possible value of a string expression: a concatenation of literal text, environment-variable
    /// values and unknown parts. Adjacent literals are merged, adjacent unknowns collapse.
    /// </summary>
    internal sealed class StringValue : IEquatable<StringValue>
    {
        public static readonly StringValue Unknown = new(ImmutableArray.Create(new Segment(SegmentKind.Unknown, string.Empty)));

        public static readonly StringValue Empty = new(ImmutableArray<Segment>.Empty);

        private StringValue(ImmutableArray<Segment> segments)
        {
            Segments = segments;
        }

        public ImmutableArray<Segment> Segments { get; }

        /// <summary>True when every part is known text.</summary>
        public bool IsConstant
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Kind != SegmentKind.Literal)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The text when <see cref="IsConstant"/>, otherwise null.</summary>
        public string? ConstantText => IsConstant ? (Segments.Length == 1 ? Segments[0].Text : Concat(Segments)) : null;

        /// <summary>True when the value is "anything" and nothing else.</summary>
        public bool IsFullyUnknown => Segments.Length == 1 && Segments[0].Kind == SegmentKind.Unknown;

        /// <summary>The variable's name when the whole value is exactly one environment variable.</summary>
        public string? EnvironmentVariableName
            => Segments.Length == 1 && Segments[0].Kind == SegmentKind.EnvironmentVariable ? Segments[0].Text : null;

        public bool ContainsUnknown
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Kind == SegmentKind.Unknown)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public static StringValue Literal(string text)
            => text.Length == 0 ? Empty : new StringValue(ImmutableArray.Create(new Segment(SegmentKind.Literal, text)));

        /// <summary>True when some part is a symbolic parameter value (also inside a deferred transform).</summary>
        public bool ContainsParameter
        {
            get
            {
                foreach (var segment in Segments)
                {
                    if (segment.Kind is SegmentKind.Parameter or SegmentKind.Transformed)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>True when some part is, or transforms, a parameter matching <paramref name="parameter"/>.</summary>
        public bool DependsOn(Func<IParameterSymbol, bool> parameter)
        {
            foreach (var segment in Segments)
            {
                if ((segment.Kind == SegmentKind.Parameter && parameter(segment.Parameter!))
                    || (segment.Kind == SegmentKind.Transformed
                        && (segment.Inner!.DependsOn(parameter) || segment.Transform!.Operand?.DependsOn(parameter) == true)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A value made of <paramref name="segments"/> (adjacent literals merged, unknowns collapsed).</summary>
        public static StringValue FromSegments(System.Collections.Generic.IEnumerable<Segment> segments)
        {
            var result = Empty;
            foreach (var segment in segments)
            {
                if (segment.Kind == SegmentKind.Literal && segment.Text.Length == 0)
                {
                    continue;
                }

                result = result.Append(new StringValue(ImmutableArray.Create(segment)));
            }

            return result;
        }

        /// <summary><paramref name="transform"/> applied later, when the parameters of <paramref name="inner"/> are bound.</summary>
        public static StringValue Deferred(StringValue inner, StringTransform transform)
            => new(ImmutableArray.Create(new Segment(inner, transform)));

        public static StringValue ParameterValue(IParameterSymbol parameter)
            => new(ImmutableArray.Create(new Segment(SegmentKind.Parameter, parameter.Name, parameter.OriginalDefinition)));

        public static StringValue EnvironmentVariable(string name)
            => new(ImmutableArray.Create(new Segment(SegmentKind.EnvironmentVariable, name)));

        public StringValue Append(StringValue other)
        {
            if (other.Segments.Length == 0)
            {
                return this;
            }

            if (Segments.Length == 0)
            {
                return other;
            }

            var builder = ImmutableArray.CreateBuilder<Segment>(Segments.Length + other.Segments.Length);
            builder.AddRange(Segments);
            foreach (var next in other.Segments)
            {
                var last = builder[builder.Count - 1];
                if (last.Kind == SegmentKind.Literal && next.Kind == SegmentKind.Literal)
                {
                    builder[builder.Count - 1] = new Segment(SegmentKind.Literal, last.Text + next.Text);
                }
                else if (last.Kind == SegmentKind.Unknown && next.Kind == SegmentKind.Unknown)
                {
                    // Two unknowns in a row say nothing more than one.
                }
                else
                {
                    builder.Add(next);
                }
            }

            return new StringValue(builder.ToImmutable());
        }

        /// <summary>A readable form: literals as text, <c>$NAME</c> for environment variables, <c>…</c> for unknown parts.</summary>
        public string Display()
        {
            var builder = new StringBuilder();
            foreach (var segment in Segments)
            {
                switch (segment.Kind)
                {
                    case SegmentKind.Literal:
                        builder.Append(segment.Text);
                        break;
                    case SegmentKind.EnvironmentVariable:
                        builder.Append('$').Append(segment.Text);
                        break;
                    case SegmentKind.Parameter:
                        builder.Append('{').Append(segment.Text).Append('}');
                        break;
                    case SegmentKind.Transformed:
                        builder.Append(segment.Transform!.Name).Append('(').Append(segment.Inner!.Display());
                        if (segment.Transform.Operand is { } operand)
                        {
                            builder.Append(", ").Append(operand.Display());
                        }

                        builder.Append(')');
                        break;
                    default:
                        builder.Append('…');
                        break;
                }
            }

            return builder.ToString();
        }

        public bool Equals(StringValue? other)
        {
            if (other is null || other.Segments.Length != Segments.Length)
            {
                return false;
            }

            for (var i = 0; i < Segments.Length; i++)
            {
                if (!Segments[i].Equals(other.Segments[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as StringValue);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var segment in Segments)
            {
                hash = (hash * 31) + segment.GetHashCode();
            }

            return hash;
        }

        public override string ToString() => Display();

        private static string Concat(ImmutableArray<Segment> segments)
        {
            var builder = new StringBuilder();
            foreach (var segment in segments)
            {
                builder.Append(segment.Text);
            }

            return builder.ToString();
        }
    }
}
