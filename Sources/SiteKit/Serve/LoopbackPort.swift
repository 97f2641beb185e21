import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks that the preview can listen on a port of 127.0.0.1 before anything
/// else happens, so a port in use fails at once and says which.
public enum LoopbackPort {
    /// Why the preview cannot listen on a port.
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public var port: UInt16
        public var reason: String
        public var description: String { reason }
    }

    /// Throws when nothing may listen on 127.0.0.1:`port` now.
    public static func checkAvailable(_ port: UInt16) throws(Unavailable) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw Unavailable(port: port, reason: "cannot open a socket: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        // The same option the server sets, so a port in TIME_WAIT counts as free.
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else {
            let code = errno
            if code == EADDRINUSE {
                let next = port == UInt16.max ? port - 1 : port + 1
                throw Unavailable(port: port, reason: "port \(port) on 127.0.0.1 is already in use (another `sitegen serve`?): "
                    + "stop that program, or pick another port with --port \(next)")
            }
            throw Unavailable(port: port, reason: "cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(code)))"
                + (code == EACCES ? "; ports below 1024 need root: pick one with --port 1313" : ""))
        }
    }
}
