import FuzzSupport
@testable import DataFiles

let scratch = ScratchFolder("npy")

/// `.npy` header and body. The header parser runs on the input's own bytes (AddressSanitizer
/// flags a read past them); then the bytes are written to a file and read the way `lossplot`
/// reads a user's file (`DataMatrix`, memory-mapped `NumpyArray`), every value touched.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumpy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let header = try? NumpyHeader(bytes: bytes, path: "fuzz.npy") {
        FuzzInput.require(header.dataOffset <= size, "data offset \(header.dataOffset) past the end (\(size) bytes)")
        FuzzInput.require(header.shape.count == 1 || header.shape.count == 2, "shape \(header.shape)")
    }
    let path = scratch.write(bytes, to: "input.npy")
    if let matrix = try? DataMatrix(contentsOfFile: path) {
        FuzzInput.require(matrix.rows * matrix.columns == matrix.values.count,
                          "\(matrix.rows)x\(matrix.columns) but \(matrix.values.count) values")
        var sum = 0.0
        withExtendedLifetime(matrix) { for x in matrix.values { sum += x } }
        FuzzInput.require(!sum.isNaN || matrix.values.contains { $0.isNaN } || matrix.values.contains { $0.isInfinite },
                          "the values sum to NaN")
        _ = matrix.location(ofRow: matrix.rows - 1)
    }
    return 0
}

FuzzDriver.run(fuzzNumpy)
