import Foundation
import SiteKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Swift package the running `sitegen` was built from, when it can be
/// found: templates/ is compiled Swift, so the preview rebuilds this package
/// when a template changes and restarts on the new binary.
struct TemplatePackage: Sendable {
    /// The package folder (holding Package.swift).
    let root: URL
    /// Its templates/ folder.
    let templates: URL
    /// The running binary's path, read at start-up (a rebuild replaces the file).
    let executable: String
    /// "debug" or "release", from the folder the binary is in.
    let configuration: String

    /// The package of the running binary: `<root>/.build/…/<configuration>/sitegen`
    /// with `<root>/Package.swift` and `<root>/templates/`; `nil` for an installed binary.
    static func ofRunningBinary() -> TemplatePackage? {
        guard let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments.first else { return nil }
        var folder = URL(filePath: executable).deletingLastPathComponent()
        let configuration = folder.lastPathComponent.hasPrefix("release") ? "release" : "debug"
        while folder.path != "/" && folder.lastPathComponent != ".build" {
            folder = folder.deletingLastPathComponent()
        }
        guard folder.lastPathComponent == ".build" else { return nil }
        let root = folder.deletingLastPathComponent()
        let templates = root.appending(path: "templates")
        guard FileManager.default.fileExists(atPath: root.appending(path: "Package.swift").path),
              FileManager.default.fileExists(atPath: templates.path) else { return nil }
        return TemplatePackage(root: root, templates: templates, executable: executable, configuration: configuration)
    }

    /// Runs `swift build` for the sitegen product; compile errors come back as
    /// build errors, so the preview's banner shows them like content errors.
    func rebuild() async -> Result<Void, BuildFailure> {
        let arguments = ["swift", "build", "--package-path", root.path, "--product", "sitegen", "-c", configuration]
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(filePath: "/usr/bin/env")
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: .failure(BuildFailure([SiteError(
                        file: "templates", message: "cannot run `swift build`: \(error); restart `sitegen serve` by hand")])))
                    return
                }
                let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    continuation.resume(returning: .success(()))
                } else {
                    continuation.resume(returning: .failure(BuildFailure(CompilerDiagnostics.errors(in: text, root: root.path))))
                }
            }
        }
    }

    /// Replaces this process with the freshly built binary, same arguments.
    func restart() -> Never {
        // Sockets and files must not leak into the new process: a browser's
        // event stream held open there would never hear of the restart.
        if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            for name in descriptors {
                guard let fd = Int32(name), fd > 2 else { continue }
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        let arguments = [executable] + CommandLine.arguments.dropFirst()
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(executable, pointers)
        FileHandle.standardError.write(Data("error: cannot restart \(executable): \(String(cString: strerror(errno)))\n".utf8))
        exit(1)
    }
}

/// Removes the preview's temporary folder when the preview ends (Ctrl-C,
/// SIGTERM), as a temporary folder should.
enum CleanUp {
    /// Installs handlers for SIGINT and SIGTERM that remove `folder` and exit;
    /// the handlers live as long as the returned sources.
    static func removeOnExit(_ folder: URL) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                remove(folder)
                exit(signalNumber == SIGINT ? 0 : 143)
            }
            source.resume()
            return source
        }
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
