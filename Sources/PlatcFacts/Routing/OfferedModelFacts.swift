import PlatcSpec

/// A class that stands for one offered model and answers for it: the checks about names, access
/// and prices walk every offered model, and an existential of a class holds a pointer, where one
/// of a `Model` would copy the whole value into a box.
public protocol OfferedModelHolder: OfferedModel {
    associatedtype Offered: OfferedModel
    var offered: Offered { get }
}

extension OfferedModelHolder {
    public var name: Located<String> { offered.name }
    public var owner: Located<String> { offered.owner }
    public var status: Located<Model.Status> { offered.status }
    public var description: Located<String> { offered.description }
    public var mode: Located<Model.Mode> { offered.mode }
    public var aliases: [Located<String>] { offered.aliases }
    public var tenants: [Located<String>] { offered.tenants }
    public var pricing: Model.Pricing { offered.pricing }
    public var rateLimits: RateLimits? { offered.rateLimits }
    public var loraAdapters: [Model.LoRA.Adapter] { offered.loraAdapters }
    public var span: SourceSpan { offered.span }
}

extension ModelFacts: OfferedModelHolder {
    public var offered: Model { model }
}

extension HostedModelFacts: OfferedModelHolder {
    public var offered: HostedModel { model }
}
