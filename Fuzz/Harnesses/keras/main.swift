import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("keras")

/// RunLogs' Keras CSVLogger reader: the input is `run/training.log`, loaded as a file named directly (with and
/// without its format) and as a folder walked (RunLogFuzzing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeras(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "run/training.log", format: .keras, in: folder)
    return 0
}

FuzzDriver.run(fuzzKeras)
