import Mustache
import Testing

@testable import PlatcRender

/// Each view type's `child(named:)` answers for exactly its stored properties, so the templates
/// see every field (reflection, which the switches replace, would have).
@Suite struct CatalogTemplateFieldsTests {
    static func view() throws -> CatalogView {
        CatalogView(Catalog(try RenderTestPlatform.embeddedDefault().context()))
    }

    /// Every stored property resolves to its value (nil only where the property is nil), and an
    /// unknown name to nil, so Mustache looks further up the context stack.
    static func expectComplete(_ value: some MustacheParent) {
        for child in Mirror(reflecting: value).children {
            let label = child.label ?? "?"
            let isNil = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
            #expect((value.child(named: label) == nil) == isNil, "\(type(of: value)).\(label)")
        }
        #expect(value.child(named: "noSuchField") == nil)
    }

    @Test func everyFieldReachesTheTemplates() throws {
        let view = try Self.view()
        Self.expectComplete(view)
        for row in view.rows { Self.expectComplete(row) }
        for tenant in view.tenants {
            Self.expectComplete(tenant)
            for quota in tenant.quotas { Self.expectComplete(quota) }
        }
        for capacity in view.capacities {
            Self.expectComplete(capacity)
            Self.expectComplete(capacity.bar)
        }
        for rung in view.ladder { Self.expectComplete(rung) }
        for segment in view.rows.compactMap(\.vram).flatMap(\.segments) { Self.expectComplete(segment) }
        Self.expectComplete(CatalogPage.Page(view: view, rowCount: "7"))
        #expect(try #require(view.rows.first?.child(named: "rpm")) as? String == "400")
    }
}
