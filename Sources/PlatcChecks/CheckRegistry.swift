import PlatcFacts
import PlatcSpec

extension CheckPipeline {
    /// Every check rule, once, in documentation order: families in the order Ref, Fit, Engine,
    /// Quota, Timeout, Routing, Policy (`timeout/startup-probe` after the fit rules). `check` runs the rules
    /// in this order, each run of one family's rules on its own context, and docs/rules.md and
    /// SARIF list them in it. A test asserts that every `CheckRule` in the sources is listed here
    /// exactly once.
    public static let registry: [any CheckRule.Type] = [
        // MARK: - ref/*
        // Every name a document uses resolves, both sides of an access grant agree, and no two
        // models claim the same alias or served name. It runs first; the other families skip what
        // does not resolve, so a dangling name is reported once, here.
        UnknownModel.self,
        UnknownTenant.self,
        UnknownGPUClass.self,
        AccessNotGranted.self,
        AccessNotUsed.self,
        AdapterTenantNotAllowed.self,
        ModelWithoutTenants.self,
        DuplicateAlias.self,
        ReservedAlias.self,
        DuplicateServedName.self,
        ProviderKeyVariable.self,
        ProviderAPIBase.self,
        NamespaceCollision.self,

        // MARK: - fit/*
        // Every model proven to fit its GPU class under vLLM's memory accounting. The per-model
        // rules look at the models `SizedModels` lets through: a model whose tensorParallel cannot
        // run (fit/tp-node, fit/tp-heads) or that platc cannot size (fit/unknown-architecture) is
        // reported once, by that rule.
        DoesNotFit.self,
        LowConcurrency.self,
        TPHeads.self,
        TPNode.self,
        UtilizationHigh.self,
        TimeSlicing.self,
        MaxModelLen.self,
        UnknownArchitecture.self,
        UnknownGPU.self,
        NodeResources.self,
        PodResourcesRule.self,

        // MARK: - engine/*
        // What platc tells vLLM: the words it passes must exist in the model's pinned vLLM release
        // (`EngineVocabulary`), and a model's own arguments and variables must not override or undo
        // the ones platc sets (`EngineFlags`, `EngineVariables`). A family of its own rather than
        // `fit/*`: these rules are about vLLM's command line and environment, not about memory, and
        // they hold whether or not platc can size the model. docs/render-serving.md, "Engine features".
        QuantizationUnsupported.self,
        QuantizationNone.self,
        ParserUnsupported.self,
        TaskMode.self,
        EmbeddingSettings.self,
        ReservedFlag.self,
        StrayValue.self,
        ReservedVariable.self,

        // MARK: - quota/*
        // Whether what the sources promise adds up: GPUs shared by serving and batch, borrowing in
        // the Kueue cohort, tenant budgets against the platform's, tenant rate limits against their
        // models', LoRA slots, and prices that make budgets bind. The arithmetic and its constants
        // are written down in docs/checks-quota.md.
        WarmFloor.self,
        MaxReplicas.self,
        ZeroFloor.self,
        KEDASettings.self,
        RolloutSurge.self,
        NominalOverCapacity.self,
        BorrowingLimit.self,
        BudgetOvercommit.self,
        RateLimit.self,
        LoRAAdapters.self,
        MissingPrice.self,
        TeamsUnreconciled.self,
        MasterKeyUnused.self,

        // MARK: - timeout/*
        // The request path's deadlines nest, client > gateway > router attempts and backoff >
        // inference gateway (in that routing mode) > engine > 0, streams within the router
        // timeout, and retries multiplied across the layers stay bounded (docs/checks-timeout.md).
        ClientGateway.self,
        GatewayRouter.self,
        RouterEngine.self,
        RouterInferenceGateway.self,
        InferenceGatewayEngine.self,
        StreamTimeout.self,
        RetryAmplification.self,
        // The startup probe against the cold start of the fit the fit rules size (`SizedModels`).
        StartupProbe.self,

        // MARK: - routing/*
        // The inference-gateway mode's objects can work: a picker image, a pod in every pool,
        // picker names of their own, and no setting of the mode written where it does nothing
        // (docs/checks-routing.md). That no two pools select the same pods holds by construction
        // and is proven on every rendered platform (InferencePoolSelectionTests).
        EndpointPickerImage.self,
        EmptyPool.self,
        EndpointPickerName.self,
        UnusedSettings.self,

        // MARK: - policy/*
        // What admission policy would refuse, refused before it reaches the cluster (images pinned
        // by digest and from allowed registries), and no secret written into the sources. It runs
        // last: it reads every file, so it comes after the families that reason about the Spec.
        ImageDigest.self,
        ImageRegistry.self,
        InlineSecret.self,
    ]
}
