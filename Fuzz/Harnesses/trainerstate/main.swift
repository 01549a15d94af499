import FuzzSupport
import RunLogFuzzing
import RunLogs

let folder = ScratchFolder("trainerstate")

/// RunLogs' Hugging Face trainer_state.json reader: the input is `run/trainer_state.json`, loaded as a file named directly (with and
/// without its format) and as a folder walked (RunLogFuzzing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrainerState(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RunLogFuzzing.load(FuzzInput.bytes(data, size), as: "run/trainer_state.json", format: .trainerState, in: folder)
    return 0
}

FuzzDriver.run(fuzzTrainerState)
