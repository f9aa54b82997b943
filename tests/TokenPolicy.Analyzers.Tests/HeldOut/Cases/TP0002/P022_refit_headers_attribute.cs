// Shape: Refit [Headers] attribute with a bearer token
using System.Threading.Tasks;
using Refit;

namespace Partner.Api;

public interface IStatusApi
{
    [Headers({|TP0002:"Authorization: Bearer $$GHP$$"|})]
    [Get("/status")]
    Task<string> GetStatusAsync();
}
