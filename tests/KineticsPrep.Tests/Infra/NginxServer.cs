using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KineticsPrep.Tests;

/// <summary>
/// A real nginx (Debian's package) serving a folder on a free loopback port, for as long as the test needs it, with a
/// log of the requests it answered (<see cref="Requests"/>).
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly TempFolder _prefix = new();
    private readonly Process _process;

    public NginxServer(string root, string limitRate = "0")
    {
        Port = FreePort();
        var user = Environment.UserName == "root" ? "user root;" : "";
        var config = _prefix.Combine("nginx.conf");
        File.WriteAllText(config, $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{_prefix.Combine("nginx.pid")}};
            error_log {{_prefix.Combine("error.log")}};
            events { worker_connections 64; }
            http {
                log_format requests '$request_method $uri range="$http_range" if-range="$http_if_range" $status';
                access_log {{_prefix.Combine("requests.log")}} requests;
                client_body_temp_path {{_prefix.Path}};
                proxy_temp_path {{_prefix.Path}};
                fastcgi_temp_path {{_prefix.Path}};
                uwsgi_temp_path {{_prefix.Path}};
                scgi_temp_path {{_prefix.Path}};
                server {
                    listen 127.0.0.1:{{Port}};
                    root {{root}};
                    location / { limit_rate {{limitRate}}; }
                }
            }
            """);
        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _process = Process.Start(new ProcessStartInfo(executable, ["-c", config, "-p", _prefix.Path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        WaitUntilListening();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Each request answered so far: <c>GET /400/train/part_0.tar.gz range="bytes=1048576-" if-range="…" 206</c>.</summary>
    public IReadOnlyList<string> Requests =>
        File.Exists(_prefix.Combine("requests.log")) ? File.ReadAllLines(_prefix.Combine("requests.log")) : [];

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("nginx exited: " + _process.StandardError.ReadToEnd() + File.ReadAllText(_prefix.Combine("error.log")));
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new TimeoutException("nginx did not start listening");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _prefix.Dispose();
    }
}
