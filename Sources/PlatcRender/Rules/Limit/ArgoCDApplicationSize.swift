import PlatcSpec

/// The render's own rule (ApplicationSize checks it): the rendered objects, not the sources, break it.
extension Rule {
    static let limitArgoCDApplicationSize = Rule(
        id: "limit/argocd-application-size",
        summary: "An Argo CD Application would sync more than 1,500 objects or hold an estimated status of 512 KiB or more.",
        rationale:
            "Argo CD records every object of an Application in its status, and the Application is one etcd object, which "
            + "etcd refuses past 1.5 MiB: Applications of about 3,000 objects fail to sync (argo-cd#14486), and one of 1,700 "
            + "carried 367 KB of status.resources (deployKF#224). platc splits tenants and models into shards by a jump "
            + "hash of their names; too few shards for the platform leaves an Application past the budget. Found by the "
            + "render, which counts the objects: `platc render`, `render --check` and `diff` report it.",
        example: """
            platform/lab.yaml (200 tenants)
            argocd:
              shards: {tenants: 1}
            """,
        fix: "Raise `argocd.shards.tenants` (or `serving`) to the value the hint gives, or remove it for the default rule.")
}
