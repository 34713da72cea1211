/// An Argo CD Application as platc renders one, reduced to what `platc diff` reads (name, source
/// path, prune): for tests that build out/ trees in either Argo CD layout by hand.
public enum ArgoApplicationYAML {
    public static func text(_ name: String, path: String, prune: Bool = true) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: \(name)
          namespace: argocd
        spec:
          project: llm-platform
          source:
            repoURL: https://git.example.com/platform/llm-lab.git
            targetRevision: main
            path: \(path)
            directory:
              recurse: true
          syncPolicy:
            automated:
              prune: \(prune)
              selfHeal: true

        """
    }
}
