import PlatcSpec

/// Warmup-aware health: the kubelet runs readiness and liveness only after the startup probe has
/// succeeded once, so the startup probe is the warm-up itself — a real one-token request for the
/// served name — and readiness can stay the cheap `/health`. A replica that is Running but has
/// not answered a request is never Ready, so no Service sends it traffic.
enum VLLMProbes {
    static let period: Int64 = 10

    /// Sends the request without a key, which must be refused (401: vLLM switches authentication
    /// off silently when the key is empty, so an empty Secret never becomes Ready), then with the
    /// key, which must answer 200. python3 is in every vLLM image (curl is not); 127.0.0.1, not
    /// localhost, to avoid an IPv6 miss.
    static let warmupScript = """
        import os, sys, urllib.error, urllib.request
        def post(headers):
            request = urllib.request.Request("http://127.0.0.1:\(Conventions.vllmPort)" + sys.argv[1], data=sys.argv[2].encode(), headers={"Content-Type": "application/json", **headers})
            return urllib.request.urlopen(request, timeout=\(period - 2)).status
        try:
            post({})
            sys.exit("vLLM answered without a key: is \(Conventions.vllmAPIKeyVariable) empty?")
        except urllib.error.HTTPError as refused:
            if refused.code != 401:
                raise
        sys.exit(0 if post({"Authorization": "Bearer " + os.environ["\(Conventions.vllmAPIKeyVariable)"]}) == 200 else 1)
        """

    /// The endpoint and JSON body of the warm-up request for the model's mode.
    static func warmupRequest(_ model: Model) -> (path: String, body: String) {
        let name = jsonString(model.servedName.value)
        switch model.mode.value {
        case .embedding: return ("/v1/embeddings", "{\"model\": \(name), \"input\": \"warm-up\"}")
        case .chat, .completion: return ("/v1/completions", "{\"model\": \(name), \"prompt\": \"warm-up\", \"max_tokens\": 1}")
        }
    }

    /// failureThreshold × periodSeconds = serving.startupTimeout (rounded up to the period), which
    /// `platc check` (timeout/startup-probe) holds at or above the cold-start estimate.
    static func startup(_ model: Model) -> YAMLValue {
        let request = warmupRequest(model)
        let milliseconds = model.serving.startupTimeout.value.milliseconds
        let threshold = max(1, (milliseconds + period * 1000 - 1) / (period * 1000))
        return [
            "exec": ["command": ["python3", "-c", .string(warmupScript), .string(request.path), .string(request.body)]],
            "periodSeconds": .int(period), "timeoutSeconds": .int(period - 1), "failureThreshold": .int(threshold),
        ]
    }

    /// Out of rotation after 30 s of failed health checks (engine dead or wedged).
    static let readiness: YAMLValue = {
        ["httpGet": ["path": "/health", "port": "http"], "periodSeconds": .int(period), "timeoutSeconds": 5, "failureThreshold": 3]
    }()

    /// Restart only after 5 minutes without health: a long prefill can stall the event loop, and
    /// a restart costs a full cold start.
    static let liveness: YAMLValue = {
        ["httpGet": ["path": "/health", "port": "http"], "periodSeconds": 30, "timeoutSeconds": 10, "failureThreshold": 10]
    }()

    /// A JSON string literal (served names are plain, but quote and escape anyway).
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
