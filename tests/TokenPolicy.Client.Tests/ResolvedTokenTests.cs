using System.Globalization;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class ResolvedTokenTests : LeakCheckedTest
{
    [Theory]
    [InlineData("Bearer {0}", "Bearer")]
    [InlineData("  Bearer   {0}  ", "Bearer")]
    [InlineData("bearer {0}", "bearer")]
    [InlineData("{0}", "Bearer")]
    [InlineData("Bearer Bearer {0}", "Bearer")]
    public void CallerHeaderIsParsedWithoutDoublingTheScheme(string format, string scheme)
    {
        var value = LeakCapture.NewToken("caller");
        var token = ResolvedToken.FromCallerHeader(string.Format(CultureInfo.InvariantCulture, format, value), "user-1");

        Assert.Equal(TokenSource.Caller, token.Source);
        Assert.Equal(scheme, token.Scheme);
        Assert.Equal(value, token.Value);
        Assert.Equal($"{scheme} {value}", token.ToAuthorizationHeader().ToString());
        Assert.Equal("user-1", token.UserId);
    }

    [Fact]
    public void ToStringRedactsTheValue()
    {
        var value = LeakCapture.NewToken("redact");
        var token = new ResolvedToken(TokenSource.ControlPlaneOidc, "Bearer", value);
        var text = token.ToString();
        LeakCapture.Add(text);

        Assert.Contains("ControlPlaneOidc", text);
        Assert.Contains("[redacted]", text);
        Assert.DoesNotContain(value, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a\r\nX-Evil: 1")]
    public void MalformedCallerHeadersAreRejected(string header)
    {
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => ResolvedToken.FromCallerHeader(header)));
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => CallerTokenContext.Begin(header, "u")));
    }

    [Fact]
    public async Task CallerContextIsScopedToOneTurnAndClearedForBackgroundWork()
    {
        var value = LeakCapture.NewToken("turn");
        Assert.Null(CallerTokenContext.Current);

        Task<CallerToken?> seenLater;
        var release = new TaskCompletionSource();
        using (CallerTokenContext.Begin("Bearer " + value, "alice"))
        {
            Assert.Equal("Bearer " + value, CallerTokenContext.Current!.HeaderValue);
            Assert.Equal("alice", AsyncLocalCallerTokenAccessor.Instance.Current!.UserId);
            LeakCapture.Add(CallerTokenContext.Current.ToString());
            Assert.DoesNotContain(value, CallerTokenContext.Current.ToString());

            var nested = LeakCapture.NewToken("nested");
            using (CallerTokenContext.Begin("Bearer " + nested, "bob"))
            {
                Assert.Equal("bob", CallerTokenContext.Current!.UserId);
            }

            Assert.Equal("alice", CallerTokenContext.Current!.UserId);

            // Work started during the turn that outlives it.
            seenLater = Task.Run<CallerToken?>(async () =>
            {
                await release.Task;
                return CallerTokenContext.Current;
            });
        }

        Assert.Null(CallerTokenContext.Current);
        release.SetResult();
        Assert.Null(await seenLater);
    }
}
