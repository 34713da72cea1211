import PlatcSpec

/// Who may call what, as docs/checks-ref.md defines it: access needs both sides — the tenant lists
/// the model in `models` and the model lists the tenant in `tenants`. A LoRA adapter runs inside its
/// base model's engine, so its tenants must also have access to the base model.
enum ModelAccess {
    /// Tenants with access to the model, sorted.
    static func tenants(of model: Model, _ context: RenderContext) -> [String] {
        let name = model.name.value
        return Set(model.tenants.map(\.value)).filter { tenant in
            context.tenant(named: tenant)?.models.contains { $0.value == name } ?? false
        }.sorted()
    }

    /// Tenants with access to the adapter: its own `tenants` that also reach its base model, sorted.
    static func tenants(of adapter: Model.LoRA.Adapter, on model: Model, _ context: RenderContext) -> [String] {
        let base = Set(tenants(of: model, context))
        return Set(adapter.tenants.map(\.value)).intersection(base).sorted()
    }
}
