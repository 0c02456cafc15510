//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Routes for the vehicles (stops in order, depots left out) and the requests no vehicle takes.
public struct DARPSolution: Sendable, Hashable {
    public var routes: [[Int]]
    /// Pickup nodes of the requests not served.
    public var unassigned: [Int]
    /// Total travel cost of the routes.
    public var cost: Double

    public init(routes: [[Int]], unassigned: [Int], cost: Double) {
        self.routes = routes
        self.unassigned = unassigned
        self.cost = cost
    }

    /// The checker's format: `{"routes": [[…], …]}` with the depots left out.
    public var json: String {
        "{\"routes\": [" + routes.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]}"
    }
}
