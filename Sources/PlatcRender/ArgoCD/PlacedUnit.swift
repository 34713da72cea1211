import PlatcFacts

/// A plan unit once placed: whose objects it made, the Application part they went to and their
/// size. The Argo CD family sums these per Application and per owner, so no object carries them.
struct PlacedUnit: Sendable {
    var owner: PlanOwner
    var part: ApplicationPart
    var size: ApplicationSize.Size
}
