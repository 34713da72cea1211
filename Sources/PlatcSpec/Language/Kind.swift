/// The kinds of documents a platform repo holds, and the folder each may live in.
public enum Kind: String, Sendable, CaseIterable {
    case platform = "Platform"
    case gpuClass = "GPUClass"
    case tenant = "Tenant"
    case model = "Model"

    /// The language version every document declares in `apiVersion`.
    public static let apiVersion = "platc.dev/v1alpha1"
    public static let supportedAPIVersions = [apiVersion]

    /// Top folder of the platform root that holds this kind (subfolders are fine).
    public var folder: String {
        switch self {
        case .platform, .gpuClass: "platform"
        case .tenant: "tenants"
        case .model: "models"
        }
    }

    public static let folders = ["platform", "tenants", "models"]

    public static func allowed(inFolder folder: String) -> [Kind] { allCases.filter { $0.folder == folder } }

    public var shape: ObjectShape {
        switch self {
        case .platform: Platform.shape
        case .gpuClass: GPUClass.shape
        case .tenant: Tenant.shape
        case .model: Model.shape
        }
    }
}

/// Fields every document starts with.
enum DocumentHeader {
    static func fields(_ kind: Kind, nameDoc: String) -> [FieldShape] {
        [
            .required("apiVersion", .oneOf(Kind.supportedAPIVersions), "Version of the source language.", example: Kind.apiVersion),
            .required("kind", .oneOf([kind.rawValue]), "The kind of this document.", example: kind.rawValue),
            .required("name", .string(.dnsLabel), nameDoc + " Equal to the file's base name."),
        ]
    }
}

/// Requests per minute and tokens per minute.
public struct RateLimits: Sendable {
    public var rpm: Located<Int64>
    public var tpm: Located<Int64>

    static let shape = ObjectShape(
        "RateLimits", doc: "Requests and tokens per minute.",
        fields: [
            .required("rpm", .integer(min: 1, max: 100_000_000), "Requests per minute.", example: "600"),
            .required("tpm", .integer(min: 1, max: 100_000_000_000), "Tokens per minute.", example: "1000000"),
        ])

    init(_ r: FieldReader) throws {
        rpm = try r.integer("rpm")
        tpm = try r.integer("tpm")
    }
}

/// A spending limit over a period, as LiteLLM enforces it.
public struct Budget: Sendable {
    public var usd: Located<USD>
    public var period: Located<String>

    static let shape = ObjectShape(
        "Budget", doc: "A spending limit in US dollars per period.",
        fields: [
            .required("usd", .usd, "Maximum spend per period, in US dollars.", example: "1000"),
            .optional("period", .string(.budgetPeriod), "How often the budget resets (LiteLLM budget_duration).", default: "30d"),
        ])

    init(_ r: FieldReader) throws {
        usd = try r.usd("usd")
        period = try r.string("period")
    }
}
