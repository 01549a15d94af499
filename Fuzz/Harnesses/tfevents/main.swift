import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("tfevents")

/// RunLogs' TensorBoard event file reader: the input is `run/events.out.tfevents.1700000000.host`, loaded as a file named directly (with and
/// without its format) and as a folder walked (RunLogFuzzing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "run/events.out.tfevents.1700000000.host", format: .tfevents, in: folder)
    return 0
}

FuzzDriver.run(fuzzEventFile)
