import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("dvclive")

/// RunLogs' DVCLive .tsv reader: the input is `dvclive/plots/metrics/train/loss.tsv`, loaded as a file named directly (with and
/// without its format) and as a folder walked (RunLogFuzzing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDVCLive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "dvclive/plots/metrics/train/loss.tsv", format: .dvclive, in: folder)
    return 0
}

FuzzDriver.run(fuzzDVCLive)
