// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// A loopback WebSocket server written on raw TCP, so that a test controls every byte: the handshake (or its
    /// absence), fragmented, binary, oversized and malformed frames, close codes, silence, and resets. Each accepted
    /// connection is handed to the test's script, which runs on the thread pool.
    /// </summary>
    internal sealed class ScriptedWebSocketServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<ServerConnection, Task> _script;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentBag<ServerConnection> _connections = new ConcurrentBag<ServerConnection>();
        private int _accepted;

        public ScriptedWebSocketServer(Func<ServerConnection, Task> script)
        {
            _script = script;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Task.Run(AcceptLoop);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>A realtime URL as the core builds it.</summary>
        public string Url => $"ws://127.0.0.1:{Port}/v1/realtime?project=test";

        /// <summary>The endpoint a Client gets, so that its realtime URL points here.</summary>
        public string Endpoint => $"http://127.0.0.1:{Port}/v1";

        public int Accepted => Volatile.Read(ref _accepted);

        /// <summary>Exceptions thrown by scripts (other than the connection going away).</summary>
        public ConcurrentQueue<Exception> Failures { get; } = new ConcurrentQueue<Exception>();

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }
                Interlocked.Increment(ref _accepted);
                var connection = new ServerConnection(client, _stop.Token);
                _connections.Add(connection);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await _script(connection).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is OperationCanceledException || e is SocketException)
                    {
                        // The client went away (or the test ended): part of the script's story.
                    }
                    catch (Exception e)
                    {
                        Failures.Enqueue(e);
                    }
                    finally
                    {
                        // A server closes the TCP connection when its handler is done.
                        connection.Dispose();
                    }
                });
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var connection in _connections) connection.Dispose();
        }
    }

    /// <summary>One accepted TCP connection, speaking WebSocket frames as the server side.</summary>
    internal sealed class ServerConnection : IDisposable
    {
        public const int OpText = 1;
        public const int OpBinary = 2;
        public const int OpClose = 8;
        public const int OpPing = 9;
        public const int OpPong = 10;

        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly CancellationToken _stop;
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);

        public ServerConnection(TcpClient client, CancellationToken stop)
        {
            _client = client;
            _client.NoDelay = true;
            _stream = client.GetStream();
            _stop = stop;
        }

        /// <summary>The request line and headers of the handshake.</summary>
        public string Request { get; private set; } = "";

        /// <summary>Reads the HTTP upgrade request and answers 101.</summary>
        public async Task HandshakeAsync()
        {
            var request = new StringBuilder();
            var one = new byte[1];
            while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await _stream.ReadAsync(one, 0, 1, _stop).ConfigureAwait(false) == 0) throw new IOException("the client left during the handshake");
                request.Append((char)one[0]);
                if (request.Length > 16 * 1024) throw new InvalidDataException("handshake too long");
            }
            Request = request.ToString();
            var key = "";
            foreach (var line in Request.Split("\r\n"))
            {
                if (line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase)) key = line.Substring(18).Trim();
            }
            using var sha1 = SHA1.Create();
            var accept = Convert.ToBase64String(sha1.ComputeHash(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            await WriteRawAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n")).ConfigureAwait(false);
        }

        public Task SendTextAsync(string text) => SendFrameAsync(OpText, Encoding.UTF8.GetBytes(text));

        /// <summary>Sends one frame; <paramref name="fin"/> false starts or continues a fragmented message.</summary>
        public Task SendFrameAsync(int opcode, byte[] payload, bool fin = true)
        {
            var header = new MemoryStream();
            header.WriteByte((byte)((fin ? 0x80 : 0) | opcode));
            if (payload.Length < 126)
            {
                header.WriteByte((byte)payload.Length);
            }
            else if (payload.Length <= ushort.MaxValue)
            {
                header.WriteByte(126);
                header.WriteByte((byte)(payload.Length >> 8));
                header.WriteByte((byte)payload.Length);
            }
            else
            {
                header.WriteByte(127);
                for (var shift = 56; shift >= 0; shift -= 8) header.WriteByte((byte)((long)payload.Length >> shift));
            }
            header.Write(payload, 0, payload.Length);
            return WriteRawAsync(header.ToArray());
        }

        public Task SendCloseAsync(int code, string reason = "")
        {
            var reasonBytes = Encoding.UTF8.GetBytes(reason);
            var payload = new byte[2 + reasonBytes.Length];
            payload[0] = (byte)(code >> 8);
            payload[1] = (byte)code;
            reasonBytes.CopyTo(payload, 2);
            return SendFrameAsync(OpClose, payload);
        }

        /// <summary>Bytes as they are, e.g. garbage that is no valid frame.</summary>
        public async Task WriteRawAsync(byte[] bytes)
        {
            await _writeLock.WaitAsync(_stop).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(bytes, 0, bytes.Length, _stop).ConfigureAwait(false);
                await _stream.FlushAsync(_stop).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <summary>Reads one client frame (unmasking it); null when the connection ended.</summary>
        public async Task<(int Opcode, byte[] Payload, bool Fin)?> ReadFrameAsync()
        {
            var head = await ReadExactlyAsync(2).ConfigureAwait(false);
            if (head == null) return null;
            var fin = (head[0] & 0x80) != 0;
            var opcode = head[0] & 0x0F;
            var masked = (head[1] & 0x80) != 0;
            long length = head[1] & 0x7F;
            if (length == 126)
            {
                var ext = await ReadExactlyAsync(2).ConfigureAwait(false);
                if (ext == null) return null;
                length = (ext[0] << 8) | ext[1];
            }
            else if (length == 127)
            {
                var ext = await ReadExactlyAsync(8).ConfigureAwait(false);
                if (ext == null) return null;
                length = 0;
                foreach (var b in ext) length = (length << 8) | b;
            }
            var mask = masked ? await ReadExactlyAsync(4).ConfigureAwait(false) : null;
            if (masked && mask == null) return null;
            var payload = length == 0 ? Array.Empty<byte>() : await ReadExactlyAsync((int)length).ConfigureAwait(false);
            if (payload == null) return null;
            if (mask != null)
            {
                for (var i = 0; i < payload.Length; i++) payload[i] ^= mask[i % 4];
            }
            return (opcode, payload, fin);
        }

        /// <summary>The next text message (control frames other than close skipped); null at close or end.</summary>
        public async Task<string?> ReadTextAsync()
        {
            for (;;)
            {
                var frame = await ReadFrameAsync().ConfigureAwait(false);
                if (frame == null || frame.Value.Opcode == OpClose) return null;
                if (frame.Value.Opcode == OpText) return Encoding.UTF8.GetString(frame.Value.Payload);
            }
        }

        /// <summary>Resets the TCP connection (RST), as a crashed server or a cut network would look.</summary>
        public void Reset()
        {
            try
            {
                _client.LingerState = new LingerOption(true, 0);
                _client.Client.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task<byte[]?> ReadExactlyAsync(int count)
        {
            var buffer = new byte[count];
            var read = 0;
            while (read < count)
            {
                var n = await _stream.ReadAsync(buffer, read, count - read, _stop).ConfigureAwait(false);
                if (n == 0) return null;
                read += n;
            }
            return buffer;
        }

        public void Dispose()
        {
            try
            {
                _client.Dispose();
            }
            catch (Exception)
            {
            }
        }
    }
}
