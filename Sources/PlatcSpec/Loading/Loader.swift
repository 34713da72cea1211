/// Loads a platform root: every document, then what only the whole set can tell (names equal to
/// file names, duplicate names, exactly one Platform, each model's config.json).
public struct Loader {
    public let limits: SourceLimits

    public init(limits: SourceLimits = SourceLimits()) { self.limits = limits }

    public func load(_ tree: SourceTree) -> LoadResult {
        // Path order makes diagnostics and "first defined here" independent of directory order.
        let files = tree.files.sorted { $0.path < $1.path }
        let limits = self.limits
        let documentFiles = files.filter { SourceTree.isDocument($0.path) }
        // Counted before anything is parsed: a runaway generator fails fast.
        guard documentFiles.count <= limits.documents else {
            var diagnostics = DiagnosticCollector()
            diagnostics.error(
                .limitObjectCount, "the platform has \(documentFiles.count) source documents, more than the limit of \(limits.documents)",
                at: nil, hint: "split the platform into several roots, each with its own out/ and Argo CD Application")
            return LoadResult(spec: nil, diagnostics: diagnostics.sorted, sources: SourceFiles())
        }
        // Each file is parsed and validated on its own, so files go to every core; the results
        // are merged in path order.
        let reads = Parallel.map(documentFiles) { file in
            var reader = DocumentReader(limits: limits)
            let document = reader.read(file)
            return DocumentRead(document: document, diagnostics: reader.diagnostics.diagnostics, sources: reader.sources)
        }
        var diagnostics = DiagnosticCollector()
        var sources = SourceFiles()
        for read in reads {
            diagnostics.append(contentsOf: read.diagnostics)
            sources.merge(read.sources)
        }
        let documents = reads.compactMap(\.document)
        let jsonFiles = Self.configFiles(files, limit: limits.fileSize, into: &diagnostics)

        checkNames(documents, into: &diagnostics)

        let reported = Set(diagnostics.diagnostics.compactMap { $0.span?.file })
        let built = Parallel.map(documents) { document in
            Self.build(document, reported: reported.contains(document.path), jsonFiles: jsonFiles)
        }
        var platforms: [Platform] = []
        var gpuClasses: [GPUClass] = []
        var tenants: [Tenant] = []
        var models: [Model] = []
        var hostedModels: [HostedModel] = []
        for result in built {
            diagnostics.append(contentsOf: result.diagnostics)
            sources.merge(result.sources)
            switch result.object {
            case .platform(let platform): platforms.append(platform)
            case .gpuClass(let gpuClass): gpuClasses.append(gpuClass)
            case .tenant(let tenant): tenants.append(tenant)
            case .model(let model): models.append(model)
            case .hostedModel(let model): hostedModels.append(model)
            case nil: break
            }
        }
        let platform = checkPlatformCount(platforms, into: &diagnostics)

        let spec: Spec? =
            if let platform, !diagnostics.hasErrors {
                Spec(
                    platform: platform, gpuClasses: gpuClasses, tenants: tenants, models: models, hostedModels: hostedModels,
                    sourceDigest: Self.digest(documents, models: models))
            } else {
                nil
            }
        return LoadResult(spec: spec, diagnostics: diagnostics.sorted, sources: sources)
    }

    /// What the clean documents mean, with the config.json each model read.
    private static func digest(_ documents: [DocumentReader.Document], models: [Model]) -> SourceDigest {
        SourceDigest(
            documents: documents.compactMap { document in
                guard let name = document.name, let value = document.value else { return nil }
                return SourceDigest.Document(kind: document.kind, name: name.value, value: value.value)
            },
            configs: models.map { (path: $0.config.path, json: $0.config.json) })
    }

    /// One file as read: its document when it parsed, and what reading it reported.
    private struct DocumentRead: Sendable {
        var document: DocumentReader.Document?
        var diagnostics: [Diagnostic]
        var sources: SourceFiles
    }

    private enum Object: Sendable {
        case platform(Platform)
        case gpuClass(GPUClass)
        case tenant(Tenant)
        case model(Model)
        case hostedModel(HostedModel)
    }

    /// One document as a typed object, with what building it reported (a model's config.json).
    private struct Built: Sendable {
        var object: Object?
        var diagnostics: [Diagnostic] = []
        var sources = SourceFiles()
    }

    /// config.json files by path (the first of a path); nil for one over the size limit, which is
    /// reported here, once, at the file.
    private static func configFiles(
        _ files: [SourceTree.File], limit: Int, into diagnostics: inout DiagnosticCollector
    ) -> [String: [UInt8]?] {
        var configs: [String: [UInt8]?] = [:]
        for file in files where !SourceTree.isDocument(file.path) && configs[file.path] == nil {
            let oversized = diagnostics.reportOversized(
                file, limit: limit, hint: "a Hugging Face config.json is a few KB; vendor the model's config.json alone")
            configs[file.path] = .some(oversized ? nil : file.bytes)
        }
        return configs
    }

