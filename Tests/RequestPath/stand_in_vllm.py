"""A stand-in for vLLM 0.11.0's OpenAI server on a loopback port: its key check, its answers, a recorder.

What it copies, each from the vLLM 0.11.0 wheel (vllm/_version.py: 0.11.0; see
docs/research/vllm-auth-notes.md for the quotes):

- Which keys: `[key for key in (args.api_key or [envs.VLLM_API_KEY]) if key]`, no middleware when
  the list is empty (entrypoints/openai/api_server.py:1557-1559; envs.py:530-532). `--api-key` is
  nargs="+" (engine/arg_utils.py:220-229), so `api_keys` may hold several.
- The check, AuthenticationMiddleware (api_server.py:1254-1305): OPTIONS is exempt (1291-1292); the
  path is Starlette's `URL(scope=scope).path` minus root_path (1296-1297), and Starlette 0.4x (what
  a 0.11.0 image carries) rebuilds that URL as f"{scheme}://{host_header}{path}"
  (starlette 0.48.0 datastructures.py:52-53) — the Host-header bypass of GHSA-94f4-hr76-p5j6 is
  copied too; only a path starting with "/v1" is checked (1300); the first Authorization header,
  `partition(" ")`, scheme compared with `.lower() != "bearer"`, the rest compared whole (1272-1287);
  the answer is 401 with the body {"error":"Unauthorized"} (1301-1302; Starlette JSONResponse, compact).
- Routes: GET /health → 200 empty (345-352); GET /version (475-478); GET /v1/models (467-472);
  POST /v1/chat/completions (583-621), POST /v1/completions (624-665), POST /v1/embeddings (668-699;
  EmbeddingResponse, protocol.py:1708-1720, `encoding_format` float or base64 of float32,
  serving_embedding.py:42-54); POST /invocations dispatches a
  chat body to chat completions without a key (1148-1190, INVOCATION_TYPES 1131-1139); anything else
  404 {"detail":"Not Found"} (FastAPI). A model that is not served: 404 with vLLM's ErrorResponse
  (entrypoints/openai/serving_engine.py:484-488, protocol.py:101-109).
- Response shapes: ChatCompletionResponse (`chatcmpl-…`, object "chat.completion", protocol.py:1874-1875),
  stream chunks "chat.completion.chunk" as `data: {json}\\n\\n`, a usage chunk when
  stream_options.include_usage, then `data: [DONE]\\n\\n` (serving_chat.py:490, 566-571, 1093-1149);
  streams are sent chunked with `text/event-stream` as Starlette's StreamingResponse does
  (api_server.py:621).
- A client that hangs up is noticed (vLLM's with_cancellation, entrypoints/utils.py:32-87, then
  AsyncLLM.generate's abort, v1/engine/async_llm.py:394-401): a slow request whose client leaves is
  recorded as aborted, with the time, and no answer is written.

Each request is recorded: method, path, headers (lower-cased names; and `header_lines`, every line as
received, repeats and case kept), the parsed body, start, status, and when the client hung up.

It is not vLLM: it generates a fixed text and a fixed vector, counts words as tokens, and knows
nothing of sampling; it serves every route for every name it serves (a real pooling model answers
chat with an error, and a generating one embeddings).
"""
import base64
import hashlib
import json
import secrets
import select
import socket
import struct
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from recording_server import RecordingServer, json_body

UNAUTHORIZED = b'{"error":"Unauthorized"}'  # api_server.py:1301, as Starlette's JSONResponse renders it
REPLY_WORDS = ["Hello", " from", " the", " stand-in", " vLLM", "."]


def vllm_tokens(api_keys=None, environ=None):
    """The keys the server accepts, as build_app computes them (api_server.py:1557-1559)."""
    environ = environ or {}
    return [key for key in (api_keys or [environ.get("VLLM_API_KEY")]) if key]


def starlette_048_path(host_header, raw_path, server):
    """URL(scope=scope).path with Starlette 0.48.0 (datastructures.py:41-65): the Host header is pasted
    in front of the path unchecked, then the whole is parsed again (GHSA-94f4-hr76-p5j6)."""
    target = urllib.parse.urlsplit(raw_path)
    path = urllib.parse.unquote(target.path)  # uvicorn puts the percent-decoded path in scope["path"]
    if host_header is not None:
        url = "http://%s%s" % (host_header, path)
    else:
        url = "http://%s:%d%s" % (server[0], server[1], path)
    if target.query:
        url += "?" + target.query
    return urllib.parse.urlsplit(url).path


