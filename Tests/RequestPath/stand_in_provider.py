"""A stand-in for hosted LLM providers on a loopback port: Anthropic's Messages API and OpenAI's chat
completions, each with its own key check, its answers, a recorder.

    provider = stand_in_provider.Provider({"anthropic": "sk-ant-…", "openai": "sk-…"}).start()
    provider.base  # http://127.0.0.1:<port>: an `api_base` for `anthropic/…` (LiteLLM appends /v1/messages);
                   # provider.base + "/v1" for the OpenAI-compatible ones (LiteLLM appends /chat/completions)

What it copies, from each provider's public API reference (the shapes LiteLLM 1.106.12 parses are in
llms/anthropic/chat/transformation.py and handler.py, llms/openai/; docs/research/litellm-hosted-notes.md §6):

- Anthropic (https://docs.anthropic.com/en/api/messages, /en/api/versioning, /en/api/errors,
  /en/api/messages-streaming):
  POST /v1/messages. The key travels in `x-api-key`; a missing or wrong one is 401
  `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`. The
  `anthropic-version` header is required: without it 400 `invalid_request_error`
  ("anthropic-version: header is required"). The body needs `model`, `max_tokens` and `messages`
  (400 `invalid_request_error` "<field>: Field required" otherwise). The answer is a Message:
  `{"id":"msg_…","type":"message","role":"assistant","model":…,"content":[{"type":"text","text":…}],
  "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":…,"output_tokens":…}}`.
  With `"stream": true` it is `text/event-stream`, each event `event: <type>\\ndata: <json>\\n\\n`:
  message_start (the Message with empty content and usage so far), content_block_start, ping,
  content_block_delta (text_delta) per piece, content_block_stop, message_delta (stop_reason, usage
  with the cumulative output_tokens), message_stop.
- OpenAI (https://platform.openai.com/docs/api-reference/chat/create, /docs/guides/error-codes):
  POST /v1/chat/completions with `Authorization: Bearer <key>`; none is 401 `invalid_request_error`
  "You didn't provide an API key…", a wrong one 401 `invalid_request_error` code `invalid_api_key`
  ("Incorrect API key provided…"). The answer is a ChatCompletion (object "chat.completion", usage
  prompt_tokens/completion_tokens/total_tokens); a stream is `data: {chunk}\\n\\n` … `data: [DONE]\\n\\n`,
  a usage chunk last when `stream_options.include_usage`.
- Any other path: 404 in the provider's error shape.

`keys` maps each API shape ("anthropic", "openai") to the key it accepts, or to a list of keys (one per
account, when several variables hold keys of one provider): exactly those, nothing else; the harness may
change `provider.keys` while it runs (a rotated key at the provider).

Each request is recorded: method, path, headers (lower-cased names),
the parsed body, the API shape ("anthropic" or "openai"), the status, the usage it answered with (so a
test can compute the price LiteLLM should have charged), and when a stream's client hung up.

It is not a provider: it answers a fixed text, counts words as tokens (INPUT_TOKENS / OUTPUT_TOKENS are
fixed so tests can multiply), and checks nothing of the model name but that one is given.
"""
import json
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from recording_server import RecordingServer, json_body

REPLY_WORDS = ["Hello", " from", " the", " stand-in", " provider", "."]
INPUT_TOKENS = 11  # what every answer reports as the prompt's tokens
OUTPUT_TOKENS = len(REPLY_WORDS)
ANTHROPIC_VERSIONS = ("2023-06-01", "2023-01-01")  # the versions Anthropic's versioning page lists


def anthropic_error(kind, message):
    """Anthropic's error body (docs /en/api/errors)."""
    return {"type": "error", "error": {"type": kind, "message": message}}


def openai_error(message, kind="invalid_request_error", code=None, param=None):
    """OpenAI's error body."""
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


class Provider(RecordingServer):
    """One stand-in for every hosted provider: the key each API shape accepts, what it saw."""

    def __init__(self, keys, name="provider"):
        self.name, self.keys = name, dict(keys)  # API shape → its key, or a list of keys (several accounts)
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        server.daemon_threads = True
        self.serve(server, "stand-in-" + name)


