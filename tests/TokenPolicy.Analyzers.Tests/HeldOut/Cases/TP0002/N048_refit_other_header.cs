// Shape: Refit [Headers] with non-auth headers only
using System.Threading.Tasks;
using Refit;

namespace Partner.Api;

public interface IHealthApi
{
    [Headers("Accept: application/json", "X-Client: runner/4.2")]
    [Get("/health")]
    Task<string> GetAsync();
}
