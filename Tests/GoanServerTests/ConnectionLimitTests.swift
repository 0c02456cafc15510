//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GoanServer
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TestSupport
import Testing

/// The live server on loopback: idle and half-sent connections are closed after the idle
/// timeout, and no more than the connection limit are served at once.
@Suite struct ConnectionLimitTests {
    typealias T = APITestWorld

    /// Idle sockets, sockets with half a request head and sockets with half a body: every one
    /// is closed by the server, then `/health` answers.
    @Test func idleAndHalfSentConnectionsAreClosedAndTheServerStillAnswers() async throws {
        let world = try T()
        let log = LogRecord()
        let limits = GoanHTTPServer.Limits(idleTimeout: .milliseconds(500), maxConnections: 8)
        #expect(limits.effectiveMaxConnections == 8)
        let app = GoanHTTPServer.application(
            world.api, tokens: T.tokens, address: .hostname("127.0.0.1", port: 0), limits: limits, logger: log.logger, logRequests: false)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let halfHead = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
            let halfBody = "POST /bookings HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(T.admin)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"offerId\":"
            var sockets: [LoopbackSocket] = []
            defer { sockets.forEach { $0.close() } }
            for index in 0 ..< 24 {
                let socket = try LoopbackSocket(port: port)
                switch index % 3 {
                case 1: socket.send(halfHead)
                case 2: socket.send(halfBody)
                default: break
                }
                sockets.append(socket)
            }
            // Bounded wait (the limit lets 8 in at a time, each closed after 0.5 s of silence).
            for (index, socket) in sockets.enumerated() {
                #expect(await socket.waitUntilClosed(seconds: 20), "socket \(index) is still open")
            }
            let health = try LoopbackSocket(port: port)
            defer { health.close() }
            health.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let answer = await health.readUntilClosed(seconds: 20)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
        }
        // A client gone in the middle of its body is not the server's fault.
        let entries = log.entries
        #expect(entries.contains { $0.level == .info && $0.message == "client disconnected" })
        #expect(!entries.contains { $0.message == "internal error" })
    }

    /// A body sent a byte at a time keeps the connection from ever being idle: it is closed
    /// when the body has not come whole within the body timeout.
    @Test func aBodyThatDripsIsCutAtTheBodyTimeout() async throws {
        let world = try T()
        let log = LogRecord()
        let api = GoanAPI(desk: world.desk, now: { T.now }, bodyTimeout: .milliseconds(500))
        let app = GoanHTTPServer.application(
            api, tokens: T.tokens, address: .hostname("127.0.0.1", port: 0), limits: .init(idleTimeout: .seconds(60)), logger: log.logger,
            logRequests: false)
        try await app.test(.live) { client in
            let socket = try LoopbackSocket(port: try #require(client.port))
            defer { socket.close() }
            socket.send(
                "POST /bookings HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(T.admin)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{")
            // 20 s of drip at most, a byte every 100 ms; stops once the server closed.
            let drip = Task.detached {
                for _ in 0 ..< 200 where !Task.isCancelled {
                    guard socket.sendReportingFailure(" ") else { return }
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            defer { drip.cancel() }
            #expect(await socket.waitUntilClosed(seconds: 20))
        }
        #expect(log.entries.contains { $0.level == .info && $0.message == "client disconnected" })
        #expect(!log.entries.contains { $0.message == "internal error" })
    }

    /// With the limit's connections open, a further client waits (its request is not read);
    /// when one closes, it is served. (HummingbirdTesting's live server drops the limit, so
    /// this test runs the application itself.)
    @Test func aClientBeyondTheConnectionLimitWaitsUntilAConnectionCloses() async throws {
        let world = try T()
        let limits = GoanHTTPServer.Limits(idleTimeout: .seconds(60), maxConnections: 4)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = GoanHTTPServer.application(
            world.api, tokens: T.tokens, address: .hostname("127.0.0.1", port: 0), limits: limits, logger: Logger(label: "goan.test"),
            logRequests: false, onListening: { listening.yield($0) })
        let health = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { listening.finish() }
                try await app.run()
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next(), "the server did not start")
            var held: [LoopbackSocket] = []
            defer { held.forEach { $0.close() } }
            // Each of the limit's connections answered once, then kept open and idle.
            for _ in 0 ..< limits.maxConnections {
                let socket = try await LoopbackSocket.connect(port: port, within: 20)
                socket.send(health)
                #expect(await socket.readResponseHead(seconds: 20).hasPrefix("HTTP/1.1 200"))
                held.append(socket)
            }
            let waiting = try await LoopbackSocket.connect(port: port, within: 20)
            defer { waiting.close() }
            waiting.send(health)
            #expect(await waiting.readResponseHead(seconds: 1).isEmpty, "served beyond the limit")
            held.removeFirst().close()
            #expect(await waiting.readResponseHead(seconds: 20).hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func theConnectionLimitStaysBelowTheOpenFileLimit() throws {
        var files = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        try #require(getrlimit(resource, &files) == 0)
        let limits = GoanHTTPServer.Limits(maxConnections: 10_000_000)
        if files.rlim_cur != rlim_t.max {
            #expect(limits.effectiveMaxConnections < Int(files.rlim_cur))
        }
        #expect(limits.effectiveMaxConnections >= 1)
    }
}

/// A TCP socket to 127.0.0.1 for what an HTTP client would not do: stay silent, stop half-way.
final class LoopbackSocket: Sendable {
    let fd: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SocketError(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Self.close(fd)
            throw SocketError(what: "connect")
        }
    }

    struct SocketError: Error { var what: String }

    /// Sends `text`; false once the connection is gone.
    func sendReportingFailure(_ text: String) -> Bool {
        text.utf8CString.withUnsafeBufferPointer { buffer in
            #if canImport(Glibc)
            Glibc.send(fd, buffer.baseAddress, buffer.count - 1, Int32(MSG_NOSIGNAL)) > 0
            #else
            Darwin.send(fd, buffer.baseAddress, buffer.count - 1, 0) > 0
            #endif
        }
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in
            #if canImport(Glibc)
            Glibc.send(fd, buffer.baseAddress, buffer.count - 1, Int32(MSG_NOSIGNAL))
            #else
            Darwin.send(fd, buffer.baseAddress, buffer.count - 1, 0)
            #endif
        }
    }

    /// Connects, trying again for `within` seconds (a busy machine may refuse at first).
    static func connect(port: Int, within seconds: Double) async throws -> LoopbackSocket {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                return try LoopbackSocket(port: port)
            } catch where Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// The response's head once it came (empty if nothing came within `seconds`).
    func readResponseHead(seconds: Double) async -> String {
        await offThePool { self.blockingReadResponseHead(seconds: seconds) }
    }

    private func blockingReadResponseHead(seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(0, deadline.timeIntervalSinceNow) * 1000)) > 0 else { break }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0 ..< count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether the server closed the connection within `seconds` (what it sent meanwhile is read and dropped).
    func waitUntilClosed(seconds: Double) async -> Bool {
        await offThePool { self.read(seconds: seconds).closed }
    }

    /// Everything the server sent until it closed the connection (or `seconds` passed).
    func readUntilClosed(seconds: Double) async -> String {
        await offThePool { self.read(seconds: seconds).text }
    }

    private func read(seconds: Double) -> (closed: Bool, text: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, left)
            if ready <= 0 { return (false, String(decoding: received, as: UTF8.self)) }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return (true, String(decoding: received, as: UTF8.self)) }
            received += buffer[0 ..< count]
        }
    }

    func close() { Self.close(fd) }

    private static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}

/// Runs blocking socket calls on a thread of their own: blocking the concurrency pool's few
/// threads would stall the server under test.
private func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

/// `connect(2)` (inside `LoopbackSocket`, `connect` names its own static method).
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

/// Log entries kept for a test to read.
final class LogRecord: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
    }

    private let kept = Mutex<[Entry]>([])

    var entries: [Entry] { kept.withLock { $0 } }

    var logger: Logger { Logger(label: "goan.test") { _ in Handler(record: self) } }

    struct Handler: LogHandler {
        let record: LogRecord
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            record.kept.withLock { $0.append(Entry(level: event.level, message: event.message.description)) }
        }
    }
}
