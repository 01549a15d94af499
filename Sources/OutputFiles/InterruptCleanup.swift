import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an interrupted run must undo. Writers register an action (remove a temporary file, a
/// staging folder, put a moved-aside folder back) for as long as the half-written thing exists;
/// on SIGINT or SIGTERM the actions run, newest first, one line goes to stderr and the process
/// exits 130 or 143 (128 + the signal, as a shell reports it).
///
/// The signals are taken over the first time an action is registered (a run that never writes
/// keeps the default behaviour), and not at all when the process started with them ignored
/// (`nohup`, a background job); blocked ones are unblocked. The handler only wakes a thread through a pipe, so the actions run
/// on an ordinary thread, not inside a signal handler. A writer changes what exists on disk only inside
/// `heldOff`, which the interrupt waits for: the actions never see a file half created or a swap
/// half done.
public enum InterruptCleanup {
    /// Identifies a registered action.
    public struct Token: Hashable, Sendable { let id: Int }

    private static let lock = NSRecursiveLock()
    // `actions`, `nextId` and `installed` are read and written only with `lock` held (in
    // `register`, `unregister`, `installIfNeeded`, called from `register`, and `interrupted`), so
    // no two threads touch them at once.
    nonisolated(unsafe) private static var actions: [(id: Int, run: () -> Void)] = []
    nonisolated(unsafe) private static var nextId = 0
    nonisolated(unsafe) private static var installed = false
    /// The pipe the signal handler writes into. Written once, with `lock` held, before any
    /// handler that reads it is installed, and never again; so every read sees that one value.
    nonisolated(unsafe) static var wakeFD: Int32 = -1

    /// Runs `body` with the interrupt held off: an interrupt arriving meanwhile waits for it.
    public static func heldOff<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Registers `action` to run if the process is interrupted; call inside `heldOff` together
    /// with whatever creates the thing the action undoes.
    public static func register(_ action: @escaping () -> Void) -> Token {
        lock.lock()
        defer { lock.unlock() }
        installIfNeeded()
        nextId += 1
        actions.append((nextId, action))
        return Token(id: nextId)
    }

    /// Forgets an action once what it would undo is finished or gone.
    public static func unregister(_ token: Token) {
        lock.lock()
        defer { lock.unlock() }
        actions.removeAll { $0.id == token.id }
    }

    private static func installIfNeeded() {
        guard !installed else { return }
        installed = true
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        wakeFD = fds[1]
        var taken = false
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            // Ignored by whoever started us: stay ignored.
            guard sigaction(signalNumber, nil, &action) == 0,
                  unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            // The handler only writes the signal's number into the pipe (async-signal-safe); the
            // thread below does the rest.
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = Glibc.write(InterruptCleanup.wakeFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            if sigaction(signalNumber, &action, nil) == 0 { taken = true }
        }
        guard taken else { return }
        // A blocked signal would wait forever: a parent's mask is inherited by accident (a
        // dispatch worker thread blocks every signal, and a process it spawns starts so).
        unblockInterrupts()
        let readFD = fds[0]
        let thread = Thread {
            unblockInterrupts()
            var byte: UInt8 = 0
            while true {
                let n = Glibc.read(readFD, &byte, 1)
                if n == 1 { interrupted(by: Int32(byte)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
            }
        }
        thread.name = "lossplot.interrupt"
        thread.start()
    }

    private static func unblockInterrupts() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Undoes what is registered and exits; never returns, and never releases the lock, so no
    /// writer starts anything new in the meantime.
    private static func interrupted(by signalNumber: Int32) {
        lock.lock()
        for action in actions.reversed() { action.run() }
        let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
        let line = "lossplot: interrupted (\(name)); unfinished output removed\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
        _exit(128 + signalNumber)
    }

    /// Entries of `folder` named `prefix` + a process id (+ anything after a "-") whose process is
    /// gone: what a run killed before it could clean up left behind. A process that exists but is
    /// not ours to signal (EPERM) counts as alive; this process counts only when `includingOwn`.
    public static func leftovers(in folder: String, prefix: String, includingOwn: Bool) -> [(name: String, pid: Int32)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let own = getpid()
        return names.sorted().compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let digits = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let pid = Int32(digits), pid > 0 else { return nil }
            if pid == own { return includingOwn ? (name, pid) : nil }
            guard kill(pid, 0) != 0, errno == ESRCH else { return nil }
            return (name, pid)
        }
    }
}