    /// `reported`: the document already has a finding, which explains why it cannot be built.
    private static func build(_ document: DocumentReader.Document, reported: Bool, jsonFiles: [String: [UInt8]?]) -> Built {
        var built = Built(object: nil)
        guard let value = document.value else { return built }
        var diagnostics = DiagnosticCollector()
        do {
            let reader = try FieldReader(value)
            switch document.kind {
            case .platform: built.object = .platform(try Platform(reader))
            case .gpuClass: built.object = .gpuClass(try GPUClass(reader))
            case .tenant: built.object = .tenant(try Tenant(reader))
            case .model where reader.isWritten("provider"):
                built.object = .hostedModel(try HostedModel(reader))
            case .model:
                if let config = readConfig(reader, modelPath: document.path, jsonFiles, &diagnostics, &built.sources) {
                    built.object = .model(try Model(reader, config: config))
                }
            }
        } catch {
            // Validation reports why a document cannot be read. Should it not have, say so
            // rather than drop the document silently.
            if !reported, !diagnostics.diagnostics.contains(where: { $0.span?.file == document.path }) {
                let field = (error as? FieldReader.Unreadable)?.path ?? "?"
                diagnostics.error(
                    .schemaMissingField, "platc could not read field '\(field)' (an internal error; please report it)",
                    at: value.span)
            }
        }
        built.diagnostics = diagnostics.diagnostics
        return built
    }

    // MARK: - Whole-set checks

    private func checkNames(_ documents: [DocumentReader.Document], into diagnostics: inout DiagnosticCollector) {
        var firstByName: [String: Located<String>] = [:]
        for document in documents {
            guard let name = document.name else { continue }
            let baseName = Self.baseName(of: document.path)
            if name.value != baseName {
                diagnostics.error(
                    .schemaNameMismatch, "name '\(name.value)' differs from the file name '\(baseName)'",
                    at: name.span, hint: "rename the file or write `name: \(baseName)`",
                    replacement: StringFormat.isDNSLabel(baseName) ? baseName : nil)
            }
            let key = "\(document.kind.rawValue)/\(name.value)"
            if let first = firstByName[key] {
                diagnostics.error(
                    .schemaDuplicateName, "another \(document.kind.rawValue) is already named '\(name.value)'",
                    at: name.span, notes: [.init("first defined here", at: first.span)], hint: "rename or remove one of them")
            } else {
                firstByName[key] = name
            }
        }
    }

    private func checkPlatformCount(_ platforms: [Platform], into diagnostics: inout DiagnosticCollector) -> Platform? {
        if platforms.isEmpty, !diagnostics.diagnostics.contains(where: { $0.span?.file.hasPrefix("platform/") ?? false }) {
            diagnostics.error(
                .sourcePlatformCount, "no Platform document found under platform/", at: nil,
                hint: "add platform/<name>.yaml with `kind: Platform` (see docs/language.md)")
        }
        for extra in platforms.dropFirst() {
            diagnostics.error(
                .sourcePlatformCount, "a second Platform document", at: extra.name.span,
                notes: [.init("the first is here", at: platforms[0].name.span)], hint: "keep one Platform file in platform/")
        }
        return platforms.count == 1 ? platforms[0] : nil
    }

    /// Reads the model's config.json, resolved against the model file's folder.
    private static func readConfig(
        _ reader: FieldReader, modelPath: String, _ jsonFiles: [String: [UInt8]?], _ diagnostics: inout DiagnosticCollector,
        _ sources: inout SourceFiles
    ) -> HFConfig? {
        guard let configField = try? reader.object("source", { try $0.string("config") }) else { return nil }
        let folder = modelPath.split(separator: "/").dropLast().joined(separator: "/")
        guard let path = Self.resolve(configField.value, in: folder), path.hasPrefix("models/") else {
            diagnostics.error(
                .sourceConfigJSON, "'source.config' leaves the models/ folder: '\(configField.value)'", at: configField.span,
                hint: "vendor config.json under models/, next to the model file")
            return nil
        }
        guard let entry = jsonFiles[path] else {
            diagnostics.error(
                .sourceConfigJSON, "config.json not found at '\(path)'", at: configField.span,
                hint: "vendor the model's Hugging Face config.json at that path")
            return nil
        }
        guard let bytes = entry else { return nil }  // over the size limit: reported at the file
        switch HFConfig.read(path: path, bytes: bytes) {
        case .success(let config): return config
        case .failure(let failure):
            sources.add(path: path, text: String(decoding: bytes, as: UTF8.self))
            let location = SourceLocation(file: path, line: failure.line, column: failure.column)
            diagnostics.error(
                .sourceConfigJSON, "invalid config.json: \(failure.message)", at: .point(location),
                notes: [.init("referenced here", at: configField.span)],
                hint: "use the model's config.json exactly as published on Hugging Face")
            return nil
        }
    }

    /// `models/a/b.yaml` → `b`.
    public static func baseName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// Joins a relative path onto a folder, resolving `.` and `..`; nil if it climbs above the root.
    public static func resolve(_ relative: String, in folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
