import PlatcFacts
import PlatcSpec

/// `ref/*`: every name a document uses resolves, both sides of an access grant agree, and no two
/// models claim the same alias or served name. It runs first; the other families skip what does
/// not resolve, so a dangling name is reported once, here.
public enum RefChecks: Check {
    public static let rules: [Rule] = [
        .refUnknownModel,
        .refUnknownTenant,
        .refUnknownGPUClass,
        .refAccessNotGranted,
        .refAccessNotUsed,
        .refAdapterTenantNotAllowed,
        .refModelWithoutTenants,
        .refDuplicateAlias,
        .refReservedAlias,
        .refDuplicateServedName,
        .refNamespaceCollision,
    ]

    public static func run(_ context: inout CheckContext) {
        UnknownModel.check(&context)
        UnknownTenant.check(&context)
        UnknownGPUClass.check(&context)
        AccessNotGranted.check(&context)
        AccessNotUsed.check(&context)
        AdapterTenantNotAllowed.check(&context)
        ModelWithoutTenants.check(&context)
        DuplicateAlias.check(&context)
        ReservedAlias.check(&context)
        DuplicateServedName.check(&context)
        NamespaceCollision.check(&context)
    }
}