def verify_token(authorization, tokens):
    """AuthenticationMiddleware.verify_token (api_server.py:1272-1287)."""
    if not authorization:
        return False
    scheme, _, param = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    param_hash = hashlib.sha256(param.encode("utf-8")).digest()
    token_match = False
    for token in tokens:
        token_match |= secrets.compare_digest(param_hash, hashlib.sha256(token.encode("utf-8")).digest())
    return token_match


class Engine(RecordingServer):
    """One vLLM Deployment's Service: the names it serves, its keys, how slow it is, what it saw."""

    def __init__(self, name, served_names, tokens, root_path=""):
        self.name, self.served_names, self.tokens, self.root_path = name, list(served_names), list(tokens), root_path
        self.delay = 0.0  # seconds before the first byte of an answer
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        server.daemon_threads = True
        self.serve(server, "stand-in-" + name)


def _handler(engine):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn; LiteLLM's httpx pools connections
        server_version = "uvicorn"  # what vLLM's responses say
        sys_version = ""

        def log_message(self, *args):  # quiet: the harness prints what matters
            pass

        # --- the middleware -------------------------------------------------------------------
        def _guarded(self):
            """True when AuthenticationMiddleware lets the request through (api_server.py:1289-1305)."""
            if not engine.tokens or self.command == "OPTIONS":
                return True
            url_path = starlette_048_path(self.headers.get("Host"), self.path, self.server.server_address)
            url_path = url_path.removeprefix(engine.root_path)
            if url_path.startswith("/v1") and not verify_token(self.headers.get("Authorization"), engine.tokens):
                return False
            return True

        def _entry(self, body):
            entry = {"engine": engine.name, "method": self.command, "path": urllib.parse.urlsplit(self.path).path,
                     "headers": {k.lower(): v for k, v in self.headers.items()},
                     "header_lines": list(self.headers.items()), "body": body,
                     "started": time.monotonic(), "status": None, "aborted": None, "finished": None}
            engine.record(entry)
            return entry

        def _send(self, entry, status, body, content_type="application/json"):
            data = body if isinstance(body, bytes) else json.dumps(body, separators=(",", ":")).encode()
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            entry["status"], entry["finished"] = status, time.monotonic()

        def _wait_or_abort(self, entry):
            """Sleeps engine.delay; False when the client hung up meanwhile (vLLM aborts: utils.py:32-87)."""
            deadline = entry["started"] + engine.delay
            sock = self.connection
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return True
                readable, _, _ = select.select([sock], [], [], min(left, 0.05))
                if readable:
                    try:
                        peek = sock.recv(1, socket.MSG_PEEK)
                    except OSError:
                        peek = b""
                    if peek == b"":
                        entry["aborted"] = time.monotonic()
                        self.close_connection = True
                        return False
                    time.sleep(min(left, 0.05))  # a pipelined request: not a hang-up

        # --- routes ---------------------------------------------------------------------------
        def do_OPTIONS(self):
            entry = self._entry(None)
            if self.headers.get("Origin") and self.headers.get("Access-Control-Request-Method"):
                self.send_response(200)  # CORSMiddleware's preflight answer (allow_origins ["*"])
                self.send_header("access-control-allow-origin", "*")
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"OK")
                entry["status"] = 200
            else:
                self._send(entry, 405, {"detail": "Method Not Allowed"})

        def do_GET(self):
            entry = self._entry(None)
            if not self._guarded():
                return self._send(entry, 401, UNAUTHORIZED)
            path = urllib.parse.urlsplit(self.path).path.removeprefix(engine.root_path)
            if path == "/health":
                return self._send(entry, 200, b"", "text/plain")
            if path == "/version":
                return self._send(entry, 200, {"version": "0.11.0"})
            if path == "/v1/models":
                return self._send(entry, 200, {"object": "list", "data": [
                    {"id": n, "object": "model", "created": int(time.time()), "owned_by": "vllm", "root": n,
                     "parent": None, "max_model_len": None, "permission": []} for n in engine.served_names]})
            return self._send(entry, 404, {"detail": "Not Found"})

        def do_POST(self):
            body = json_body(self)
            entry = self._entry(body)
            if not self._guarded():
                return self._send(entry, 401, UNAUTHORIZED)
            path = urllib.parse.urlsplit(self.path).path.removeprefix(engine.root_path)
            if path in ("/v1/chat/completions", "/invocations"):
                kind = "chat"
            elif path == "/v1/completions":
                kind = "completion"
            elif path == "/v1/embeddings":
                kind = "embedding"
            else:
                return self._send(entry, 404, {"detail": "Not Found"})
            if not isinstance(body, dict):
                return self._send(entry, 400, {"error": {"message": "invalid JSON body", "type": "BadRequestError",
                                                         "param": None, "code": 400}})
            model = body.get("model")
            if model not in engine.served_names:  # serving_engine.py:484-488
                return self._send(entry, 404, {"error": {"message": "The model `%s` does not exist." % model,
                                                         "type": "NotFoundError", "param": None, "code": 404}})
            if not self._wait_or_abort(entry):
                return
            if kind == "chat" and body.get("stream"):
                return self._stream_chat(entry, body)
            return self._send(entry, 200, _answer(kind, body))

        def _stream_chat(self, entry, body):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            ident, created = "chatcmpl-" + uuid.uuid4().hex, int(time.time())
            options = body.get("stream_options") or {}

            def chunk(delta, finish=None, usage=None):
                data = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": body["model"],
                        "choices": [] if usage else [{"index": 0, "delta": delta, "logprobs": None,
                                                      "finish_reason": finish, "stop_reason": None}]}
                if usage:
                    data["usage"] = usage
                return "data: %s\n\n" % json.dumps(data, separators=(",", ":"))

            events = [chunk({"role": "assistant", "content": ""})]
            events += [chunk({"content": w}) for w in REPLY_WORDS]
            events.append(chunk({}, finish="stop"))
            if options.get("include_usage"):
                events.append(chunk(None, usage=_usage(body)))
            events.append("data: [DONE]\n\n")
            try:
                for event in events:
                    data = event.encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    self.wfile.flush()
                    time.sleep(0.02)
                self.wfile.write(b"0\r\n\r\n")
                entry["status"], entry["finished"] = 200, time.monotonic()
            except OSError:
                entry["aborted"] = time.monotonic()
                self.close_connection = True

    return Handler


