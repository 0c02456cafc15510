//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Bookings
import Hummingbird
import Logging
import Metrics
import Prometheus

/// Runs the API until SIGTERM or SIGINT, then stops accepting connections and finishes the
/// requests in flight (Hummingbird's service group does the graceful shutdown).
public enum GoanHTTPServer {
    public static func run(desk: BookingDesk, tokens: TokenBook, host: String, port: Int, databasePath: String) async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let api = GoanAPI(desk: desk, metricsText: { registry.emitToString() })
        let logger = Logger(label: "goan.serve")
        let app = Application(
            router: api.router(tokens: tokens), configuration: .init(address: .hostname(host, port: port), serverName: "goan"),
            logger: logger)
        logger.info("serving", metadata: ["database": "\(databasePath)", "tokens": "\(tokens.principals.count)", "address": "\(host):\(port)"])
        try await app.runService()
    }
}
