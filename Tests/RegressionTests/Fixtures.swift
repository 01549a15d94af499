import Foundation
import Testing

/// Loads the JSON written by `Fixtures/make_fixtures.py` (numpy 2.4 / scikit-learn 1.9).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name).json not found or malformed" }
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
            ?? Bundle.module.url(forResource: name, withExtension: "json")
        else { throw Missing(name: name) }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func streams() throws -> RandomStreams { try load("random_streams", as: RandomStreams.self) }
    static func document() throws -> DocumentDataset { try load("document_dataset", as: DocumentDataset.self) }
}

struct RandomStreams: Decodable {
    let seed: UInt32
    let state_key_first: [UInt32]
    let state_key_last: [UInt32]
    let uint32_first: [UInt32]
    let random_sample_first: [Double]
    let standard_normal_first: [Double]
    let standard_normal_split_calls: [Double]
    let standard_normal_after_reseed: [Double]
    let normal_sample_normal: [Double]
    let normal_loc3_scale10: [Double]
    let uniform_first: [Double]
    let uniform_m2_5: [Double]
    let randint_0_2: [Int]
    let randint_0_10: [Int]
    let randint_m5_37: [Int]
    let randint_0_2p40: [Int]
    let randint_pm2p62: [Int]
    let choice_pm100_5: [Int]
    let permutation_10: [Int]
    let permutation_100: [Int]
    let shuffle_arange_7: [Int]
    let global_choice_pm100_5: [Int]
}

struct DocumentDataset: Decodable {
    struct Model: Decodable {
        let coef: [Double]
        let intercept: Double
        let test_mse: Double
        let test_mae: Double
        let test_pred: [Double]
        let n_iter: Int?
        let dual_gap: Double?
    }
    struct LAD: Decodable {
        let coef: [Double]
        let intercept: Double
        let mean_abs_residual: Double
    }
    let X_clean: [Double]
    let y_clean: [Double]
    let ground_truth_coef: [Double]
    let outlier_indices: [Int]
    let outlier_shifts: [Int]
    let y: [Double]
    let train_indices: [Int]
    let test_indices: [Int]
    let models: [String: Model]
    let lad: LAD
    let quantile_08: Quantile
}

struct Quantile: Decodable {
    let coef: [Double]
    let intercept: Double
    let mean_pinball_loss: Double
}

/// `|a - b| <= tolerance * max(|b|, tiny)`.
func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), Double.leastNormalMagnitude)
}

/// Largest absolute difference of two equally long arrays (infinity when the lengths differ).
func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
