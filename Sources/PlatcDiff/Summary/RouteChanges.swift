import PlatcChecks
import PlatcFacts
import PlatcSpec

/// The request path in clients' terms: the HTTPRoutes of out/ that a render adds, removes or
/// changes, read from the rendered files themselves (a platc upgrade can move routes without any
/// source change), and what each means for a client of the gateway.
public enum RouteChanges {
    /// What one rendered HTTPRoute does, in the words of the summary.
    struct Route: Equatable {
        var name: String
        var gateways: [String]
        var hostnames: [String]
        var backends: [String]
        /// Values of the header a body-based router sets from the request's `model` (the per-model
        /// routes of earlier platc matched the served name there).
        var modelHeaders: [String]
        /// Path prefixes other than `/` (the inference Gateway's routes match `/<model>`).
        var paths: [String]
        var deadline: String?
    }

    /// `base` and `head`: the changed files of out/ on each side (path → bytes).
    static func compare(base: [String: [UInt8]], head: [String: [UInt8]], head facts: Facts, into list: inout ChangeList) {
        let before = routes(base), after = routes(head)
        let edge = after.values.filter { $0.backends.contains { $0.hasPrefix("Service ") } }.sorted { $0.name < $1.name }.first
        for (name, route) in after where before[name] == nil {
            let description = describe(route)
            list.append(
                .requestPath, "route \(name)", "added", before: nil, after: description, text: "Route \(name) added: \(description)")
        }
        for (name, route) in before where after[name] == nil {
            var text = "Route \(name) removed (was \(describe(route)))"
            if !route.modelHeaders.isEmpty {
                let headers = route.modelHeaders.map { "`\($0)`" }.joined(separator: ", ")
                text += "; clients that sent the model header \(headers) to the gateway"
                if let edge {
                    let names = callableNames(for: route.modelHeaders, in: facts).map { "`\($0)`" }
                    text += " now reach LiteLLM (route \(edge.name)): they need a LiteLLM key, and `model` must be a LiteLLM name"
                    text += names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
                } else {
                    text += " reach no model"
                }
            }
            list.append(.requestPath, "route \(name)", "removed", before: describe(route), after: nil, text: text)
        }
        for (name, old) in before {
            guard let new = after[name], old != new else { continue }
            let subject = "route \(name)"
            list.compare(.requestPath, subject, "hosts", "Hosts of route \(name)", joined(old.hostnames), joined(new.hostnames))
            list.compare(.requestPath, subject, "backends", "Backends of route \(name)", joined(old.backends), joined(new.backends))
            list.compare(.requestPath, subject, "deadline", "Request deadline of route \(name)", old.deadline, new.deadline)
        }
    }

    /// "Gateway llm-gateway/llm-gateway, host llm.example.com → Service litellm:4000, deadline 5m".
    static func describe(_ route: Route) -> String {
        var text = route.gateways.isEmpty ? "no gateway" : "Gateway " + route.gateways.joined(separator: ", ")
        if !route.hostnames.isEmpty { text += ", host " + route.hostnames.joined(separator: ", ") }
        if !route.paths.isEmpty { text += ", path " + route.paths.joined(separator: ", ") }
        if !route.modelHeaders.isEmpty { text += ", model header " + route.modelHeaders.joined(separator: ", ") }
        text += " → " + (route.backends.isEmpty ? "no backend" : route.backends.joined(separator: ", "))
        if let deadline = route.deadline { text += ", deadline \(deadline)" }
        return text
    }

    private static func joined(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }

    /// The LiteLLM names whose upstream is one of `served` (a served name or an adapter's name).
    private static func callableNames(for served: [String], in facts: Facts) -> [String] {
        facts.allModels.flatMap(\.callableNames)
            .filter { served.contains($0.upstreamName) }.map(\.name).sorted()
    }

    /// The files that hold an HTTPRoute (`manifests/<namespace>/httproute.<name>.yaml`).
    public static func routeFiles(_ files: [String: [UInt8]]) -> [String: [UInt8]] {
        files.filter { path, _ in
            path.hasPrefix("manifests/") && path.hasSuffix(".yaml") && path.split(separator: "/").last?.hasPrefix("httproute.") == true
        }
    }

    /// Every HTTPRoute among the files, by "namespace/name".
    static func routes(_ files: [String: [UInt8]]) -> [String: Route] {
        var routes: [String: Route] = [:]
        for (path, bytes) in routeFiles(files) {
            let file = OutFile(path: path, bytes: bytes)
            guard file.identity.kind == "HTTPRoute", let document = file.document, let name = file.identity.name else { continue }
            let namespace = file.identity.namespace ?? ""
            let spec = document[key: "spec"]
            let rules = spec?[key: "rules"]?.items ?? []
            let route = Route(
                name: "\(namespace)/\(name)",
                gateways: (spec?[key: "parentRefs"]?.items ?? []).compactMap { parent in
                    guard let gateway = parent[key: "name"]?.text else { return nil }
                    return "\(parent[key: "namespace"]?.text ?? namespace)/\(gateway)"
                },
                hostnames: (spec?[key: "hostnames"]?.items ?? []).compactMap(\.text),
                backends: rules.flatMap { $0[key: "backendRefs"]?.items ?? [] }.compactMap { backend in
                    guard let target = backend[key: "name"]?.text else { return nil }
                    let port = backend[key: "port"]?.text.map { ":\($0)" } ?? ""
                    return "\(backend[key: "kind"]?.text ?? "Service") \(target)\(port)"
                },
                modelHeaders: rules.flatMap { $0[key: "matches"]?.items ?? [] }.flatMap { $0[key: "headers"]?.items ?? [] }
                    .filter { $0[key: "name"]?.text?.lowercased() == "x-gateway-model-name" }.compactMap { $0[key: "value"]?.text },
                paths: rules.flatMap { $0[key: "matches"]?.items ?? [] }.compactMap { $0[key: "path"]?[key: "value"]?.text }
                    .filter { $0 != "/" },
                deadline: rules.compactMap { $0[key: "timeouts"]?[key: "request"]?.text }.first)
            routes[route.name] = route
        }
        return routes
    }
}
