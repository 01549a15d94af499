/// Hinge loss (SVM) as the document: l = max(0, 1 - y * s) for labels y in {-1, +1} and scores s.
/// Derivative -y while the margin is violated, 0 from margin 1 on (subgradient 0 at the kink).
///
/// When every target of a batch is 0 or 1, the batch API maps them to -1 / +1.
public struct HingeLoss: ElementwiseLoss {
    /// Whether targets are 0/1 and read as -1/+1 (set by `adapted(toTargets:)`).
    public let mapsZeroOneLabels: Bool

    public init() { self.mapsZeroOneLabels = false }
    init(mapsZeroOneLabels: Bool) { self.mapsZeroOneLabels = mapsZeroOneLabels }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        max(0, 1 - signedLabel(yTrue, mapsZeroOneLabels) * yPred)
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let y = signedLabel(yTrue, mapsZeroOneLabels)
        return 1 - y * yPred > 0 ? -y : 0
    }

    @inlinable public func accepts(_ yTrue: Double, _ yPred: Double) -> Bool {
        isMarginLabel(yTrue, mapsZeroOneLabels) && yPred.isFinite
    }

    public func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
        marginRejection(yTrue, yPred)
    }

    public func adapted(toTargets yTrue: UnsafeBufferPointer<Double>) -> HingeLoss {
        HingeLoss(mapsZeroOneLabels: allZeroOne(yTrue))
    }
}

/// Squared hinge loss as the document: l = max(0, 1 - y * s)^2, derivative -2 y max(0, 1 - y s).
/// Labels as for `HingeLoss`.
public struct SquaredHingeLoss: ElementwiseLoss {
    /// Whether targets are 0/1 and read as -1/+1 (set by `adapted(toTargets:)`).
    public let mapsZeroOneLabels: Bool

    public init() { self.mapsZeroOneLabels = false }
    init(mapsZeroOneLabels: Bool) { self.mapsZeroOneLabels = mapsZeroOneLabels }

    @inlinable public func term(_ yTrue: Double, _ yPred: Double) -> Double {
        let h = max(0, 1 - signedLabel(yTrue, mapsZeroOneLabels) * yPred)
        return h * h
    }

    @inlinable public func termDerivative(_ yTrue: Double, _ yPred: Double) -> Double {
        let y = signedLabel(yTrue, mapsZeroOneLabels)
        return -2 * y * max(0, 1 - y * yPred)
    }

    @inlinable public func accepts(_ yTrue: Double, _ yPred: Double) -> Bool {
        isMarginLabel(yTrue, mapsZeroOneLabels) && yPred.isFinite
    }

    public func rejectionReason(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
        marginRejection(yTrue, yPred)
    }

    public func adapted(toTargets yTrue: UnsafeBufferPointer<Double>) -> SquaredHingeLoss {
        SquaredHingeLoss(mapsZeroOneLabels: allZeroOne(yTrue))
    }
}

/// The label as -1 / +1, mapping 0 to -1 when the batch uses 0/1 labels.
@inlinable @inline(__always)
func signedLabel(_ y: Double, _ mapsZeroOne: Bool) -> Double {
    mapsZeroOne ? 2 * y - 1 : y
}

/// Whether `y` is a valid label: -1 or +1, or 0 or 1 for a 0/1 batch.
@inlinable @inline(__always)
func isMarginLabel(_ y: Double, _ mapsZeroOne: Bool) -> Bool {
    mapsZeroOne ? (y == 0 || y == 1) : (y == -1 || y == 1)
}

/// Whether every target is 0 or 1.
func allZeroOne(_ yTrue: UnsafeBufferPointer<Double>) -> Bool {
    yTrue.allSatisfy { $0 == 0 || $0 == 1 }
}

func marginRejection(_ yTrue: Double, _ yPred: Double) -> (input: LossInputError.Input, message: LossMessage) {
    if !(yTrue == 1 || yTrue == -1 || yTrue == 0) {
        return (.yTrue, "label \(yTrue) is not -1 or +1 (or 0/1 for every sample)")
    }
    if !yPred.isFinite { return (.yPred, "value \(yPred) is not a finite number") }
    return (.yTrue, "labels mix 0 and -1: use -1/+1 or 0/1 throughout")
}