def _handler(provider):
    def accepted(api):
        keys = provider.keys.get(api)
        return [keys] if isinstance(keys, str) else list(keys or [])

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        sys_version = ""

        def log_message(self, *args):
            pass

        def _entry(self, body, api):
            entry = {"provider": provider.name, "api": api, "method": self.command,
                     "path": urllib.parse.urlsplit(self.path).path,
                     "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
                     "started": time.monotonic(), "status": None, "usage": None, "aborted": None}
            provider.record(entry)
            return entry

        def _send(self, entry, status, body, extra_headers=()):
            data = json.dumps(body, separators=(",", ":")).encode()
            entry["status"] = status  # before the answer leaves: a client that read it sees it recorded
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for name, value in extra_headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _events(self, entry, events):
            entry["status"] = 200
            self.send_response(200)
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.send_header("cache-control", "no-cache")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            try:
                for event in events:
                    data = event.encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    self.wfile.flush()
                    time.sleep(0.01)
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                entry["aborted"] = time.monotonic()
                self.close_connection = True

        def do_GET(self):
            entry = self._entry(None, None)
            self._send(entry, 404, {"error": {"message": "not found", "type": "not_found_error"}})

        def do_POST(self):
            body = json_body(self)
            path = urllib.parse.urlsplit(self.path).path
            if path == "/v1/messages":
                return self._anthropic(self._entry(body, "anthropic"), body)
            if path == "/v1/chat/completions":
                return self._openai(self._entry(body, "openai"), body)
            entry = self._entry(body, None)
            if "x-api-key" in {k.lower() for k in self.headers.keys()}:
                return self._send(entry, 404, anthropic_error("not_found_error", "Not Found"))
            return self._send(entry, 404, openai_error("Invalid URL (POST %s)" % path, code=None))

        # --- Anthropic ---------------------------------------------------------------------------
        def _anthropic(self, entry, body):
            request_id = ("request-id", "req_" + uuid.uuid4().hex[:24])
            if self.headers.get("x-api-key") not in accepted("anthropic"):
                return self._send(entry, 401, anthropic_error("authentication_error", "invalid x-api-key"),
                                  [request_id])
            if not self.headers.get("anthropic-version"):
                return self._send(entry, 400, anthropic_error("invalid_request_error",
                                                              "anthropic-version: header is required"), [request_id])
            if self.headers.get("anthropic-version") not in ANTHROPIC_VERSIONS:
                return self._send(entry, 400, anthropic_error(
                    "invalid_request_error", "anthropic-version: invalid version %s" % self.headers.get(
                        "anthropic-version")), [request_id])
            if not isinstance(body, dict):
                return self._send(entry, 400, anthropic_error("invalid_request_error",
                                                              "There was an error parsing the body"), [request_id])
            for field in ("model", "max_tokens", "messages"):
                if field not in body:
                    return self._send(entry, 400, anthropic_error("invalid_request_error",
                                                                  "%s: Field required" % field), [request_id])
            usage = {"input_tokens": INPUT_TOKENS, "output_tokens": OUTPUT_TOKENS,
                     "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
            entry["usage"] = {"input_tokens": INPUT_TOKENS, "output_tokens": OUTPUT_TOKENS}
            ident = "msg_" + uuid.uuid4().hex[:24]
            if not body.get("stream"):
                return self._send(entry, 200, {
                    "id": ident, "type": "message", "role": "assistant", "model": body["model"],
                    "content": [{"type": "text", "text": "".join(REPLY_WORDS)}], "stop_reason": "end_turn",
                    "stop_sequence": None, "usage": usage}, [request_id])

            def event(kind, data):
                return "event: %s\ndata: %s\n\n" % (kind, json.dumps(dict({"type": kind}, **data),
                                                                     separators=(",", ":")))

            start = dict(usage, output_tokens=1)
            events = [event("message_start", {"message": {
                "id": ident, "type": "message", "role": "assistant", "model": body["model"], "content": [],
                "stop_reason": None, "stop_sequence": None, "usage": start}}),
                event("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}),
                event("ping", {})]
            events += [event("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": w}})
                       for w in REPLY_WORDS]
            events += [event("content_block_stop", {"index": 0}),
                       event("message_delta", {"delta": {"stop_reason": "end_turn", "stop_sequence": None},
                                               "usage": {"output_tokens": OUTPUT_TOKENS}}),
                       event("message_stop", {})]
            self._events(entry, events)

        # --- OpenAI --------------------------------------------------------------------------------
        def _openai(self, entry, body):
            authorization = self.headers.get("Authorization") or ""
            scheme, _, given = authorization.partition(" ")
            if not authorization:
                return self._send(entry, 401, openai_error(
                    "You didn't provide an API key. You need to provide your API key in an Authorization header "
                    "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."))
            if scheme != "Bearer" or given not in accepted("openai"):
                return self._send(entry, 401, openai_error(
                    "Incorrect API key provided: %s. You can find your API key at "
                    "https://platform.openai.com/account/api-keys." % (given[:3] + "*" * 4 + given[-4:]),
                    code="invalid_api_key"))
            if not isinstance(body, dict) or "model" not in body or "messages" not in body:
                return self._send(entry, 400, openai_error("Missing required parameter: 'model' or 'messages'.",
                                                           param="model"))
            usage = {"prompt_tokens": INPUT_TOKENS, "completion_tokens": OUTPUT_TOKENS,
                     "total_tokens": INPUT_TOKENS + OUTPUT_TOKENS}
            entry["usage"] = {"input_tokens": INPUT_TOKENS, "output_tokens": OUTPUT_TOKENS}
            ident, created = "chatcmpl-" + uuid.uuid4().hex, int(time.time())
            if not body.get("stream"):
                return self._send(entry, 200, {
                    "id": ident, "object": "chat.completion", "created": created, "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(REPLY_WORDS),
                                                         "refusal": None, "annotations": []},
                                 "logprobs": None, "finish_reason": "stop"}],
                    "usage": usage, "service_tier": "default", "system_fingerprint": None})

            def chunk(delta, finish=None, with_usage=False):
                data = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": body["model"],
                        "system_fingerprint": None,
                        "choices": [] if with_usage else [{"index": 0, "delta": delta, "logprobs": None,
                                                           "finish_reason": finish}]}
                if with_usage:
                    data["usage"] = usage
                return "data: %s\n\n" % json.dumps(data, separators=(",", ":"))

            events = [chunk({"role": "assistant", "content": "", "refusal": None})]
            events += [chunk({"content": w}) for w in REPLY_WORDS]
            events.append(chunk({}, finish="stop"))
            if (body.get("stream_options") or {}).get("include_usage"):
                events.append(chunk(None, with_usage=True))
            events.append("data: [DONE]\n\n")
            self._events(entry, events)

    return Handler