def _usage(body):
    prompt = body.get("messages") or body.get("prompt") or ""
    prompt_tokens = max(1, len(json.dumps(prompt).split()))
    return {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens + len(REPLY_WORDS),
            "completion_tokens": len(REPLY_WORDS), "prompt_tokens_details": None}


EMBEDDING = [0.25, -0.5, 0.125, 1.0]  # the stand-in's vector for every input


def _embeddings(body):
    """EmbeddingResponse (protocol.py:1708-1720): one vector per input string (a list of ints is one
    tokenized input), float or base64 of float32 (serving_embedding.py:42-54)."""
    inputs = body.get("input")
    if isinstance(inputs, str) or (isinstance(inputs, list) and inputs and isinstance(inputs[0], int)):
        inputs = [inputs]
    data = []
    for index, _ in enumerate(inputs or []):
        vector = EMBEDDING
        if body.get("encoding_format") == "base64":
            vector = base64.b64encode(struct.pack("<%df" % len(EMBEDDING), *EMBEDDING)).decode("ascii")
        data.append({"index": index, "object": "embedding", "embedding": vector})
    prompt_tokens = max(1, len(json.dumps(inputs).split()))
    return {"id": "embd-" + uuid.uuid4().hex, "object": "list", "created": int(time.time()), "model": body["model"],
            "data": data, "usage": {"prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens,
                                    "completion_tokens": 0, "prompt_tokens_details": None}}


def _answer(kind, body):
    if kind == "embedding":
        return _embeddings(body)
    text = "".join(REPLY_WORDS)
    if kind == "chat":
        return {"id": "chatcmpl-" + uuid.uuid4().hex, "object": "chat.completion", "created": int(time.time()),
                "model": body["model"],
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "refusal": None,
                                                     "annotations": None, "audio": None, "function_call": None,
                                                     "tool_calls": [], "reasoning_content": None},
                             "logprobs": None, "finish_reason": "stop", "stop_reason": None}],
                "service_tier": None, "system_fingerprint": None, "usage": _usage(body),
                "prompt_logprobs": None, "kv_transfer_params": None}
    return {"id": "cmpl-" + uuid.uuid4().hex, "object": "text_completion", "created": int(time.time()),
            "model": body["model"],
            "choices": [{"index": 0, "text": text, "logprobs": None, "finish_reason": "stop", "stop_reason": None,
                         "prompt_logprobs": None}],
            "service_tier": None, "system_fingerprint": None, "usage": _usage(body), "kv_transfer_params": None}
