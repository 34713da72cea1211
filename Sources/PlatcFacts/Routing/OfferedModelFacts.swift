import PlatcSpec

// Served and hosted models as `OfferedModel`s by reference: the checks about names, access and
// prices walk every offered model, and an existential of a class holds a pointer, where one of a
// `Model` would copy the whole value into a box.

extension ModelFacts: OfferedModel {
    public var name: Located<String> { model.name }
    public var owner: Located<String> { model.owner }
    public var status: Located<Model.Status> { model.status }
    public var description: Located<String> { model.description }
    public var mode: Located<Model.Mode> { model.mode }
    public var aliases: [Located<String>] { model.aliases }
    public var tenants: [Located<String>] { model.tenants }
    public var pricing: Model.Pricing { model.pricing }
    public var rateLimits: RateLimits? { model.rateLimits }
    public var loraAdapters: [Model.LoRA.Adapter] { model.loraAdapters }
    public var span: SourceSpan { model.span }
}

extension HostedModelFacts: OfferedModel {
    public var name: Located<String> { model.name }
    public var owner: Located<String> { model.owner }
    public var status: Located<Model.Status> { model.status }
    public var description: Located<String> { model.description }
    public var mode: Located<Model.Mode> { model.mode }
    public var aliases: [Located<String>] { model.aliases }
    public var tenants: [Located<String>] { model.tenants }
    public var pricing: Model.Pricing { model.pricing }
    public var rateLimits: RateLimits? { model.rateLimits }
    public var loraAdapters: [Model.LoRA.Adapter] { [] }
    public var span: SourceSpan { model.span }
}
