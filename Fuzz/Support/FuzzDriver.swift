#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fuzz input to the code under test: the bytes libFuzzer made; 0 to go on.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ target: FuzzTarget
) -> CInt

/// Starts libFuzzer on `target` with the process's arguments and exits with its status.
///
/// A harness's `main.swift` ends with `FuzzDriver.run(fuzzX)`: SwiftPM links an executable
/// target's own entry point as `main`, so libFuzzer's `main` is never used and its driver is
/// called from here instead (the same options, corpus folders and crash files).
public enum FuzzDriver {
    public static func run(_ target: FuzzTarget) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }
}
