import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("jsonl")

/// RunLogs' JSON Lines reader: the input is a `.jsonl` log, loaded as a file named directly (with
/// and without `--format`) and as a folder walked. Other readers' harnesses are this file with
/// their own file name and format (see the Makefile's fuzz section).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "run/log.jsonl", format: .jsonl, in: folder)
    return 0
}

FuzzDriver.run(fuzzJSONLines)
