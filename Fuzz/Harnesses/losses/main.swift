#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import Evaluation
import LossFunctions

/// Numbers a user's files hold more often than random bit patterns: zero, signs, class indices,
/// probabilities at and near their ends, the extremes of Float64, NaN and the infinities.
let notableValues: [Double] = [
    0, -0.0, 1, -1, 2, 3, 4, -2, 0.5, 0.25, 0.75, 0.1, 0.9, 1e-15, 1 - 1e-16, 1 + 1e-15, -1e-300,
    1e-300, .leastNonzeroMagnitude, 1e300, -1e300, 1e154, 1e16, 9.2e18, -9.3e18, 1e19, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, 710, -745, 37, 100, 1.5, 2.5, -0.5, .nan, .infinity, -.infinity,
]

/// Whether to print what each input asks (LOSSPLOT_FUZZ_EXPLAIN=1).
let explaining = getenv("LOSSPLOT_FUZZ_EXPLAIN").map { String(cString: $0) == "1" } ?? false

/// Reads the input as a stream of choices and numbers.
struct Choices {
    var bytes: UnsafeRawBufferPointer
    var at = 0

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    var isEmpty: Bool { at >= bytes.count }

    /// A byte below 0x80 picks a notable value; otherwise the next 8 bytes are a Float64's bits.
    mutating func number() -> Double {
        let b = byte()
        guard b >= 0x80 else { return notableValues[Int(b) % notableValues.count] }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(byte()) << (8 * k) }
        return Double(bitPattern: bits)
    }

    mutating func option() -> Double? { byte() & 1 == 0 ? nil : number() }
}

/// `lossplot eval`'s single entry point (`evaluateLoss`) on inputs made from the fuzz bytes: a loss,
/// its options, a reduction, weights or balanced class weights, a gradient or not, and matrices of
/// numbers shaped as the loss reads them. A loss must refuse what it cannot evaluate with an error,
/// never trap or read outside its inputs; and what it returns for finite inputs holds no NaN.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLosses(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = Choices(bytes: FuzzInput.bytes(data, size))
    let name = LossName.allCases[Int(input.byte()) % LossName.allCases.count]
    let flags = input.byte()
    let columns = Int(input.byte() % 4) + 1
    let rows = Int(input.byte() % 9) + 1
    var options = LossOptions()
    for option in name.parameters.map(\.rawValue).sorted() {
        switch option {
        case "delta": options.delta = input.option()
        case "quantile": options.quantile = input.option()
        case "alpha": options.alpha = input.option()
        case "gamma": options.gamma = input.option()
        case "lambda": options.lambda = input.option()
        case "margin": options.margin = input.option()
        case "epsilon": options.epsilon = input.option()
        case "fromLogits": options.fromLogits = input.byte() & 1 == 1
        default: break
        }
    }
    guard (try? options.validate(for: name)) != nil else { return 0 }
    let reduction = Reduction.allCases[Int(flags & 3) % Reduction.allCases.count]
    let gradient = flags & 4 != 0, weighted = flags & 8 != 0, balanced = flags & 16 != 0

    // The matrices the loss reads, as the command line shapes them.
    let shapes: [(rows: Int, columns: Int)]
    switch name.inputKind {
    case .pairs: shapes = [(rows, columns), (rows, columns), (rows, 1)]
    case .triplets: shapes = [(rows, columns), (rows, columns), (rows, columns)]
    case .predictions:
        switch name {
        case .cce: shapes = [(rows, columns), (rows, columns)]
        case .sparseCCE: shapes = [(rows, 1), (rows, columns)]
        default: shapes = [(rows, 1), (rows, 1)]
        }
    }
    var matrices = shapes.map { shape in (0..<shape.rows * shape.columns).map { _ in input.number() } }
    let weights = weighted ? (0..<rows).map { _ in input.number() } : nil
    // What is left of the input overwrites values from the start, so a longer input reaches every one.
    var k = 0
    let total = matrices.reduce(0) { $0 + $1.count }
    while !input.isEmpty && total > 0 {
        var index = k % total, m = 0
        while index >= matrices[m].count { index -= matrices[m].count; m += 1 }
        matrices[m][index] = input.number()
        k += 1
    }
    let finite = matrices.allSatisfy { $0.allSatisfy(\.isFinite) } && (weights ?? []).allSatisfy(\.isFinite)
    if explaining {
        // LOSSPLOT_FUZZ_EXPLAIN=1 fuzz-losses FILE: what a saved input asks, to write it as a test.
        var text = "loss \(name.rawValue), \(options), reduction \(reduction), gradient \(gradient), balanced \(balanced)\n"
        for (matrix, shape) in zip(matrices, shapes) { text += "  \(shape.rows)x\(shape.columns): \(matrix)\n" }
        if let weights { text += "  weights: \(weights)\n" }
        FuzzInput.writeToStandardError(text)
    }

    let outcome: LossOutcome? = withBuffers(matrices) { buffers in
        let views = zip(buffers, shapes).map { MatrixView(elements: $0, rows: $1.rows, columns: $1.columns) }
        let inputs: LossInputs
        switch name.inputKind {
        case .pairs: inputs = .pairs(x1: views[0], x2: views[1], labels: buffers[2])
        case .triplets: inputs = .triplets(anchor: views[0], positive: views[1], negative: views[2])
        case .predictions: inputs = .predictions(yTrue: views[0], yPred: views[1])
        }
        let evaluate = { (w: UnsafeBufferPointer<Double>?) in
            try? evaluateLoss(name, options: options, inputs: inputs, weights: w, balancedClassWeights: balanced,
                              reduction: reduction, gradient: gradient)
        }
        guard let weights else { return evaluate(nil) }
        return weights.withUnsafeBufferPointer { evaluate($0) }
    }
    guard let outcome, finite else { return 0 }
    // For .none the value is the weighted mean of the terms, undefined (NaN) when the weights sum to 0.
    if !(reduction == .none && weights?.reduce(0, +) == 0) {
        FuzzInput.require(outcome.value.isFinite, "\(name.rawValue) returned \(outcome.value) for finite inputs")
    }
    FuzzInput.require(!(outcome.perSample ?? []).contains { $0.isNaN }, "\(name.rawValue): a per-sample term is NaN for finite inputs")
    FuzzInput.require(!outcome.gradientStorage.contains { $0.isNaN }, "\(name.rawValue): a gradient value is NaN for finite inputs")
    return 0
}

/// Runs `body` with a buffer over each array.
func withBuffers<R>(_ arrays: [[Double]], _ body: ([UnsafeBufferPointer<Double>]) -> R) -> R {
    func nest(_ i: Int, _ done: [UnsafeBufferPointer<Double>]) -> R {
        guard i < arrays.count else { return body(done) }
        return arrays[i].withUnsafeBufferPointer { nest(i + 1, done + [$0]) }
    }
    return nest(0, [])
}

FuzzDriver.run(fuzzLosses)
