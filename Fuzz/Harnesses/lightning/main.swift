import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("lightning")

/// RunLogs' Lightning metrics.csv reader: the input is `tiny/version_0/metrics.csv`, loaded as a file named directly (with and
/// without its format) and as a folder walked (RunLogFuzzing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLightning(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "tiny/version_0/metrics.csv", format: .lightning, in: folder)
    return 0
}

FuzzDriver.run(fuzzLightning)
