// Shape: Refit [Headers] built from a constant concatenation with the token scheme
using System.Threading.Tasks;
using Refit;

namespace Partner.Api;

internal static class Keys
{
    public const string Gitea = "$$HEX40$$";
}

public interface IRepoApi
{
    [Headers("Accept: application/json", {|TP0002:"Authorization: token " + Keys.Gitea|})]
    [Get("/repos/{owner}/{repo}")]
    Task<string> GetAsync(string owner, string repo);
}
