#!/usr/bin/env python3
"""Unit tests of stand_in_provider.py: each API shape's key check, errors, answers and streams.

    "$(scripts/python-env litellm)" Tests/RequestPath/stand_in_provider_test.py [-v]

The stand-in alone on loopback, stdlib http.client only. No LiteLLM, under a second.
"""
import http.client
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stand_in_provider as sp  # noqa: E402

ANTHROPIC, OPENAI = "sk-ant-test", "sk-openai-test"


def post(port, path, body, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        connection.request("POST", path, data, dict({"Content-Type": "application/json"}, **headers))
        response = connection.getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
    finally:
        connection.close()


def messages_body(**extra):
    return dict({"model": "claude-haiku-4-5", "max_tokens": 16, "messages": [{"role": "user", "content": "ping"}]},
                **extra)


def chat_body(**extra):
    return dict({"model": "gpt-x", "messages": [{"role": "user", "content": "ping"}]}, **extra)


def anthropic_headers(key=ANTHROPIC, version="2023-06-01"):
    headers = {}
    if key is not None:
        headers["x-api-key"] = key
    if version is not None:
        headers["anthropic-version"] = version
    return headers


class StandInProvider(unittest.TestCase):
    def setUp(self):
        self.provider = sp.Provider({"anthropic": ANTHROPIC, "openai": OPENAI}).start()
        self.port = self.provider.port

    def tearDown(self):
        self.provider.stop()

    # --- Anthropic -----------------------------------------------------------------------------
    def test_anthropic_answers_a_message_with_usage(self):
        status, headers, raw = post(self.port, "/v1/messages", messages_body(), anthropic_headers())
        self.assertEqual(status, 200)
        answer = json.loads(raw)
        self.assertEqual(answer["type"], "message")
        self.assertEqual(answer["role"], "assistant")
        self.assertEqual(answer["model"], "claude-haiku-4-5")
        self.assertEqual(answer["content"], [{"type": "text", "text": "".join(sp.REPLY_WORDS)}])
        self.assertEqual(answer["stop_reason"], "end_turn")
        self.assertEqual(answer["usage"]["input_tokens"], sp.INPUT_TOKENS)
        self.assertEqual(answer["usage"]["output_tokens"], sp.OUTPUT_TOKENS)
        self.assertTrue(headers["request-id"].startswith("req_"))
        seen = self.provider.seen("/v1/messages")
        self.assertEqual(len(seen), 1)
        self.assertEqual(seen[0]["api"], "anthropic")
        self.assertEqual(seen[0]["headers"]["x-api-key"], ANTHROPIC)
        self.assertEqual(seen[0]["body"]["model"], "claude-haiku-4-5")
        self.assertEqual(seen[0]["status"], 200)
        self.assertEqual(seen[0]["usage"], {"input_tokens": sp.INPUT_TOKENS, "output_tokens": sp.OUTPUT_TOKENS})

    def test_anthropic_refuses_a_missing_or_wrong_key_with_401(self):
        for key in (None, "wrong", OPENAI):
            status, _, raw = post(self.port, "/v1/messages", messages_body(), anthropic_headers(key=key))
            self.assertEqual(status, 401, key)
            self.assertEqual(json.loads(raw), {"type": "error", "error": {"type": "authentication_error",
                                                                          "message": "invalid x-api-key"}})
        # The Bearer scheme is OpenAI's, not Anthropic's.
        status, _, _ = post(self.port, "/v1/messages", messages_body(),
                            {"Authorization": "Bearer " + ANTHROPIC, "anthropic-version": "2023-06-01"})
        self.assertEqual(status, 401)
        self.assertEqual([r["status"] for r in self.provider.seen()], [401, 401, 401, 401])

    def test_anthropic_requires_the_version_header(self):
        status, _, raw = post(self.port, "/v1/messages", messages_body(), anthropic_headers(version=None))
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(raw)["error"], {"type": "invalid_request_error",
                                                    "message": "anthropic-version: header is required"})
        status, _, raw = post(self.port, "/v1/messages", messages_body(), anthropic_headers(version="2099-01-01"))
        self.assertEqual(status, 400)

    def test_anthropic_requires_max_tokens(self):
        body = messages_body()
        del body["max_tokens"]
        status, _, raw = post(self.port, "/v1/messages", body, anthropic_headers())
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(raw)["error"]["message"], "max_tokens: Field required")

    def test_anthropic_streams_its_events(self):
        status, headers, raw = post(self.port, "/v1/messages", messages_body(stream=True), anthropic_headers())
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/event-stream"))
        events = []
        for block in raw.decode().strip().split("\n\n"):
            kind, data = block.split("\n")
            self.assertTrue(kind.startswith("event: ") and data.startswith("data: "), block)
            payload = json.loads(data[len("data: "):])
            self.assertEqual(payload["type"], kind[len("event: "):])
            events.append(payload)
        kinds = [e["type"] for e in events]
        self.assertEqual(kinds[:3], ["message_start", "content_block_start", "ping"])
        self.assertEqual(kinds[-3:], ["content_block_stop", "message_delta", "message_stop"])
        text = "".join(e["delta"]["text"] for e in events if e["type"] == "content_block_delta")
        self.assertEqual(text, "".join(sp.REPLY_WORDS))
        self.assertEqual(events[0]["message"]["usage"]["input_tokens"], sp.INPUT_TOKENS)
        self.assertEqual(events[-2]["usage"]["output_tokens"], sp.OUTPUT_TOKENS)
        self.assertEqual(events[-2]["delta"]["stop_reason"], "end_turn")

    # --- OpenAI --------------------------------------------------------------------------------
    def test_openai_answers_a_chat_completion_with_usage(self):
        status, _, raw = post(self.port, "/v1/chat/completions", chat_body(), {"Authorization": "Bearer " + OPENAI})
        self.assertEqual(status, 200)
        answer = json.loads(raw)
        self.assertEqual(answer["object"], "chat.completion")
        self.assertEqual(answer["choices"][0]["message"]["content"], "".join(sp.REPLY_WORDS))
        self.assertEqual(answer["usage"], {"prompt_tokens": sp.INPUT_TOKENS, "completion_tokens": sp.OUTPUT_TOKENS,
                                           "total_tokens": sp.INPUT_TOKENS + sp.OUTPUT_TOKENS})
        seen = self.provider.seen("/v1/chat/completions")
        self.assertEqual((len(seen), seen[0]["api"], seen[0]["body"]["model"]), (1, "openai", "gpt-x"))

    def test_openai_refuses_a_missing_or_wrong_key_with_401(self):
        status, _, raw = post(self.port, "/v1/chat/completions", chat_body(), {})
        self.assertEqual(status, 401)
        self.assertIn("You didn't provide an API key", json.loads(raw)["error"]["message"])
        for header in ("Bearer wrong", "Bearer " + ANTHROPIC, "Basic " + OPENAI):
            status, _, raw = post(self.port, "/v1/chat/completions", chat_body(), {"Authorization": header})
            self.assertEqual(status, 401, header)
            self.assertEqual(json.loads(raw)["error"]["code"], "invalid_api_key")
        # Anthropic's header is no key for OpenAI's API.
        status, _, _ = post(self.port, "/v1/chat/completions", chat_body(), {"x-api-key": OPENAI})
        self.assertEqual(status, 401)

    def test_openai_streams_chunks_then_done(self):
        status, headers, raw = post(self.port, "/v1/chat/completions",
                                    chat_body(stream=True, stream_options={"include_usage": True}),
                                    {"Authorization": "Bearer " + OPENAI})
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/event-stream"))
        lines = [l for l in raw.decode().split("\n") if l]
        self.assertEqual(lines[-1], "data: [DONE]")
        chunks = [json.loads(l[len("data: "):]) for l in lines[:-1]]
        text = "".join((c["choices"][0]["delta"].get("content") or "") for c in chunks if c["choices"])
        self.assertEqual(text, "".join(sp.REPLY_WORDS))
        self.assertEqual(chunks[-1]["usage"]["completion_tokens"], sp.OUTPUT_TOKENS)

    # --- both ----------------------------------------------------------------------------------
    def test_each_shape_accepts_only_its_own_key(self):
        provider = sp.Provider({"anthropic": ANTHROPIC}).start()  # no OpenAI key configured: every key is wrong
        try:
            status, _, _ = post(provider.port, "/v1/chat/completions", chat_body(), {"Authorization": "Bearer x"})
            self.assertEqual(status, 401)
            status, _, _ = post(provider.port, "/v1/messages", messages_body(), anthropic_headers())
            self.assertEqual(status, 200)
        finally:
            provider.stop()

    def test_a_list_accepts_each_of_its_keys_and_keys_can_change(self):
        self.provider.keys["openai"] = ["sk-a", "sk-b"]
        for key, want in (("sk-a", 200), ("sk-b", 200), (OPENAI, 401)):
            status, _, _ = post(self.port, "/v1/chat/completions", chat_body(), {"Authorization": "Bearer " + key})
            self.assertEqual(status, want, key)

    def test_unknown_paths_are_404_and_recorded(self):
        status, _, raw = post(self.port, "/v1/v1/messages", messages_body(), anthropic_headers())
        self.assertEqual(status, 404)
        self.assertEqual(json.loads(raw)["type"], "error")
        status, _, raw = post(self.port, "/chat/completions", chat_body(), {"Authorization": "Bearer " + OPENAI})
        self.assertEqual(status, 404)
        self.assertIn("Invalid URL", json.loads(raw)["error"]["message"])
        self.assertEqual([r["path"] for r in self.provider.seen()], ["/v1/v1/messages", "/chat/completions"])
        self.provider.clear()
        self.assertEqual(self.provider.seen(), [])


if __name__ == "__main__":
    unittest.main()
