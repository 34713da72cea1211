import Mustache

/// How the templates read the view's fields. Without this, swift-mustache finds each `{{name}}`
/// by reflection (`Mirror`), which was 70 % of a 300-model render's catalog time; a switch per
/// type is a table lookup. `CatalogTemplateFieldsTests` holds each switch equal to the type's
/// stored properties, so a field cannot be added and silently render empty.
extension CatalogView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "counts": counts
        case "rows": rows
        case "tenants": tenants
        case "statuses": statuses
        case "gpuClasses": gpuClasses
        case "capacities": capacities
        case "ladder": ladder
        case "digest": digest
        case "fileCount": fileCount
        default: nil
        }
    }
}

extension CatalogView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "base": base
        case "status": status
        case "owner": owner
        case "gpuClass": gpuClass
        case "tensorParallel": tensorParallel
        case "context": context
        case "vram": vram
        case "vramText": vramText
        case "concurrency": concurrency
        case "floor": floor
        case "max": max
        case "tenants": tenants
        case "tenantList": tenantList
        case "tenantsText": tenantsText
        case "rpm": rpm
        case "tpm": tpm
        case "priceIn": priceIn
        case "priceOut": priceOut
        case "description": description
        case "search": search
        default: nil
        }
    }
}

extension CatalogView.Quota: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "gpuClass": gpuClass
        case "nominal": nominal
        case "borrowing": borrowing
        default: nil
        }
    }
}

extension CatalogView.TenantCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "displayName": displayName
        case "budget": budget
        case "period": period
        case "rpm": rpm
        case "tpm": tpm
        case "priority": priority
        case "quotas": quotas
        case "quotaText": quotaText
        case "names": names
        case "namesText": namesText
        case "hasNames": hasNames
        default: nil
        }
    }
}

extension CatalogView.Capacity: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "product": product
        case "capacity": capacity
        case "nominal": nominal
        case "floor": floor
        case "peak": peak
        case "bar": bar
        case "note": note
        case "noteClass": noteClass
        default: nil
        }
    }
}

extension CatalogView.Rung: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layer": layer
        case "value": value
        case "detail": detail
        case "bar": bar
        default: nil
        }
    }
}

extension CatalogBar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "segments": segments
        case "marker": marker
        case "summary": summary
        default: nil
        }
    }
}

extension CatalogBar.Segment: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "x": x
        case "width": width
        case "label": label
        default: nil
        }
    }
}

extension CatalogPage.Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "view": view
        case "rowCount": rowCount
        case "style": style
        case "script": script
        case "csp": csp
        default: nil
        }
    }
}
