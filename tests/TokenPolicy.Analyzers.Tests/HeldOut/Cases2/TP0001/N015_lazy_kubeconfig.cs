// Shape: Lazy<string> factory reading the user's kubeconfig, not a token file
using System;
using System.IO;

namespace Notifications.Push;

public sealed class KubeconfigText
{
    private readonly Lazy<string> _text = new(() => File.ReadAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config")));

    public string Text => _text.Value;
}
