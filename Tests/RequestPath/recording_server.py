"""A stand-in's plumbing, shared by stand_in_vllm.Engine, stand_in_gateway.Gateway and
stand_in_provider.Provider: a stdlib HTTP server on a free loopback port, served from a daemon
thread, and the requests it recorded."""
import json
import threading


def json_body(handler):
    """The request body of a BaseHTTPRequestHandler read by Content-Length: JSON, else its text, or
    None when empty (an API server answers a malformed body itself, so the stand-in keeps it)."""
    length = int(handler.headers.get("Content-Length") or 0)
    raw = handler.rfile.read(length) if length else b""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode("utf-8", "replace")


class RecordingServer:
    def serve(self, server, thread_name):
        """Call from __init__ with the (not yet serving) server; `start` starts it."""
        self.requests = []
        self.lock = threading.Lock()
        self.server = server
        self.port = server.server_address[1]
        self.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name=thread_name, daemon=True)

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def record(self, entry):
        with self.lock:
            self.requests.append(entry)

    def seen(self, path=None):
        """What it recorded, all of it or the requests for one path."""
        with self.lock:
            return [r for r in self.requests if path is None or r["path"] == path]

    def clear(self):
        with self.lock:
            self.requests.clear()
