//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Bookings
public import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Hummingbird
import HummingbirdCore
public import Logging
import Metrics
import NIOCore
import Prometheus

/// Runs the API until SIGTERM or SIGINT, then stops accepting connections and finishes the
/// requests in flight (Hummingbird's service group does the graceful shutdown).
public enum GoanHTTPServer {
    /// What one client may hold of the server: without these, idle or half-sent connections
    /// stay open forever and a few thousand of them exhaust the process's file descriptors.
    public struct Limits: Sendable {
        /// A connection that sends nothing (no request, or a request stopped half-way) for
        /// this long is closed; a request being answered is never cut.
        public var idleTimeout: Duration
        /// Open connections at most; further clients wait in the listen backlog until one
        /// closes. Kept below the open-file limit (see `effectiveMaxConnections`).
        public var maxConnections: Int
        /// A request body must have come whole within this time (see `GoanAPI.bodyTimeout`).
        public var bodyTimeout: Duration

        public init(idleTimeout: Duration = .seconds(15), maxConnections: Int = 4096, bodyTimeout: Duration = .seconds(10)) {
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.bodyTimeout = bodyTimeout
        }

        /// `maxConnections`, but at most the open-file limit less what the process needs
        /// besides connections (database, log, listening socket, libraries): at the limit,
        /// `accept` would fail and retry at once, which spins the CPU.
        public var effectiveMaxConnections: Int {
            let reserved = 64
            guard let files = GoanHTTPServer.openFileLimit() else { return maxConnections }
            return max(1, min(maxConnections, files - reserved))
        }
    }

    public static func run(
        desk: BookingDesk, tokens: TokenBook, host: String, port: Int, databasePath: String, limits: Limits = Limits(),
        now: @escaping @Sendable () -> Int64 = UnixClock.system.now
    ) async throws {
        raiseOpenFileLimit()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let api = GoanAPI(desk: desk, now: now, bodyTimeout: limits.bodyTimeout, metricsText: { registry.emitToString() })
        let logger = Logger(label: "goan.serve")
        let app = application(api, tokens: tokens, address: .hostname(host, port: port), limits: limits, logger: logger)
        logger.info(
            "serving",
            metadata: [
                "database": "\(databasePath)", "tokens": "\(tokens.principals.count)", "address": "\(host):\(port)",
                "maxConnections": "\(limits.effectiveMaxConnections)", "idleTimeout": "\(limits.idleTimeout)",
            ])
        try await app.runService()
    }

    /// The application with its limits on connections (the server `run` starts; tests start
    /// it on a free loopback port). `onListening` gets the port once the server listens.
    public static func application(
        _ api: GoanAPI, tokens: TokenBook, address: BindAddress, limits: Limits, logger: Logger, logRequests: Bool = true,
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> Application<RouterResponder<GoanRequestContext>> {
        Application(
            router: api.router(tokens: tokens, logRequests: logRequests),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(limits.idleTimeout / .nanoseconds(1))))),
            configuration: .init(
                address: address, serverName: "goan",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.effectiveMaxConnections, logger: logger)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// The soft limit of open files, or `nil` when unlimited or unknown.
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Raises the soft open-file limit to the hard one (commonly 1,024 → 524,288 on Linux), so
    /// the connection limit, not the descriptor table, decides how many clients are served.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resourceNoFile, &limit)
    }

    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
